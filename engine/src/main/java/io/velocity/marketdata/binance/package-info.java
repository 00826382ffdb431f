/**
 * Binance spot, the price truth: stream and REST parsers, realized volatility, window opens and
 * the combined-stream WebSocket feed with rotation before the 24 h limit.
 */
package io.velocity.marketdata.binance;
