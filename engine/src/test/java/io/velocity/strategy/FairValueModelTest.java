package io.velocity.strategy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FairValueModelTest {
    @Test
    void normalCdfMatchesTabulatedValues() {
        assertThat(NormalCdf.phi(0)).isCloseTo(0.5, within(1e-7));
        assertThat(NormalCdf.phi(1)).isCloseTo(0.8413447460685429, within(2e-7));
        assertThat(NormalCdf.phi(-1.96)).isCloseTo(0.024997895148220435, within(2e-8));
        assertThat(NormalCdf.phi(3)).isCloseTo(0.9986501019683699, within(2e-7));
        assertThat(NormalCdf.phi(-6)).isCloseTo(9.865876450376946e-10, within(1e-11));
    }

    @Test
    void atTheOpenFairValueIsOneHalf() {
        assertThat(FairValueModel.probabilityUp(100_000, 100_000, 1e-4, 300)).isCloseTo(0.5, within(1e-7));
    }

    @Test
    void matchesTheClosedFormByHand() {
        // ln(100100/100000) = 0.0009995003; sigma*sqrt(tau) = 0.001; z = 0.9995 -> 0.841224 (reference: erfc in double precision)
        double p = FairValueModel.probabilityUp(100_100, 100_000, 1e-4, 100);
        assertThat(p).isCloseTo(NormalCdf.phi(Math.log(100_100 / 100_000.0) / 0.001), within(1e-12));
        assertThat(p).isCloseTo(0.8412238110966661, within(2e-7));
        assertThat(FairValueModel.probabilityUp(99_900, 100_000, 1e-4, 100)).isCloseTo(0.15853421813843827, within(2e-7));
    }

    @Test
    void atTheCloseTheOutcomeIsDecidedAndTiesResolveUp() {
        assertThat(FairValueModel.probabilityUp(100, 100, 1e-4, 0)).isEqualTo(1 - FairValueModel.MIN_P);
        assertThat(FairValueModel.probabilityUp(99.99, 100, 1e-4, 0)).isEqualTo(FairValueModel.MIN_P);
    }

    @Test
    void unusableInputsGiveNaN() {
        assertThat(FairValueModel.probabilityUp(0, 100, 1e-4, 10)).isNaN();
        assertThat(FairValueModel.probabilityUp(100, Double.NaN, 1e-4, 10)).isNaN();
        assertThat(FairValueModel.probabilityUp(100, 100, 0, 10)).isNaN();
    }

    @Test
    void aBullishSignalRaisesFairValueInProportionToItsWeight() {
        double base = FairValueModel.probabilityUp(100, 100, 1e-4, 400);
        double half = FairValueModel.blended(100, 100, 1e-4, 400, 0.004, 1200, 0.5);
        double full = FairValueModel.blended(100, 100, 1e-4, 400, 0.004, 1200, 1.0);
        // drift = 0.004 * 400/1200 = 0.001333; sigma*sqrt(tau) = 0.002; z = 0.6667
        assertThat(full).isCloseTo(NormalCdf.phi(0.004 * 400 / 1200 / 0.002), within(1e-9));
        assertThat(half).isCloseTo(0.5 * base + 0.5 * full, within(1e-12));
        assertThat(FairValueModel.blended(100, 100, 1e-4, 400, 0.004, 1200, 0)).isEqualTo(base);
    }

    @Test
    void takerFeeFollowsTheVenueFormula() {
        // r = 0.07, e = 1: 0.07 * 0.5 * 0.5 = 0.0175 per share at p = 0.5
        assertThat(TakerFee.perShare(0.5, 0.07, 1)).isCloseTo(0.0175, within(1e-15));
        // e = 2 at p = 0.8: 0.07 * (0.16)^2 = 0.001792
        assertThat(TakerFee.perShare(0.8, 0.07, 2)).isCloseTo(0.001792, within(1e-15));
        // 100 shares at 0.5, r 0.07, e 1 -> $1.75
        assertThat(TakerFee.micros(100_000_000, 0.5, 0.07, 1)).isEqualTo(1_750_000);
        assertThat(TakerFee.micros(1_000_000, 0.3, 0.07, 1)).isEqualTo(14_700);
        assertThat(TakerFee.perShare(0.5, 0, 1)).isZero();
    }

    @Test
    void depthAwarePriceWalksTheBook() {
        long[] prices = {5_000, 5_100, 5_300};
        long[] sizes = {10_000_000, 10_000_000, 100_000_000};
        assertThat(DepthPricer.averagePriceE4(prices, sizes, 3, 5_000_000, true, Long.MAX_VALUE)).isEqualTo(5_000);
        assertThat(DepthPricer.averagePriceE4(prices, sizes, 3, 20_000_000, true, Long.MAX_VALUE)).isEqualTo(5_050);
        assertThat(DepthPricer.averagePriceE4(prices, sizes, 3, 30_000_000, true, Long.MAX_VALUE)).isCloseTo(5_133.33, within(0.01));
        assertThat(DepthPricer.averagePriceE4(prices, sizes, 3, 30_000_000, true, 5_100)).isNaN();
        assertThat(DepthPricer.availableMicros(prices, sizes, 3, true, 5_100)).isEqualTo(20_000_000);
    }
}
