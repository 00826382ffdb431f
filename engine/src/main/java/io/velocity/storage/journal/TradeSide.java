package io.velocity.storage.journal;

/** Order side on the venue. */
public enum TradeSide {
    BUY,
    SELL
}
