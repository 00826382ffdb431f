package io.velocity.marketdata;

/** Health of one feed, from message age against its thresholds. */
public enum FeedState {
    CONNECTING,
    LIVE,
    STALE,
    /** Connected (pings answered) but no data: the silent-socket failure. */
    FROZEN,
    DOWN
}
