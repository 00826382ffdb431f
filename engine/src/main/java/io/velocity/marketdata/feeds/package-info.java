/**
 * The network side of market data: sockets and pollers that fetch venue messages and hand them
 * to the production parsers and state holders ({@code binance}, {@code clob}, {@code gamma},
 * {@code allora}), each on its own threads, never on the engine's. {@link
 * io.velocity.marketdata.feeds.MarketDataFeeds} builds and owns them all.
 */
package io.velocity.marketdata.feeds;
