package io.velocity.book;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderBookTest {

    @Test
    void tracksBestPricesAsLevelsComeAndGo() {
        OrderBook b = new OrderBook();
        assertThat(b.bestBid()).isEqualTo(OrderBook.NO_BID);
        assertThat(b.bestAsk()).isEqualTo(OrderBook.NO_ASK);
        b.set(true, 4800, 10_000_000);
        b.set(true, 4900, 5_000_000);
        b.set(false, 5100, 7_000_000);
        b.set(false, 5000, 1_000_000);
        assertThat(b.bestBid()).isEqualTo(4900);
        assertThat(b.bestAsk()).isEqualTo(5000);
        b.set(true, 4900, 0);
        b.set(false, 5000, 0);
        assertThat(b.bestBid()).isEqualTo(4800);
        assertThat(b.bestAsk()).isEqualTo(5100);
        b.set(true, 4800, 0);
        b.set(false, 5100, 0);
        assertThat(b.bestBid()).isEqualTo(OrderBook.NO_BID);
        assertThat(b.bestAsk()).isEqualTo(OrderBook.NO_ASK);
        assertThat(b.levels(true)).isZero();
    }

    @Test
    void findsNextBestAcrossBitsetWordsAndAtTheEdges() {
        OrderBook b = new OrderBook();
        b.set(true, 0, 1);
        b.set(true, 10_000, 2);
        b.set(false, 0, 3);
        b.set(false, 10_000, 4);
        assertThat(b.bestBid()).isEqualTo(10_000);
        assertThat(b.bestAsk()).isZero();
        b.set(true, 10_000, 0);
        b.set(false, 0, 0);
        assertThat(b.bestBid()).isZero();
        assertThat(b.bestAsk()).isEqualTo(10_000);
    }

    @Test
    void extractsTopLevelsBestFirst() {
        OrderBook b = new OrderBook();
        for (int p = 100; p <= 4000; p += 100) {
            b.set(true, p, p * 1000L);
            b.set(false, p + 5000, p * 2000L);
        }
        long[] prices = new long[5];
        long[] sizes = new long[5];
        assertThat(b.topBids(prices, sizes, 5)).isEqualTo(5);
        assertThat(prices).containsExactly(4000, 3900, 3800, 3700, 3600);
        assertThat(sizes[0]).isEqualTo(4_000_000);
        assertThat(b.topAsks(prices, sizes, 3)).isEqualTo(3);
        assertThat(prices[0]).isEqualTo(5100);
        assertThat(prices[2]).isEqualTo(5300);
        OrderBook small = new OrderBook();
        small.set(false, 9000, 1);
        assertThat(small.topAsks(prices, sizes, 5)).isEqualTo(1);
        assertThat(small.topBids(prices, sizes, 5)).isZero();
    }

    @Test
    void averagesFillPriceOverDepthAndRefusesWhatTheBookCannotFill() {
        OrderBook b = new OrderBook();
        b.set(false, 5000, 10_000_000); // 10 shares at 0.50
        b.set(false, 5200, 10_000_000); // 10 shares at 0.52
        b.set(true, 4800, 4_000_000);
        assertThat(b.averageFillPriceE4(true, 5_000_000)).isEqualTo(5000.0);
        assertThat(b.averageFillPriceE4(true, 20_000_000)).isEqualTo(5100.0);
        assertThat(b.averageFillPriceE4(true, 15_000_000)).isCloseTo(5066.666, org.assertj.core.data.Offset.offset(0.001));
        assertThat(b.averageFillPriceE4(true, 20_000_001)).isNaN();
        assertThat(b.averageFillPriceE4(false, 4_000_000)).isEqualTo(4800.0);
        assertThat(b.averageFillPriceE4(false, 4_000_001)).isNaN();
        assertThat(b.fillableMicros(true, 5100)).isEqualTo(10_000_000);
        assertThat(b.fillableMicros(false, 4800)).isEqualTo(4_000_000);
    }

    @Test
    void detectsACrossedBook() {
        OrderBook b = new OrderBook();
        b.set(true, 5000, 1);
        b.set(false, 5100, 1);
        assertThat(b.crossed()).isFalse();
        b.set(true, 5100, 1);
        assertThat(b.crossed()).isTrue();
    }

    @Test
    void rejectsPricesOutsideTheUnitInterval() {
        OrderBook b = new OrderBook();
        assertThatThrownBy(() -> b.set(true, 10_001, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.set(false, -1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.set(false, 1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesASortedMapReferenceOverRandomUpdates() {
        Random rnd = new Random(7);
        OrderBook b = new OrderBook();
        TreeMap<Integer, Long> bids = new TreeMap<>();
        TreeMap<Integer, Long> asks = new TreeMap<>();
        long[] prices = new long[10];
        long[] sizes = new long[10];
        for (int i = 0; i < 200_000; i++) {
            if (i % 50_000 == 49_999) {
                b.clear();
                bids.clear();
                asks.clear();
            }
            boolean bid = rnd.nextBoolean();
            // Cluster around the middle like real books, with occasional far levels.
            int p = rnd.nextInt(10) == 0 ? rnd.nextInt(OrderBook.SLOTS) : 4000 + rnd.nextInt(2000);
            long size = rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(1_000_000_000);
            b.set(bid, p, size);
            TreeMap<Integer, Long> side = bid ? bids : asks;
            if (size == 0) {
                side.remove(p);
            } else {
                side.put(p, size);
            }
            assertThat(b.bestBid()).isEqualTo(bids.isEmpty() ? OrderBook.NO_BID : bids.lastKey());
            assertThat(b.bestAsk()).isEqualTo(asks.isEmpty() ? OrderBook.NO_ASK : asks.firstKey());
            if (i % 997 == 0) {
                int n = b.topBids(prices, sizes, 10);
                int k = 0;
                for (Map.Entry<Integer, Long> e : bids.descendingMap().entrySet()) {
                    if (k == 10) {
                        break;
                    }
                    assertThat(prices[k]).isEqualTo((long) e.getKey());
                    assertThat(sizes[k]).isEqualTo(e.getValue());
                    k++;
                }
                assertThat(n).isEqualTo(k);
                assertThat(b.levels(true)).isEqualTo(bids.size());
                assertThat(b.levels(false)).isEqualTo(asks.size());
            }
        }
    }

    @Test
    void copiesAndComparesWholeBooks() {
        OrderBook a = new OrderBook();
        a.set(true, 4000, 5);
        a.set(false, 6000, 7);
        a.tickE4(10);
        OrderBook c = new OrderBook();
        c.set(true, 1, 1);
        assertThat(c.sameLevels(a)).isFalse();
        c.copyFrom(a);
        assertThat(c.sameLevels(a)).isTrue();
        assertThat(c.tickE4()).isEqualTo(10);
        c.clear();
        assertThat(c.levels(true)).isZero();
        assertThat(c.sizeAt(true, 4000)).isZero();
    }
}
