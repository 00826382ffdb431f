package io.velocity.orders;

/** Why a resting order is being cancelled. */
public enum CancelReason {
    EDGE_DEGRADED,
    FAIR_MOVED,
    WINDOW_END,
    KILL_SWITCH,
    MARKET_EXPIRED,
    TRADER,
    FOK_REMAINDER
}
