package io.velocity.orders;

import io.velocity.strategy.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LadderCancelPolicyTest {
    private final LadderCancelPolicy policy = new LadderCancelPolicy(io.velocity.strategy.StrategyFixtures.strategy(0.02));

    private static ManagedOrder bidAt(long priceE4, double fairAtPlacement) {
        return new ManagedOrder(1, "t", "c", "tok", Outcome.UP, true, IntentType.LADDER, TimeInForce.GTC, priceE4,
                10_000_000, fairAtPlacement, 0);
    }

    @Test
    void keepsAnOrderWhoseEdgeHolds() {
        assertThat(policy.evaluate(bidAt(4_800, 0.50), 0.505, 100, 120_000)).isNull();
    }

    @Test
    void cancelsWhenMakerEdgeFallsBelowTheMinimum() {
        assertThat(policy.evaluate(bidAt(4_800, 0.50), 0.4849, 100, 120_000)).isEqualTo(CancelReason.EDGE_DEGRADED);
        assertThat(policy.evaluate(bidAt(4_800, 0.50), Double.NaN, 100, 120_000)).isEqualTo(CancelReason.EDGE_DEGRADED);
    }

    @Test
    void cancelsWhenFairMovedMoreThanNTicks() {
        // 2 ticks of 0.01 = 0.02: a move of 0.025 upwards keeps the edge but re-prices the ladder
        assertThat(policy.evaluate(bidAt(4_800, 0.50), 0.525, 100, 120_000)).isEqualTo(CancelReason.FAIR_MOVED);
        assertThat(policy.evaluate(bidAt(4_800, 0.50), 0.519, 100, 120_000)).isNull();
    }

    @Test
    void cancelsNearTheWindowEnd() {
        assertThat(policy.evaluate(bidAt(4_800, 0.50), 0.505, 100, 30_000)).isEqualTo(CancelReason.WINDOW_END);
    }
}
