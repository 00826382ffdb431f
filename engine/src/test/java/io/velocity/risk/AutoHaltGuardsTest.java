package io.velocity.risk;

import io.velocity.core.ManualClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AutoHaltGuardsTest {
    static final long NOW = 1_780_000_000_000L;
    private final KillSwitch ks = new KillSwitch(new ManualClock(NOW));
    private final AutoHaltGuards guards = new AutoHaltGuards(ks, RiskFixtures.limits());

    @Test
    void consecutiveLossesLatch() {
        guards.onTradeResult(-1_000_000, NOW);
        guards.onTradeResult(-1_000_000, NOW);
        guards.onTradeResult(2_000_000, NOW);
        guards.onTradeResult(-1_000_000, NOW);
        guards.onTradeResult(-1_000_000, NOW);
        assertThat(ks.isHalted()).isFalse();
        guards.onTradeResult(-1_000_000, NOW);
        assertThat(ks.isEngaged(HaltLayer.CONSECUTIVE_LOSSES)).isTrue();
    }

    @Test
    void dailyLossLimitHaltsAndTheCountResetsAtUtcMidnight() {
        guards.onTradeResult(-200_000_000, NOW);
        guards.onTradeResult(5_000_000, NOW);
        assertThat(ks.isHalted()).isFalse();
        guards.onTradeResult(-55_000_000, NOW + 86_400_000L); // next day: only -55
        assertThat(ks.isHalted()).isFalse();
        guards.onTradeResult(-196_000_000, NOW + 86_400_000L);
        assertThat(ks.isEngaged(HaltLayer.DAILY_LOSS)).isTrue();
    }

    @Test
    void aFrozenCriticalFeedHaltsUntilItIsLiveAgain() {
        guards.onFeedHealth("allora", false, "stale");
        assertThat(ks.isHalted()).isFalse();
        guards.onFeedHealth("binance", false, "frozen for 11 s");
        guards.onFeedHealth("clobMarket", false, "down");
        assertThat(ks.state().headline()).isEqualTo("STALE_FEED: binance: frozen for 11 s");
        guards.onFeedHealth("binance", true, "");
        assertThat(ks.isHalted()).isTrue();
        guards.onFeedHealth("clobMarket", true, "");
        assertThat(ks.isHalted()).isFalse();
    }

    @Test
    void clockDriftEngagesTheClockLayer() {
        guards.onFeedHealth("clock", false, "drift 400 ms > 250 ms");
        assertThat(ks.isEngaged(HaltLayer.CLOCK_DRIFT)).isTrue();
        guards.onFeedHealth("clock", true, "");
        assertThat(ks.isHalted()).isFalse();
    }

    @Test
    void railFailuresInARowLatch() {
        guards.onRailResult(false, "timeout");
        guards.onRailResult(false, "timeout");
        guards.onRailResult(true, "");
        guards.onRailResult(false, "503");
        guards.onRailResult(false, "503");
        assertThat(ks.isHalted()).isFalse();
        guards.onRailResult(false, "503");
        assertThat(ks.isEngaged(HaltLayer.RAIL_FAILURE)).isTrue();
    }

    @Test
    void volatilityFarAboveItsMedianHaltsAndCalmingClears() {
        long t = NOW;
        for (int i = 0; i < 60; i++, t += 60_000) {
            guards.onVolatility("btc", 1e-4, t);
        }
        assertThat(ks.isHalted()).isFalse();
        guards.onVolatility("btc", 4.5e-4, t);
        assertThat(ks.isEngaged(HaltLayer.VOLATILITY)).isTrue();
        guards.onVolatility("btc", 1.1e-4, t + 60_000);
        assertThat(ks.isHalted()).isFalse();
    }

    @Test
    void slowTickToIntentHaltsOnP99AndRecovers() {
        long t = NOW;
        for (int i = 0; i < 200; i++) {
            guards.onTickToIntent(i < 190 ? 2_000 : 9_000_000, t); // 5% at 9 ms > 5 ms limit
        }
        guards.onTickToIntent(2_000, t + 10_000);
        assertThat(ks.isEngaged(HaltLayer.LATENCY)).isTrue();
        for (int i = 0; i < 200; i++) {
            guards.onTickToIntent(2_000, t + 10_001);
        }
        guards.onTickToIntent(2_000, t + 20_001);
        assertThat(ks.isHalted()).isFalse();
    }
}
