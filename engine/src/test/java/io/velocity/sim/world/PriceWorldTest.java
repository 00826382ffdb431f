package io.velocity.sim.world;

import io.velocity.config.AppConfig;
import io.velocity.config.SimConfig;
import io.velocity.sim.SimFixture;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PriceWorldTest {
    private static final long START = SimFixture.START;

    private static PriceWorld world(String... overrides) {
        AppConfig c = SimFixture.config(overrides);
        return new PriceWorld(c.sim(), c.venues().binance().symbols(), START, 3_000);
    }

    @Test
    void sameSeedGivesTheSamePathAndDifferentSeedsDiffer() {
        PriceWorld a = world("sim.seed=11");
        PriceWorld b = world("sim.seed=11");
        PriceWorld c = world("sim.seed=12");
        for (int i = 0; i < 600; i++) {
            a.step();
            b.step();
            c.step();
        }
        for (String asset : a.assets().keySet()) {
            assertThat(a.assets().get(asset).mid()).isEqualTo(b.assets().get(asset).mid());
            assertThat(a.assets().get(asset).lastTradeTicks()).isEqualTo(b.assets().get(asset).lastTradeTicks());
            assertThat(a.assets().get(asset).mid()).isNotEqualTo(c.assets().get(asset).mid());
        }
        long sec = a.now() / 1000 - 1;
        assertThat(a.assets().get("btc").bars().volume(sec)).isEqualTo(b.assets().get("btc").bars().volume(sec));
    }

    @Test
    void realisedVolatilityMatchesTheConfiguredNormalRegime() {
        PriceWorld w = world("sim.timeCompression=1", "sim.warmup=0s", "sim.regimes.calmMultiplier=1", "sim.regimes.stormMultiplier=1",
                "sim.regimes.trendStrength=0", "sim.assets.btc.jumpsPerDay=0");
        int seconds = 7_200;
        double prev = Double.NaN;
        double sum = 0;
        double sumSq = 0;
        int n = 0;
        for (int s = 0; s < seconds * 10; s++) {
            w.step();
            if (w.now() % 1000 == 0) {
                double p = w.priceAt("btc", w.now());
                if (!Double.isNaN(prev)) {
                    double r = Math.log(p / prev);
                    sum += r;
                    sumSq += r * r;
                    n++;
                }
                prev = p;
            }
        }
        double var = sumSq / n - (sum / n) * (sum / n);
        double annual = Math.sqrt(var * 365 * 86_400);
        assertThat(annual).isCloseTo(0.55, within(0.55 * 0.08));
    }

    @Test
    void compressionScalesVolatilitySoACompressedWindowMovesLikeARealOne() {
        double real = world("sim.timeCompression=1").assets().get("eth").baseSigmaPerSqrtSecond();
        double fast = world("sim.timeCompression=10").assets().get("eth").baseSigmaPerSqrtSecond();
        // A 900 s window at 1x and a 90 s window at 10x have the same standard deviation of log-return.
        assertThat(fast * Math.sqrt(90)).isCloseTo(real * Math.sqrt(900), within(1e-12));
    }

    @Test
    void volatilityRegimesSwitchOverTime() {
        PriceWorld w = world("sim.regimes.meanDuration=5s", "sim.regimes.stormShare=0.5");
        Set<Regime> seen = new HashSet<>();
        for (int i = 0; i < 3_000; i++) {
            w.step();
            seen.add(w.assets().get("sol").regime());
        }
        assertThat(seen).containsExactlyInAnyOrder(Regime.CALM, Regime.NORMAL, Regime.STORM);
    }

    @Test
    void jumpsProduceMovesFarBeyondTheDiffusion() {
        PriceWorld calm = world("sim.timeCompression=1", "sim.assets.xrp.jumpsPerDay=0", "sim.regimes.stormMultiplier=1");
        PriceWorld jumpy = world("sim.timeCompression=1", "sim.assets.xrp.jumpsPerDay=5000", "sim.assets.xrp.jumpStdev=0.02",
                "sim.regimes.stormMultiplier=1");
        assertThat(largestStepMove(jumpy)).isGreaterThan(5 * largestStepMove(calm));
    }

    private static double largestStepMove(PriceWorld w) {
        double max = 0;
        double prev = w.assets().get("xrp").mid();
        for (int i = 0; i < 6_000; i++) {
            w.step();
            double p = w.assets().get("xrp").mid();
            max = Math.max(max, Math.abs(Math.log(p / prev)));
            prev = p;
        }
        return max;
    }

    @Test
    void windowPricesAreReadAtWholeSecondsWithinTheKeptHistory() {
        PriceWorld w = world();
        long t = w.now();
        for (int i = 0; i < 25; i++) {
            w.step();
        }
        double atT = w.priceAt("btc", t);
        assertThat(atT).isPositive();
        assertThat(w.priceAt("btc", t + 999)).isEqualTo(atT);
        assertThat(w.priceAt("btc", t + 60_000)).isNaN();
        assertThat(w.priceAt("btc", t - 86_400_000L)).isNaN();
        assertThat(w.priceAt("nope", t)).isNaN();
    }

    @Test
    void stepGridStartsAtOrAfterTheRequestedStart() {
        PriceWorld w = world();
        SimConfig sim = SimFixture.config().sim();
        assertThat(w.now()).isGreaterThanOrEqualTo(START).isLessThan(START + sim.step().toMillis());
        assertThat(w.now() % sim.step().toMillis()).isZero();
    }
}
