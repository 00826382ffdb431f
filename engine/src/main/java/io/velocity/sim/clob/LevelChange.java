package io.velocity.sim.clob;

/**
 * A changed price level in the first (Up) token's terms: its side and its new total size
 * (0 removes it). The second token sees the mirror: the other side at {@code 1 - price}.
 */
public record LevelChange(boolean upBid, long upPrice, long size) {
}
