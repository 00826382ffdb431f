package io.velocity.marketdata;

/**
 * A CLOB last-trade print.
 *
 * @param tokenId     token id
 * @param priceE4     price in 1e-4 units
 * @param sizeMicros  size in micro-shares
 * @param buy         taker side was BUY
 * @param feeRateBps  fee rate reported with the print
 * @param timeMillis  venue time
 */
public record LastTrade(String tokenId, long priceE4, long sizeMicros, boolean buy, int feeRateBps, long timeMillis) {
}
