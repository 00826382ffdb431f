package io.velocity.desktop.support;

import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.FillRow;
import io.velocity.engine.Financials;
import io.velocity.engine.LatencyStats;
import io.velocity.engine.MarketRow;
import io.velocity.engine.OrderRow;
import io.velocity.engine.PnlPoint;
import io.velocity.engine.WindowResult;
import io.velocity.marketdata.FeedStatus;
import io.velocity.risk.KillSwitchState;
import io.velocity.telemetry.HealthStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-data builders for engine snapshots, so view models are tested without an engine or a toolkit. */
public final class Snapshots {
    public static final long T0 = 1_780_000_200_000L;

    private Snapshots() {
    }

    public static Builder at(long timeMillis) {
        return new Builder(timeMillis);
    }

    /** A BTC 5-minute market that opened a minute before T0. */
    public static Market market(String conditionId) {
        return new Market(conditionId);
    }

    /** Fluent builder of one snapshot. */
    public static final class Builder {
        private long sequence = 1;
        private final long time;
        private KillSwitchState killSwitch = new KillSwitchState(false, Map.of());
        private final Map<String, HealthStatus> health = new LinkedHashMap<>();
        private final Map<String, FeedStatus> feeds = new LinkedHashMap<>();
        private final List<MarketRow> markets = new ArrayList<>();
        private final List<OrderRow> orders = new ArrayList<>();
        private final List<FillRow> fills = new ArrayList<>();
        private Financials financials = new Financials(1_000_000_000, 0, 0, 0, 0, 0, 0);
        private final List<PnlPoint> pnl = new ArrayList<>();
        private final List<WindowResult> results = new ArrayList<>();
        private LatencyStats tickToIntent = LatencyStats.EMPTY;
        private int ordersPerMinute;
        private long generation = 1;

        Builder(long time) {
            this.time = time;
        }

        public Builder sequence(long s) {
            sequence = s;
            return this;
        }

        public Builder killSwitch(KillSwitchState s) {
            killSwitch = s;
            return this;
        }

        public Builder health(HealthStatus s) {
            health.put(s.component(), s);
            return this;
        }

        public Builder feed(FeedStatus s) {
            feeds.put(s.feed(), s);
            return this;
        }

        public Builder market(Market m) {
            markets.add(m.build());
            return this;
        }

        public Builder order(OrderRow o) {
            orders.add(o);
            return this;
        }

        public Builder fill(FillRow f) {
            fills.add(f);
            return this;
        }

        public Builder financials(Financials f) {
            financials = f;
            return this;
        }

        public Builder pnl(PnlPoint p) {
            pnl.add(p);
            return this;
        }

        public Builder result(WindowResult r) {
            results.add(r);
            return this;
        }

        public Builder tickToIntent(LatencyStats s) {
            tickToIntent = s;
            return this;
        }

        public Builder ordersPerMinute(int n) {
            ordersPerMinute = n;
            return this;
        }

        public Builder generation(long g) {
            generation = g;
            return this;
        }

        public EngineSnapshot build() {
            return new EngineSnapshot(sequence, time, "paper", "sim", killSwitch, Map.copyOf(health), Map.copyOf(feeds),
                    List.copyOf(markets), List.copyOf(orders), List.copyOf(fills), financials, List.copyOf(pnl),
                    List.copyOf(results), Map.of(), Map.of(), Map.of(), tickToIntent, LatencyStats.EMPTY, LatencyStats.EMPTY, ordersPerMinute,
                    generation);
        }
    }

    /** Fluent builder of one market row. */
    public static final class Market {
        private final String id;
        private String asset = "btc";
        private String duration = "5m";
        private long start = T0 - 60_000;
        private long end = T0 + 240_000;
        private double spot = 97_100;
        private double open = 97_000;
        private double fairUp = 0.62;
        private double bidUp = 0.57;
        private double askUp = 0.58;
        private String outcome = "UP";
        private double implied = 0.58;
        private double edge = 0.04;
        private String decision = "NONE";
        private String reason = "EDGE_BELOW_THRESHOLD";
        private long upShares;
        private long downShares;
        private long unrealized;

        Market(String id) {
            this.id = id;
        }

        public Market asset(String a) {
            asset = a;
            return this;
        }

        public Market duration(String d) {
            duration = d;
            return this;
        }

        public Market window(long startMillis, long endMillis) {
            start = startMillis;
            end = endMillis;
            return this;
        }

        public Market spot(double s) {
            spot = s;
            return this;
        }

        public Market fairUp(double f) {
            fairUp = f;
            return this;
        }

        public Market book(double bid, double ask) {
            bidUp = bid;
            askUp = ask;
            return this;
        }

        public Market favour(String o, double impliedPrice) {
            outcome = o;
            implied = impliedPrice;
            return this;
        }

        public Market edge(double e) {
            edge = e;
            return this;
        }

        public Market decision(String d, String r) {
            decision = d;
            reason = r;
            return this;
        }

        public Market position(long up, long down, long unrealizedMicros) {
            upShares = up;
            downShares = down;
            unrealized = unrealizedMicros;
            return this;
        }

        public String slug() {
            return asset + "-updown-" + duration + "-" + start / 1000;
        }

        MarketRow build() {
            return new MarketRow(id, slug(), asset, duration, start, end, spot, open, 9e-5, fairUp, bidUp, askUp,
                    1 - askUp, 1 - bidUp, outcome, implied, edge, 0.0165, edge / Math.max(0.01, implied), decision, reason,
                    upShares, downShares, upShares / 2, unrealized, 0);
        }
    }

    public static OrderRow order(long id, String conditionId, String slug, String outcome, long priceE4, String state) {
        return new OrderRow(id, "v" + id, "trace" + id, conditionId, slug, outcome, "BUY", "LADDER", "GTC", priceE4,
                10_000_000, 0, 0, 0, state, "NONE", "paper", 420, "", T0);
    }

    public static FillRow fill(long time, long orderId, String slug, String outcome, long priceE4) {
        return new FillRow(time, "trace" + orderId, orderId, slug, outcome, "FILL", priceE4, 10_000_000, 150_000, "paper");
    }
}
