/**
 * Polymarket CLOB market data: market-channel and REST parsers, the canonical order books
 * ({@link io.velocity.marketdata.clob.ClobBooks}), the market WebSocket feed with keepalive,
 * frozen-socket detection and resync, and the user-channel parser.
 */
package io.velocity.marketdata.clob;
