/**
 * Market data: Binance (the price truth), Allora (the forecast signal), Gamma discovery and the
 * CLOB order-book and user streams. Each feed parses on its own threads and hands the engine
 * compact, already-normalised updates through {@link io.velocity.marketdata.MarketDataSink};
 * nothing here runs on the engine thread.
 */
package io.velocity.marketdata;
