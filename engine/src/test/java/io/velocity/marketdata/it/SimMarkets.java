package io.velocity.marketdata.it;

import io.velocity.book.OrderBook;
import io.velocity.marketdata.MarketInfo;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.clob.BookSnapshot;
import io.velocity.sim.market.SimMarket;

import java.util.List;

/** Helpers for the market-data integration tests against the simulator. */
final class SimMarkets {
    private SimMarkets() {
    }

    /** Open, quoted Up/Down markets at the simulator's current time, soonest-ending last. */
    static List<SimMarket> openQuoted(VenueSimulator sim, int max) {
        return sim.inspect(st -> {
            long now = st.world().now();
            return st.catalog().markets().stream()
                    .filter(m -> m.upDown() && m.quoted() && !m.closed() && m.startMillis() <= now && m.endMillis() > now + 60_000)
                    .sorted((a, b) -> Long.compare(b.endMillis(), a.endMillis()))
                    .limit(max).toList();
        });
    }

    static MarketInfo info(SimMarket m) {
        return new MarketInfo(m.conditionId(), m.slug(), m.asset(), m.window().label(), m.tokenId(0), m.tokenId(1),
                m.startMillis(), m.endMillis(), (int) m.tickUnits(), m.minSizeMicros(), 0.07, 1, 0, m.negRisk(),
                (long) (m.liquidityUsd() * 1e6), "2");
    }

    /** The simulator's current book of one outcome. */
    static BookSnapshot simBook(VenueSimulator sim, SimMarket m, int outcome) {
        return sim.inspect(st -> st.exchange().snapshot(m, outcome));
    }

    /** Null when equal, else the first difference. */
    static String difference(BookSnapshot venue, OrderBook ours) {
        if (ours == null) {
            return "no book";
        }
        if (ours.levels(true) != venue.bidPrices().length || ours.levels(false) != venue.askPrices().length) {
            return "level counts " + ours.levels(true) + "/" + ours.levels(false) + " vs venue "
                    + venue.bidPrices().length + "/" + venue.askPrices().length;
        }
        for (int i = 0; i < venue.bidPrices().length; i++) {
            long s = ours.sizeAt(true, (int) venue.bidPrices()[i]);
            if (s != venue.bidSizes()[i]) {
                return "bid " + venue.bidPrices()[i] + ": " + s + " vs venue " + venue.bidSizes()[i];
            }
        }
        for (int i = 0; i < venue.askPrices().length; i++) {
            long s = ours.sizeAt(false, (int) venue.askPrices()[i]);
            if (s != venue.askSizes()[i]) {
                return "ask " + venue.askPrices()[i] + ": " + s + " vs venue " + venue.askSizes()[i];
            }
        }
        return null;
    }
}
