package io.velocity.strategy;

import io.velocity.config.StrategyConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TradeDeciderTest {
    static final long NOW = 1_780_000_000_000L;

    static StrategyConfig strategy(double snipeThreshold) {
        return StrategyFixtures.strategy(snipeThreshold);
    }

    /** A simple Kelly for tests: a fixed stake whenever there is edge. */
    static final Sizer FIXED_20_USD = (price, q, fee) -> q > price + fee ? 20_000_000L : 0L;

    MarketInputs in;
    Analysis out;
    TradeDecider decider;

    @BeforeEach
    void setUp() {
        in = new MarketInputs(10);
        in.windowStartMillis = NOW - 60_000;
        in.windowEndMillis = NOW + 240_000;
        in.tickE4 = 100;
        in.minOrderSizeMicros = 5_000_000;
        in.feeRate = 0.07;
        in.feeExponent = 1;
        in.spot = 100_000;
        in.open = 100_000;
        in.volPerSqrtSecond = 1e-4;
        out = new Analysis();
        decider = new TradeDecider(FIXED_20_USD, strategy(0.02), 0);
    }

    void book(boolean up, long bid, long ask) {
        if (up) {
            in.upBidPrices[0] = bid;
            in.upBidSizes[0] = 500_000_000;
            in.upAskPrices[0] = ask;
            in.upAskSizes[0] = 500_000_000;
            in.upBidDepth = 1;
            in.upAskDepth = 1;
        } else {
            in.downBidPrices[0] = bid;
            in.downBidSizes[0] = 500_000_000;
            in.downAskPrices[0] = ask;
            in.downAskSizes[0] = 500_000_000;
            in.downBidDepth = 1;
            in.downAskDepth = 1;
        }
    }

    @Test
    void snipesUpWhenEdgeBeatsFeePlusGasPlusThreshold() {
        in.spot = 100_200; // fair ~ Phi(ln(1.002)/(1e-4*sqrt(240))) = Phi(1.2897) ~ 0.9014
        book(true, 7_900, 8_000);
        book(false, 1_900, 2_100);
        decider.evaluate(in, NOW, out);
        assertThat(out.fairUp).isCloseTo(0.9014, within(1e-3));
        assertThat(out.decision).isEqualTo(Decision.SNIPE);
        assertThat(out.outcome).isEqualTo(Outcome.UP);
        assertThat(out.implied).isEqualTo(0.8);
        assertThat(out.takerFee).isCloseTo(0.07 * 0.8 * 0.2, within(1e-12));
        assertThat(out.edge).isCloseTo(out.fairUp - 0.8, within(1e-12));
        // $20 / (0.8 + 0.0112) = 24.65 shares, rounded down to 0.01
        assertThat(out.sharesMicros).isEqualTo(24_650_000);
        assertThat(out.evPerDollar).isCloseTo((out.fairUp - 0.8112) / 0.8112, within(1e-12));
    }

    @Test
    void doesNotSnipeWhenEdgeIsJustBelowTheThresholdAfterFees() {
        in.spot = 100_200;
        decider.evaluate(in, NOW, out);
        double fair = out.fairUp;
        // choose an ask so that edge - fee is 0.019 < 0.02
        long ask = 0;
        for (long a = 5_000; a < 10_000; a += 1) {
            double p = a / 1e4;
            if (fair - p - TakerFee.perShare(p, 0.07, 1) < 0.019) {
                ask = a;
                break;
            }
        }
        book(true, ask - 200, ask);
        decider.evaluate(in, NOW, out);
        assertThat(out.decision).isNotEqualTo(Decision.SNIPE);
    }

    @Test
    void snipesDownWhenThePriceFellBelowTheOpen() {
        in.spot = 99_800;
        book(true, 1_900, 2_000);
        book(false, 7_900, 8_000);
        decider.evaluate(in, NOW, out);
        assertThat(out.decision).isEqualTo(Decision.SNIPE);
        assertThat(out.outcome).isEqualTo(Outcome.DOWN);
    }

    @Test
    void laddersWhenTakerEdgeIsTooSmallButMakerEdgeIsPositive() {
        // fair = 0.5; asks at 0.52 give negative taker edge; a bid at 0.47 + 1 tick = 0.48 has maker edge 0.02
        book(true, 4_700, 5_200);
        book(false, 4_700, 5_200);
        decider.evaluate(in, NOW, out);
        assertThat(out.decision).isEqualTo(Decision.LADDER);
        assertThat(out.ladderPriceE4).isEqualTo(4_800);
        assertThat(out.makerEdge).isCloseTo(0.02, within(1e-6));
        assertThat(out.sharesMicros).isEqualTo(41_660_000); // $20 / 0.48
    }

    @Test
    void ladderNeverCrossesTheAskNorExceedsFairMinusMinMakerEdge() {
        book(true, 4_900, 5_000); // bid+tick = 0.50 but fair - 0.005 = 0.495 -> cap 0.49; ask 0.50
        book(false, 4_900, 5_000);
        decider.evaluate(in, NOW, out);
        assertThat(out.decision).isEqualTo(Decision.LADDER);
        assertThat(out.ladderPriceE4).isEqualTo(4_900);
    }

    @Test
    void noNewLaddersNearTheEnd() {
        in.windowEndMillis = NOW + 20_000;
        book(true, 4_700, 5_200);
        decider.evaluate(in, NOW, out);
        assertThat(out.decision).isEqualTo(Decision.NONE);
        assertThat(out.reason).isEqualTo(NoTradeReason.WINDOW_CLOSING);
    }

    @Test
    void explainsEveryMissingInput() {
        in.spot = Double.NaN;
        decider.evaluate(in, NOW, out);
        assertThat(out.reason).isEqualTo(NoTradeReason.NO_SPOT_PRICE);
        in.spot = 100_000;
        in.volPerSqrtSecond = Double.NaN;
        decider.evaluate(in, NOW, out);
        assertThat(out.reason).isEqualTo(NoTradeReason.NO_VOLATILITY);
        in.volPerSqrtSecond = 1e-4;
        in.open = Double.NaN;
        decider.evaluate(in, NOW, out);
        assertThat(out.reason).isEqualTo(NoTradeReason.NO_WINDOW_OPEN);
        in.open = 100_000;
        decider.evaluate(in, NOW, out);
        assertThat(out.reason).isEqualTo(NoTradeReason.NO_BOOK);
        decider.evaluate(in, in.windowStartMillis - 1, out);
        assertThat(out.reason).isEqualTo(NoTradeReason.WINDOW_NOT_STARTED);
    }

    @Test
    void gasIsSpreadOverTheSharesAndCanBlockASnipe() {
        in.spot = 100_200;
        book(true, 7_900, 8_000);
        decider = new TradeDecider(FIXED_20_USD, strategy(0.02), 3_000_000); // $3 gas over ~24.65 shares = 0.12/share
        decider.evaluate(in, NOW, out);
        assertThat(out.gasPerShare).isCloseTo(3.0 / 24.65, within(1e-9));
        assertThat(out.decision).isNotEqualTo(Decision.SNIPE);
    }

    @Test
    void snipeSizeIsCappedByVisibleDepth() {
        in.spot = 100_300;
        book(true, 7_900, 8_000);
        in.upAskSizes[0] = 3_000_000; // only 3 shares at 0.80
        in.upAskPrices[1] = 8_100;
        in.upAskSizes[1] = 4_000_000;
        in.upAskDepth = 2;
        decider.evaluate(in, NOW, out);
        assertThat(out.sharesMicros).isEqualTo(7_000_000);
        assertThat(out.implied).isCloseTo((3 * 0.80 + 4 * 0.81) / 7, within(1e-9));
    }
}
