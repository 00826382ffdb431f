package io.velocity.config;

/** Where market data comes from. */
public enum FeedSource {
    /** The built-in venue simulator on loopback. */
    SIM,
    /** The real Binance, Gamma, CLOB and Allora endpoints. */
    LIVE
}
