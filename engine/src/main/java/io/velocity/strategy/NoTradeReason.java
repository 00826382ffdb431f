package io.velocity.strategy;

/** Why the strategy did not trade; counted per reason so a trader sees what holds it back. */
public enum NoTradeReason {
    /** A trade was decided. */
    TRADE,
    NO_SPOT_PRICE,
    NO_VOLATILITY,
    NO_WINDOW_OPEN,
    NO_BOOK,
    WINDOW_NOT_STARTED,
    WINDOW_CLOSING,
    EDGE_BELOW_THRESHOLD,
    KELLY_SIZE_ZERO,
    BELOW_MIN_SIZE,
    BOOK_TOO_THIN,
    HALTED,
    RISK_REJECTED,
    ALREADY_WORKING
}
