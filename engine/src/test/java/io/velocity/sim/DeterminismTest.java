package io.velocity.sim;

import io.velocity.core.ManualClock;
import io.velocity.sim.clob.ApiCredential;
import io.velocity.sim.clob.BookSnapshot;
import io.velocity.sim.clob.OrderRequest;
import io.velocity.sim.clob.OrderType;
import io.velocity.sim.clob.PlaceResult;
import io.velocity.sim.clob.TradeView;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The same seed gives the same prices, the same books and the same fills, whatever the stepping cadence. */
class DeterminismTest {

    /** What a run produced: prices sampled each second, the final book and the user's trades. */
    private record Run(List<Double> prices, List<String> fills, String book) {
    }

    private static Run run(long seed, long stepEvery) {
        ManualClock clock = new ManualClock(SimFixture.START);
        try (VenueSimulator sim = SimFixture.manual(clock, "sim.seed=" + seed)) {
            ApiCredential me = sim.register(new ApiCredential("me", "c2VjcmV0", "pass", "0x00000000000000000000000000000000000000aa"));
            List<Double> prices = new ArrayList<>();
            List<String> fills = new ArrayList<>();
            int orders = 0;
            for (long t = 0; t < 40_000; t += stepEvery) {
                SimFixture.advance(sim, clock, stepEvery);
                if (clock.epochMillis() % 1000 == 0) {
                    prices.add(sim.inspect(s -> s.world().assets().get("eth").mid()));
                }
                if (clock.epochMillis() % 5_000 == 0) {
                    int n = ++orders;
                    long now = clock.epochMillis();
                    PlaceResult r = sim.inspect(s -> {
                        SimMarket m = s.catalog().upDownAt("eth", "15m", now);
                        BookSnapshot b = s.exchange().snapshot(m, 0);
                        if (b.bestAsk() < 0) {
                            return null;
                        }
                        // Lift the best ask with 10 shares, FAK.
                        long cost = b.bestAsk() * 10_000_000L / 10_000;
                        return s.exchange().place(me, new OrderRequest(String.format("0x%064x", n), m.tokenId(0), "BUY",
                                cost, 10_000_000L, OrderType.FAK, false, 0, me.address()), now);
                    });
                    fills.add(r == null ? "none" : r.status() + " " + r.makingAmount() + " " + r.takingAmount() + " " + r.tradeIds());
                }
            }
            for (TradeView t : sim.inspect(s -> s.exchange().trades(s.exchange().account(me)))) {
                fills.add(t.id() + " " + t.price() + " " + t.size() + " " + t.fee());
            }
            String book = sim.inspect(s -> {
                BookSnapshot b = s.exchange().snapshot(s.catalog().upDownAt("btc", "5m", clock.epochMillis()), 0);
                return Arrays.toString(b.bidPrices()) + Arrays.toString(b.bidSizes()) + Arrays.toString(b.askPrices())
                        + Arrays.toString(b.askSizes());
            });
            return new Run(prices, fills, book);
        }
    }

    @Test
    void theSameSeedAndOrdersGiveTheSamePricesAndFillsWhateverTheCadence() {
        Run fine = run(42, 100);
        Run coarse = run(42, 1_000);
        assertThat(fine.prices()).hasSize(40).isEqualTo(coarse.prices());
        assertThat(fine.fills()).isEqualTo(coarse.fills());
        assertThat(fine.fills()).anyMatch(f -> f.startsWith("matched"));
        assertThat(fine.book()).isEqualTo(coarse.book());

        Run other = run(43, 1_000);
        assertThat(other.prices()).isNotEqualTo(fine.prices());
    }
}
