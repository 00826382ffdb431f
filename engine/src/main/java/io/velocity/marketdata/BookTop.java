package io.velocity.marketdata;

/**
 * The best levels of one outcome token's book. Prices are in units of 0.0001 (the finest CLOB
 * tick), sizes in micro-shares. Index 0 is the best level; arrays hold {@code depth} valid entries.
 *
 * @param tokenId        CLOB token (asset) id, decimal string
 * @param conditionId    market id
 * @param bidPrices      best-first bid prices (1e-4 units)
 * @param bidSizes       matching sizes (micro-shares)
 * @param askPrices      best-first ask prices (1e-4 units)
 * @param askSizes       matching sizes (micro-shares)
 * @param bidDepth       valid bid entries
 * @param askDepth       valid ask entries
 * @param tickE4         current tick size in 1e-4 units (1, 10, 100 or 1000)
 * @param venueTimeMillis venue timestamp of the last applied message
 * @param receivedNanos  when the last applied message was read
 */
public record BookTop(String tokenId, String conditionId, long[] bidPrices, long[] bidSizes, long[] askPrices,
                      long[] askSizes, int bidDepth, int askDepth, int tickE4, long venueTimeMillis,
                      long receivedNanos) {
}
