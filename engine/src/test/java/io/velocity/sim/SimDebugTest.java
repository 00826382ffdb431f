package io.velocity.sim;

import io.velocity.core.ManualClock;
import io.velocity.sim.clob.BookSnapshot;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.Test;

class SimDebugTest {
    @Test
    void debug() {
        ManualClock clock = new ManualClock(SimFixture.START);
        try (VenueSimulator sim = SimFixture.manual(clock)) {
            for (int i = 0; i < 300; i++) {
                SimFixture.advance(sim, clock, 1000);
                String line = sim.inspect(st -> {
                    SimMarket m = st.catalog().upDownAt("btc", "15m", st.world().now());
                    BookSnapshot b = st.exchange().snapshot(m, 0);
                    return m.slug() + " tick=" + m.tickUnits() + " open=" + m.openPrice() + " mid=" + st.world().assets().get("btc").mid()
                            + " bids=" + b.bidPrices().length + " asks=" + b.askPrices().length + " bb=" + b.bestBid() + " ba=" + b.bestAsk()
                            + " left=" + (m.endMillis() - st.world().now());
                });
                if (i % 5 == 0) System.err.println(line);
            }
        }
    }
}
