package io.velocity.risk;

import io.velocity.core.ManualClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PreTradeRiskTest {
    static final long NOW = 1_780_000_000_000L;
    private final KillSwitch ks = new KillSwitch(new ManualClock(NOW));
    private final PreTradeRisk risk = new PreTradeRisk(ks, RiskFixtures.limits());
    private OrderCheck o;

    @BeforeEach
    void aGoodOrder() {
        o = new OrderCheck();
        o.priceE4 = 5_000;
        o.sizeMicros = 20_000_000; // 20 shares at 0.50 = $10
        o.marketable = false;
        o.tickE4 = 100;
        o.minOrderSizeMicros = 5_000_000;
        o.fairProbability = 0.55;
        o.secondsLeft = 120;
    }

    @Test
    void passesAnOrderWithinEveryLimit() {
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PASS);
    }

    @Test
    void refusesEverythingWhileHalted() {
        ks.engage(HaltLayer.MANUAL, "x");
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.HALTED);
    }

    @Test
    void refusesPricesOutsideTheTickRangeOrOffTick() {
        o.priceE4 = 0;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.INVALID_PRICE);
        o.priceE4 = 9_950;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.INVALID_PRICE);
        o.priceE4 = 5_050;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.OFF_TICK);
        o.tickE4 = 10;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PASS);
    }

    @Test
    void enforcesMinimumSizesForRestingAndMarketableOrders() {
        o.sizeMicros = 4_990_000;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.BELOW_MIN_SIZE);
        o.marketable = true;
        o.sizeMicros = 1_980_000; // $0.99
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.BELOW_MIN_SIZE);
        o.sizeMicros = 2_000_000; // $1.00
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PASS);
    }

    @Test
    void enforcesMaxOrderAndPositionLimits() {
        o.sizeMicros = 100_020_000; // $50.01
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.MAX_ORDER_SIZE);
        o.sizeMicros = 100_000_000; // $50.00 exactly is allowed
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PASS);
        o.marketExposureMicros = 150_000_001;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.MAX_POSITION_MARKET);
        o.marketExposureMicros = 0;
        o.windowExposureMicros = 350_000_001;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.MAX_POSITION_WINDOW);
    }

    @Test
    void collarsPricesAroundFairValue() {
        o.fairProbability = 0.66;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PRICE_COLLAR);
        o.fairProbability = 0.64;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PASS);
        o.fairProbability = Double.NaN;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PRICE_COLLAR);
    }

    @Test
    void refusesBuyingBothOutcomesAtASumOfOneOrMore() {
        o.oppositeRestingBuyE4 = 5_000;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.SELF_CROSS);
        o.oppositeRestingBuyE4 = 4_900;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.PASS);
    }

    @Test
    void noNewRiskInTheLastSecondsOfAWindow() {
        o.secondsLeft = 19.9;
        assertThat(risk.check(o, NOW)).isEqualTo(RiskRule.NEAR_WINDOW_END);
    }

    @Test
    void throttlesOrdersPerMinute() {
        for (int i = 0; i < 5; i++) {
            assertThat(risk.check(o, NOW + i)).isEqualTo(RiskRule.PASS);
            risk.recordSend(NOW + i);
        }
        assertThat(risk.check(o, NOW + 10)).isEqualTo(RiskRule.THROTTLE);
        assertThat(risk.check(o, NOW + 60_000)).isEqualTo(RiskRule.PASS);
    }
}
