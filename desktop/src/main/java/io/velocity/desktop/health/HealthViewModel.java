package io.velocity.desktop.health;

import io.velocity.config.AppConfig;
import io.velocity.config.ConfigService;
import io.velocity.config.FeedHealthConfig;
import io.velocity.desktop.fx.Formats;
import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.LatencyStats;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.FeedStatus;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.HealthStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a snapshot into health tiles, coloured by the thresholds in the configuration: clock
 * drift against {@code clock.maxDrift}, tick-to-intent p99 against
 * {@code risk.maxTickToIntentLatency}, orders per minute against {@code risk.maxOrdersPerMinute},
 * feed ages against {@code feedHealth.<feed>.staleAfter/frozenAfter}. A value at half its limit
 * is a warning, at the limit an alarm.
 *
 * <p>Health components read: {@code clock} (latency = |drift| in µs), {@code rail.a},
 * {@code rail.b} (latency = last send-to-ack), {@code redis}, {@code postgres}, {@code python},
 * {@code config}; feeds from the snapshot's feed states ({@code binance}, {@code clobMarket},
 * {@code clobUser}, {@code allora}, {@code gamma}) with their {@code feed.<name>} health entry.
 */
public final class HealthViewModel {
    /** Feeds in display order with their titles. */
    static final String[][] FEEDS = {
            {"binance", "Binance"}, {"clobMarket", "CLOB book"}, {"clobUser", "User channel"},
            {"allora", "Allora"}, {"gamma", "Gamma"}};
    static final String[][] SERVICES = {
            {"rail.a", "Rail A · CLOB API"}, {"rail.b", "Rail B · contract"},
            {"redis", "Redis"}, {"postgres", "PostgreSQL"}, {"python", "Python strategy"}};

    /** Tiles for the snapshot (null snapshot: everything unknown). */
    public List<TileState> tiles(EngineSnapshot s, AppConfig cfg) {
        List<TileState> out = new ArrayList<>();
        Map<String, HealthStatus> health = s == null ? Map.of() : s.health();
        out.add(killSwitch(s));
        out.add(clockDrift(health.get("clock"), cfg.clock().maxDrift().toMillis()));
        out.add(latency(s == null ? LatencyStats.EMPTY : s.tickToIntent(), s == null ? LatencyStats.EMPTY : s.tickToDecision(),
                cfg.risk().maxTickToIntentLatency().toNanos() / 1000.0));
        out.add(ordersPerMinute(s, cfg.risk().maxOrdersPerMinute()));
        for (String[] f : FEEDS) {
            out.add(feed(f[0], f[1], s == null ? null : s.feedStates().get(f[0]), health.get("feed." + f[0]),
                    thresholds(cfg.feedHealth(), f[0])));
        }
        java.util.Set<String> known = new java.util.HashSet<>(List.of("clock", ConfigService.HEALTH_COMPONENT));
        for (String[] c : SERVICES) {
            out.add(service(c[0], c[1], health.get(c[0])));
            known.add(c[0]);
        }
        // Components added later (chain listener, redemptions, reconciliation, ...) appear without a code change.
        for (Map.Entry<String, HealthStatus> e : new java.util.TreeMap<>(health).entrySet()) {
            if (!known.contains(e.getKey()) && !e.getKey().startsWith("feed.")) {
                out.add(service(e.getKey(), title(e.getKey()), e.getValue()));
            }
        }
        out.add(service(ConfigService.HEALTH_COMPONENT, "Configuration", health.get(ConfigService.HEALTH_COMPONENT)));
        return out;
    }

    /** {@code accounting.redemptions} → "Accounting · redemptions". */
    static String title(String component) {
        String s = component.replace('.', ' ').replace('_', ' ');
        String[] parts = component.split("\\.");
        if (parts.length > 1) {
            s = parts[0] + " · " + String.join(" ", java.util.Arrays.copyOfRange(parts, 1, parts.length));
        }
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static TileState killSwitch(EngineSnapshot s) {
        if (s == null) {
            return new TileState("killswitch", "Kill switch", Double.NaN, "", "–", "no snapshot yet", HealthLevel.UNKNOWN, 0, 0);
        }
        boolean halted = s.killSwitch().halted();
        return new TileState("killswitch", "Kill switch", Double.NaN, "", halted ? "HALTED" : "ARMED",
                halted ? s.killSwitch().headline() : "trading allowed", halted ? HealthLevel.ALARM : HealthLevel.OK, 0, 0);
    }

    static HealthLevel level(double value, double limit) {
        if (Double.isNaN(value) || value < 0 || !(limit > 0)) {
            return HealthLevel.UNKNOWN;
        }
        if (value >= limit) {
            return HealthLevel.ALARM;
        }
        return value >= limit / 2 ? HealthLevel.WARN : HealthLevel.OK;
    }

    private static TileState clockDrift(HealthStatus clock, long maxDriftMillis) {
        if (clock == null || clock.latencyMicros() < 0) {
            return new TileState("clock", "Clock drift", Double.NaN, "ms", "–",
                    clock == null ? "not measured in this session" : clock.detail(),
                    clock == null ? HealthLevel.UNKNOWN : fromState(clock.state()), 2.0 * maxDriftMillis, maxDriftMillis);
        }
        double ms = clock.latencyMicros() / 1000.0;
        HealthLevel level = worst(level(ms, maxDriftMillis), fromState(clock.state()));
        return new TileState("clock", "Clock drift", ms, "ms", Formats.latencyMicros(clock.latencyMicros()),
                clock.detail(),
                level, 2.0 * maxDriftMillis, maxDriftMillis);
    }

    private static TileState latency(LatencyStats st, LatencyStats decision, double limitMicros) {
        String decisionText = decision.count() == 0 ? "" : " · decision p99 " + Formats.latencyMicros(decision.p99Micros());
        if (st.count() == 0) {
            return new TileState("tick-to-intent", "Tick → intent p99", Double.NaN, "ms", "–",
                    "no intents yet" + decisionText, HealthLevel.UNKNOWN, 2 * limitMicros / 1000, limitMicros / 1000);
        }
        return new TileState("tick-to-intent", "Tick → intent p99", st.p99Micros() / 1000, "ms", Formats.latencyMicros(st.p99Micros()),
                String.format(Locale.ROOT, "p50 %s · n=%d%s", Formats.latencyMicros(st.p50Micros()), st.count(), decisionText),
                level(st.p99Micros(), limitMicros), 2 * limitMicros / 1000, limitMicros / 1000);
    }

    private static TileState ordersPerMinute(EngineSnapshot s, int limit) {
        if (s == null) {
            return new TileState("orders-per-minute", "Orders per minute", Double.NaN, "", "–", "", HealthLevel.UNKNOWN, limit, limit);
        }
        int n = s.ordersPerMinute();
        HealthLevel level = n >= limit ? HealthLevel.ALARM : n >= 0.8 * limit ? HealthLevel.WARN : HealthLevel.OK;
        return new TileState("orders-per-minute", "Orders per minute", n, "", Integer.toString(n), "throttle " + limit + " / min",
                level, limit, limit);
    }

    private static FeedHealthConfig.Thresholds thresholds(FeedHealthConfig cfg, String feed) {
        return switch (feed) {
            case "binance" -> cfg.binance();
            case "clobMarket" -> cfg.clobMarket();
            case "clobUser" -> cfg.clobUser();
            case "allora" -> cfg.allora();
            default -> cfg.gamma();
        };
    }

    private static TileState feed(String id, String title, FeedStatus status, HealthStatus health,
                                  FeedHealthConfig.Thresholds t) {
        long stale = t.staleAfter().toMillis();
        long frozen = t.frozenAfter().toMillis();
        String limits = "stale " + Formats.age(stale) + " · frozen " + Formats.age(frozen);
        if (status == null) {
            return new TileState("feed-" + id, title, Double.NaN, "", "NOT RUNNING", "no feed in this session · " + limits,
                    HealthLevel.UNKNOWN, frozen, stale);
        }
        long age = status.lastMessageAgeMillis();
        HealthLevel byState = switch (status.state()) {
            case LIVE -> HealthLevel.OK;
            case CONNECTING, STALE -> HealthLevel.WARN;
            case FROZEN, DOWN -> HealthLevel.ALARM;
        };
        HealthLevel byAge = age < 0 ? HealthLevel.UNKNOWN : age >= frozen ? HealthLevel.ALARM : age >= stale ? HealthLevel.WARN : HealthLevel.OK;
        HealthLevel level = status.state() == FeedState.CONNECTING ? byState : worst(byState, byAge);
        String since = health == null ? "" : " since " + Formats.time(health.updatedAtMillis());
        String detail = (age >= 0 ? "age " + Formats.age(age) : "no data yet") + since
                + (status.detail().isBlank() ? "" : " · " + status.detail());
        return new TileState("feed-" + id, title, age, "ms", status.state().name(), detail, level, frozen, stale);
    }

    private static TileState service(String id, String title, HealthStatus h) {
        if (h == null) {
            return new TileState(id.replace('.', '-'), title, Double.NaN, "", "NOT RUNNING", "not started in this session",
                    HealthLevel.UNKNOWN, 0, 0);
        }
        String text = switch (h.state()) {
            case UP -> "UP";
            case DEGRADED -> "DEGRADED";
            case DOWN -> "DOWN";
            case UNKNOWN -> "UNKNOWN";
        };
        String latency = h.latencyMicros() >= 0 ? "last " + Formats.latencyMicros(h.latencyMicros()) : "";
        String detail = latency + (latency.isEmpty() || h.detail().isBlank() ? "" : " · ") + h.detail();
        return new TileState(id.replace('.', '-'), title, h.latencyMicros() >= 0 ? h.latencyMicros() / 1000.0 : Double.NaN, "ms",
                text, detail, fromState(h.state()), 0, 0);
    }

    static HealthLevel fromState(HealthState s) {
        return switch (s) {
            case UP -> HealthLevel.OK;
            case DEGRADED -> HealthLevel.WARN;
            case DOWN -> HealthLevel.ALARM;
            case UNKNOWN -> HealthLevel.UNKNOWN;
        };
    }

    static HealthLevel worst(HealthLevel a, HealthLevel b) {
        if (a == HealthLevel.UNKNOWN) {
            return b;
        }
        if (b == HealthLevel.UNKNOWN) {
            return a;
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
