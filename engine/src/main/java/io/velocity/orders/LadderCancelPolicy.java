package io.velocity.orders;

import io.velocity.config.StrategyConfig;

/**
 * When a resting ladder order must go: its maker edge fell below the minimum, fair value moved
 * more than N ticks since it was placed, or the window is about to end. The engine evaluates it on
 * every tick that touches the market, and cancels leave within the same event, so the time from
 * degradation to cancel is the engine's tick-to-intent latency plus the rail's send time.
 */
public final class LadderCancelPolicy {
    private double minMakerEdge;
    private int fairMoveTicks;
    private long cutoffMillis;

    public LadderCancelPolicy(StrategyConfig strategy) {
        configure(strategy);
    }

    public void configure(StrategyConfig strategy) {
        this.minMakerEdge = strategy.ladder().minMakerEdge();
        this.fairMoveTicks = strategy.ladder().cancelOnFairMoveTicks();
        this.cutoffMillis = strategy.ladder().cancelBeforeEnd().toMillis();
    }

    /**
     * @param order         a resting buy of {@code order.outcome}
     * @param fairOfOutcome current fair probability of that outcome
     * @param tickE4        market tick in 1e-4 units
     * @param millisLeft    time left in the window
     * @return why to cancel, or null to keep it
     */
    public CancelReason evaluate(ManagedOrder order, double fairOfOutcome, int tickE4, long millisLeft) {
        if (millisLeft <= cutoffMillis) {
            return CancelReason.WINDOW_END;
        }
        if (Double.isNaN(fairOfOutcome) || fairOfOutcome - order.priceE4 / 1e4 < minMakerEdge) {
            return CancelReason.EDGE_DEGRADED;
        }
        if (Math.abs(fairOfOutcome - order.fairAtPlacement) * 1e4 > (double) fairMoveTicks * tickE4) {
            return CancelReason.FAIR_MOVED;
        }
        return null;
    }
}
