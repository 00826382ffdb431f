package io.velocity.sim;

import io.velocity.core.ManualClock;
import io.velocity.sim.clob.BookSnapshot;
import io.velocity.sim.market.SimMarket;
import io.velocity.sim.world.AssetPath;
import io.velocity.sim.world.Normal;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulated market makers quote around a lagged, noisy fair value: edges appear and vanish. */
class LiquidityTest {
    @Test
    void quotesTrackTheFairValueButAreSometimesOff() {
        ManualClock clock = new ManualClock(SimFixture.START);
        try (VenueSimulator sim = SimFixture.manual(clock, "sim.timeCompression=5")) {
            int close = 0;
            int off = 0;
            int twoSided = 0;
            for (int i = 0; i < 160; i++) {
                SimFixture.advance(sim, clock, 1_000);
                double[] v = sim.inspect(s -> {
                    SimMarket m = s.catalog().upDownAt("btc", "15m", s.world().now());
                    BookSnapshot b = s.exchange().snapshot(m, 0);
                    AssetPath a = s.world().assets().get("btc");
                    double tau = (m.endMillis() - s.world().now()) / 1000.0;
                    if (b.bestBid() < 0 || b.bestAsk() < 0 || tau < 20 || s.world().now() < m.startMillis() + 2_000) {
                        return null;
                    }
                    double fair = Normal.cdf(Math.log(a.mid() / m.openPrice()) / (a.sigmaPerSqrtSecond() * Math.sqrt(tau)));
                    double mid = (b.bestBid() + b.bestAsk()) / 2.0 / SimMarket.PRICE_ONE;
                    return new double[]{fair, mid};
                });
                if (v == null) {
                    continue;
                }
                twoSided++;
                double gap = Math.abs(v[0] - v[1]);
                if (gap < 0.03) {
                    close++;
                }
                if (gap > 0.04) {
                    off++;
                }
            }
            assertThat(twoSided).isGreaterThan(100);
            assertThat(close).as("quotes near the true fair value").isGreaterThan(twoSided / 3);
            assertThat(off).as("quotes away from the true fair value (an edge)").isPositive();
        }
    }
}
