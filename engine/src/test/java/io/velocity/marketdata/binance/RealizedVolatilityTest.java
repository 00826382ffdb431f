package io.velocity.marketdata.binance;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RealizedVolatilityTest {

    /** The definition, computed the slow and obvious way over the whole history. */
    static double naiveVol(long[] t, double[] p, int n, long window) {
        long now = t[n - 1];
        long start = Math.max(now - window, t[0]);
        if (now - start < 15_000) {
            return Double.NaN;
        }
        double sum = 0;
        for (int i = 1; i < n; i++) {
            if (t[i] > now - window) {
                double r = Math.log(p[i] / p[i - 1]);
                sum += r * r;
            }
        }
        return Math.sqrt(sum / ((now - start) / 1000.0));
    }

    @Test
    void matchesTheDefinitionTradeByTradeOverRandomBurstyTrades() {
        Random rnd = new Random(3);
        int n = 20_000;
        long[] t = new long[n];
        double[] p = new double[n];
        RealizedVolatility vol = new RealizedVolatility(60_000, 15_000, 1 << 16);
        long time = 1_000_000;
        double price = 100_000;
        for (int i = 0; i < n; i++) {
            time += rnd.nextInt(10) == 0 ? 0 : rnd.nextInt(25) == 0 ? 5_000 : rnd.nextInt(400);
            price *= Math.exp(rnd.nextGaussian() * 1e-4);
            t[i] = time;
            p[i] = price;
            vol.onTrade(time, price);
            if (i % 97 == 0 || i == n - 1) {
                double expected = naiveVol(t, p, i + 1, 60_000);
                if (Double.isNaN(expected)) {
                    assertThat(vol.volPerSqrtSecond()).isNaN();
                } else {
                    assertThat(vol.volPerSqrtSecond()).isCloseTo(expected, within(expected * 1e-9));
                }
            }
        }
    }

    @Test
    void recoversTheDiffusionVolatilityOfASimulatedPath() {
        Random rnd = new Random(11);
        double sigma = 5e-4; // per sqrt-second
        RealizedVolatility vol = RealizedVolatility.oneMinute();
        double price = 3000;
        for (long ms = 0; ms <= 60_000; ms += 100) {
            price *= Math.exp(sigma * Math.sqrt(0.1) * rnd.nextGaussian());
            vol.onTrade(ms, price);
        }
        assertThat(vol.volPerSqrtSecond()).isCloseTo(sigma, within(sigma * 0.1));
    }

    @Test
    void staysNaNUntilWarmAndShortensTheWindowWhenTheBufferOverflows() {
        RealizedVolatility vol = new RealizedVolatility(60_000, 15_000, 8);
        vol.onTrade(0, 100);
        vol.onTrade(10_000, 101);
        assertThat(vol.volPerSqrtSecond()).isNaN();
        for (int i = 1; i <= 20; i++) {
            vol.onTrade(10_000 + i * 1000L, i % 2 == 0 ? 101 : 100);
        }
        // 8 returns kept: the estimate covers only the time since the newest dropped return
        assertThat(vol.coverageMillis()).isEqualTo(8_000);
        assertThat(vol.volPerSqrtSecond()).isNaN();
        RealizedVolatility wide = new RealizedVolatility(60_000, 5_000, 8);
        for (int i = 0; i <= 20; i++) {
            wide.onTrade(i * 1000L, i % 2 == 0 ? 101 : 100);
        }
        double r = Math.log(101.0 / 100.0);
        assertThat(wide.volPerSqrtSecond()).isCloseTo(Math.sqrt(8 * r * r / 8.0), within(1e-12));
    }

    @Test
    void ignoresNonPositivePricesAndClampsTimeGoingBackwards() {
        RealizedVolatility vol = new RealizedVolatility(60_000, 1_000, 16);
        vol.onTrade(0, 100);
        vol.onTrade(1_000, 0);
        vol.onTrade(2_000, Double.NaN);
        vol.onTrade(2_000, 110);
        vol.onTrade(1_500, 100);
        assertThat(vol.lastTradeMillis()).isEqualTo(2_000);
        double r = Math.log(1.1);
        assertThat(vol.variancePerSecond()).isCloseTo(2 * r * r / 2.0, within(1e-12));
    }
}
