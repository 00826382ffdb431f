package io.velocity.marketdata;

/**
 * Binance price of an asset at a window's start, the "price to beat" proxy.
 *
 * @param asset            lower-case asset
 * @param windowStartMillis the window's {@code eventStartTime}
 * @param openPrice        price at that instant
 * @param source           {@code stream} (seen live) or {@code kline} (REST backfill after a mid-window start)
 */
public record WindowOpen(String asset, long windowStartMillis, double openPrice, String source) {
}
