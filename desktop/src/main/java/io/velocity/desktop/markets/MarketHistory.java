package io.velocity.desktop.markets;

import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.FillRow;
import io.velocity.engine.MarketRow;
import io.velocity.engine.OrderRow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Per-market history for the detail chart, built on the desktop from successive snapshots (the
 * engine's snapshot carries only current values): Binance price, fair P(up) and the market's
 * implied P(up) over the window, plus our orders and fills as markers. Bounded: a track keeps at
 * most {@link #MAX_POINTS} points (older ones thinned out, so the shape of the whole window
 * stays) and tracks of delisted markets are dropped. FX thread only.
 */
public final class MarketHistory {
    public static final int MAX_POINTS = 2_400;
    private final long sampleMillis;
    private final Map<String, Track> tracks = new HashMap<>();

    /** @param sampleMillis minimum engine time between two points of a market */
    public MarketHistory(long sampleMillis) {
        this.sampleMillis = sampleMillis;
    }

    /** What a marker stands for. */
    public enum MarkerKind { ORDER, FILL }

    /** An order or fill drawn on the probability chart, at its price in P(up) terms. */
    public record Marker(long timeMillis, double pUp, MarkerKind kind, String label) {
    }

    /** The history of one market. */
    public static final class Track {
        private final String conditionId;
        private long windowStart;
        private long windowEnd;
        private double open = Double.NaN;
        private long[] times = new long[128];
        private double[] spot = new double[128];
        private double[] fair = new double[128];
        private double[] implied = new double[128];
        private int size;
        private final List<Marker> markers = new ArrayList<>();
        private final Set<Long> ordersSeen = new HashSet<>();
        private final Set<String> fillsSeen = new HashSet<>();
        private long version;

        Track(String conditionId) {
            this.conditionId = conditionId;
        }

        void add(long t, double s, double f, double i) {
            if (size == times.length) {
                if (size >= MAX_POINTS) {
                    thin();
                } else {
                    int capacity = Math.min(size * 2, MAX_POINTS);
                    times = Arrays.copyOf(times, capacity);
                    spot = Arrays.copyOf(spot, capacity);
                    fair = Arrays.copyOf(fair, capacity);
                    implied = Arrays.copyOf(implied, capacity);
                }
            }
            times[size] = t;
            spot[size] = s;
            fair[size] = f;
            implied[size] = i;
            size++;
            version++;
        }

        /** Keeps every other point: the chart keeps the whole window's shape at half the resolution. */
        private void thin() {
            int j = 0;
            for (int i = 0; i < size; i += 2) {
                times[j] = times[i];
                spot[j] = spot[i];
                fair[j] = fair[i];
                implied[j] = implied[i];
                j++;
            }
            size = j;
            // A thinned track must be redrawn whole, not appended to.
            version += MAX_POINTS;
        }

        public String conditionId() {
            return conditionId;
        }

        public long windowStart() {
            return windowStart;
        }

        public long windowEnd() {
            return windowEnd;
        }

        public double open() {
            return open;
        }

        public int size() {
            return size;
        }

        public long time(int i) {
            return times[i];
        }

        public double spot(int i) {
            return spot[i];
        }

        public double fairUp(int i) {
            return fair[i];
        }

        public double impliedUp(int i) {
            return implied[i];
        }

        public List<Marker> markers() {
            return markers;
        }

        /** Increases whenever the track changes; a large jump means "redraw from scratch". */
        public long version() {
            return version;
        }
    }

    /** Records the markets, orders and fills of a snapshot. */
    public void record(EngineSnapshot s) {
        long now = s.timeMillis();
        Set<String> live = new HashSet<>();
        Map<String, String> bySlug = new HashMap<>();
        for (MarketRow m : s.markets()) {
            live.add(m.conditionId());
            bySlug.put(m.slug(), m.conditionId());
            Track t = tracks.computeIfAbsent(m.conditionId(), Track::new);
            t.windowStart = m.windowStartMillis();
            t.windowEnd = m.windowEndMillis();
            if (m.open() > 0) {
                t.open = m.open();
            }
            if (t.size == 0 || now - t.times[t.size - 1] >= sampleMillis) {
                t.add(now, m.spot(), m.fairUp(), impliedUp(m));
            }
        }
        for (OrderRow o : s.orders()) {
            Track t = tracks.get(o.conditionId());
            if (t != null && t.ordersSeen.add(o.clientOrderId())) {
                t.markers.add(new Marker(now, pUp(o.outcome(), o.priceE4() / 1e4), MarkerKind.ORDER,
                        String.format(Locale.ROOT, "%s %s %s %.2f @ %.1f¢ (%s)", o.intent(), o.side(), o.outcome(),
                                o.sizeMicros() / 1e6, o.priceE4() / 100.0, o.tif())));
                t.version++;
            }
        }
        for (FillRow f : s.fills()) {
            if (!"FILL".equals(f.kind())) {
                continue;
            }
            Track t = tracks.get(bySlug.get(f.slug()));
            String key = f.clientOrderId() + "/" + f.timeMillis() + "/" + f.sizeMicros() + "/" + f.priceE4();
            if (t != null && t.fillsSeen.add(key)) {
                t.markers.add(new Marker(f.timeMillis(), pUp(f.outcome(), f.priceE4() / 1e4), MarkerKind.FILL,
                        String.format(Locale.ROOT, "Fill %s %.2f @ %.1f¢, fee $%.4f", f.outcome(), f.sizeMicros() / 1e6,
                                f.priceE4() / 100.0, f.feeMicros() / 1e6)));
                t.version++;
            }
        }
        tracks.keySet().retainAll(live);
    }

    /** The track of a market, or null when it is not listed. */
    public Track track(String conditionId) {
        return tracks.get(conditionId);
    }

    public int trackCount() {
        return tracks.size();
    }

    /**
     * The market's implied probability of Up: the mid of the Up book. (The table's depth-aware
     * implied price depends on the order size and jumps when the favoured side flips, which reads
     * as noise on a chart.) Falls back to that price, mirrored for Down, when one side is empty.
     */
    static double impliedUp(MarketRow m) {
        if (m.bidUp() > 0 && m.askUp() > 0) {
            return (m.bidUp() + m.askUp()) / 2;
        }
        double implied = m.implied();
        if (implied > 0 && implied < 1) {
            return "DOWN".equals(m.outcome()) ? 1 - implied : implied;
        }
        return Double.NaN;
    }

    /** A price of an Up or Down share expressed as P(up). */
    static double pUp(String outcome, double price) {
        return "DOWN".equals(outcome) ? 1 - price : price;
    }
}
