package io.velocity.desktop.markets;

import io.velocity.desktop.support.Snapshots;
import org.junit.jupiter.api.Test;

import static io.velocity.desktop.support.Snapshots.T0;
import static io.velocity.desktop.support.Snapshots.market;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MarketHistoryTest {
    @Test
    void samplesAtMostOncePerIntervalOfEngineTime() {
        MarketHistory h = new MarketHistory(250);
        for (int i = 0; i < 10; i++) {
            h.record(Snapshots.at(T0 + i * 100L).market(market("a")).build());
        }
        // 0, 300, 600, 900 ms
        assertThat(h.track("a").size()).isEqualTo(4);
    }

    @Test
    void impliedUpIsTheMidOfTheUpBook() {
        MarketHistory h = new MarketHistory(0);
        h.record(Snapshots.at(T0).market(market("a").book(0.40, 0.42).favour("DOWN", 0.60)).build());
        assertThat(h.track("a").impliedUp(0)).isCloseTo(0.41, within(1e-9));
    }

    @Test
    void ordersAndFillsBecomeMarkersInUpTermsOnce() {
        MarketHistory h = new MarketHistory(0);
        var m = market("a");
        var s = Snapshots.at(T0).market(m)
                .order(Snapshots.order(1, "a", m.slug(), "DOWN", 3_500, "ACKED"))
                .fill(Snapshots.fill(T0 - 10, 1, m.slug(), "DOWN", 3_500)).build();
        h.record(s);
        h.record(s);
        var markers = h.track("a").markers();
        assertThat(markers).hasSize(2);
        assertThat(markers).allSatisfy(x -> assertThat(x.pUp()).isCloseTo(0.65, within(1e-9)));
        assertThat(markers).extracting(MarketHistory.Marker::kind)
                .containsExactly(MarketHistory.MarkerKind.ORDER, MarketHistory.MarkerKind.FILL);
    }

    @Test
    void aLongWindowIsThinnedNotTruncated() {
        MarketHistory h = new MarketHistory(0);
        for (int i = 0; i < MarketHistory.MAX_POINTS + 10; i++) {
            h.record(Snapshots.at(T0 + i).market(market("a")).build());
        }
        MarketHistory.Track t = h.track("a");
        assertThat(t.size()).isLessThanOrEqualTo(MarketHistory.MAX_POINTS);
        assertThat(t.time(0)).isEqualTo(T0);
        assertThat(t.time(t.size() - 1)).isEqualTo(T0 + MarketHistory.MAX_POINTS + 9);
    }
}
