package io.velocity.risk;

/** Pre-trade checks; a rejection names the rule that refused the order. */
public enum RiskRule {
    PASS,
    HALTED,
    INVALID_PRICE,
    OFF_TICK,
    BELOW_MIN_SIZE,
    MAX_ORDER_SIZE,
    MAX_POSITION_MARKET,
    MAX_POSITION_WINDOW,
    PRICE_COLLAR,
    SELF_CROSS,
    NEAR_WINDOW_END,
    THROTTLE
}
