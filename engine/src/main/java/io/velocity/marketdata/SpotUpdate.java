package io.velocity.marketdata;

/**
 * Binance state of one asset.
 *
 * @param asset             lower-case asset, e.g. {@code btc}
 * @param bid               best bid from bookTicker
 * @param ask               best ask from bookTicker
 * @param lastTradePrice    price of the newest aggTrade (NaN before the first)
 * @param volPerSqrtSecond  rolling realized volatility of log returns per sqrt(second) (NaN until warm)
 * @param exchangeTimeMillis Binance time of the newest trade (bookTicker has none)
 * @param receivedNanos     {@link io.velocity.core.Clock#nanoTime()} when the message was read
 */
public record SpotUpdate(String asset, double bid, double ask, double lastTradePrice, double volPerSqrtSecond,
                         long exchangeTimeMillis, long receivedNanos) {
    /** Mid price from the book ticker. */
    public double mid() {
        return (bid + ask) / 2.0;
    }
}
