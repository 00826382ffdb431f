package io.velocity.engine;

/** A point of the bankroll/PnL chart (one every few seconds). */
public record PnlPoint(long timeMillis, long equityMicros, long realizedMicros, long unrealizedMicros) {
}
