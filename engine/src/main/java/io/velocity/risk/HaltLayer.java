package io.velocity.risk;

/**
 * Kill-switch layers (DESIGN.md §5). Any engaged layer halts new orders. Guard layers clear by
 * themselves when their condition clears (a feed comes back, latency recovers); latching layers
 * stay engaged until a trader releases them with a reason, because resuming after a loss limit or
 * an unexplained failure is a human decision.
 */
public enum HaltLayer {
    MANUAL(true),
    LATENCY(false),
    CLOCK_DRIFT(false),
    CONSECUTIVE_LOSSES(true),
    DAILY_LOSS(true),
    VOLATILITY(false),
    STALE_FEED(false),
    RAIL_FAILURE(true),
    ENGINE_ERROR(true),
    RECONCILIATION(false),
    /** The local trade journal refused a record (queue full or disk failure): no new risk until it recovers. */
    JOURNAL(false);

    private final boolean latching;

    HaltLayer(boolean latching) {
        this.latching = latching;
    }

    /** True when only a trader can release the layer. */
    public boolean latching() {
        return latching;
    }
}
