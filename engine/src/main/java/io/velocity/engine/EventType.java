package io.velocity.engine;

/** Kinds of events on the engine's inbound ring. */
enum EventType {
    SPOT,
    BOOK_TOP,
    WINDOW_OPEN,
    SIGNAL,
    MARKET,
    MARKET_EXPIRED,
    LAST_TRADE,
    USER_ORDER,
    USER_TRADE,
    FEED_STATE,
    EXECUTION,
    COMMAND,
    STRATEGY_RESULT,
    TIMER
}
