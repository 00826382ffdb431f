package io.velocity.risk;

import io.velocity.config.RiskConfig;
import org.HdrHistogram.Histogram;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The automatic kill-switch layers, fed by the engine thread: tick-to-intent latency, consecutive
 * losses, daily loss, volatility halts, stale or frozen feeds, clock drift and rail failures.
 * Guard layers clear themselves when the condition clears; latching layers stay for a trader.
 */
public final class AutoHaltGuards {
    /** Feeds whose loss makes trading unsafe. */
    public static final java.util.Set<String> CRITICAL_FEEDS = java.util.Set.of("binance", "clobMarket");
    private static final long LATENCY_WINDOW_MILLIS = 10_000;
    private static final int LATENCY_MIN_SAMPLES = 100;
    private static final int VOL_SAMPLES = 24 * 60;

    private final KillSwitch killSwitch;
    private RiskConfig limits;

    private final Histogram latency = new Histogram(3_600_000_000L, 2);
    private long latencyWindowStart = -1;

    private int consecutiveLosses;
    private long dailyPnlMicros;
    private long pnlDay = -1;

    private int consecutiveRailFailures;

    private final Map<String, double[]> volHistory = new HashMap<>();
    private final Map<String, int[]> volCursor = new HashMap<>();
    private final Map<String, Long> volMinute = new HashMap<>();
    private final java.util.Set<String> unhealthyFeeds = new java.util.TreeSet<>();
    private final java.util.Set<String> volatileAssets = new java.util.TreeSet<>();

    public AutoHaltGuards(KillSwitch killSwitch, RiskConfig limits) {
        this.killSwitch = killSwitch;
        this.limits = limits;
    }

    public void configure(RiskConfig newLimits) {
        this.limits = newLimits;
    }

    /** One tick-to-intent sample; p99 over a 10 s window above the limit engages LATENCY. */
    public void onTickToIntent(long nanos, long nowMillis) {
        if (latencyWindowStart < 0) {
            latencyWindowStart = nowMillis;
        }
        latency.recordValue(Math.min(Math.max(0, nanos), latency.getHighestTrackableValue()));
        if (nowMillis - latencyWindowStart >= LATENCY_WINDOW_MILLIS) {
            if (latency.getTotalCount() >= LATENCY_MIN_SAMPLES) {
                long p99 = latency.getValueAtPercentile(99.0);
                long limit = limits.maxTickToIntentLatency().toNanos();
                if (p99 > limit) {
                    killSwitch.engage(HaltLayer.LATENCY, "tick-to-intent p99 " + p99 / 1000 + " µs > " + limit / 1000 + " µs");
                } else if (killSwitch.isEngaged(HaltLayer.LATENCY)) {
                    killSwitch.clearGuard(HaltLayer.LATENCY, "p99 back to " + p99 / 1000 + " µs");
                }
            }
            latency.reset();
            latencyWindowStart = nowMillis;
        }
    }

    /** A trade's realized result at resolution (micro-USD, negative for a loss). */
    public void onTradeResult(long pnlMicros, long nowMillis) {
        long day = Instant.ofEpochMilli(nowMillis).atZone(ZoneOffset.UTC).toLocalDate().toEpochDay();
        if (day != pnlDay) {
            pnlDay = day;
            dailyPnlMicros = 0;
        }
        dailyPnlMicros += pnlMicros;
        consecutiveLosses = pnlMicros < 0 ? consecutiveLosses + 1 : 0;
        if (consecutiveLosses >= limits.maxConsecutiveLosses()) {
            killSwitch.engage(HaltLayer.CONSECUTIVE_LOSSES, consecutiveLosses + " losing trades in a row");
        }
        if (-dailyPnlMicros >= limits.dailyLossLimitUsd()) {
            killSwitch.engage(HaltLayer.DAILY_LOSS, String.format("daily loss $%.2f reached the limit $%.2f",
                    -dailyPnlMicros / 1e6, limits.dailyLossLimitUsd() / 1e6));
        }
    }

    /** Today's realized PnL in micro-USD (UTC day). */
    public long dailyPnlMicros() {
        return dailyPnlMicros;
    }

    /**
     * Realized volatility of an asset. One sample per minute feeds a 24 h history; a value above
     * {@code volatilityHaltMultiple} × the history's median engages VOLATILITY until it calms.
     */
    public void onVolatility(String asset, double volPerSqrtSecond, long nowMillis) {
        if (!(volPerSqrtSecond > 0)) {
            return;
        }
        long minute = nowMillis / 60_000;
        double[] history = volHistory.computeIfAbsent(asset, a -> new double[VOL_SAMPLES]);
        int[] cursor = volCursor.computeIfAbsent(asset, a -> new int[2]); // [next, count]
        Long last = volMinute.get(asset);
        if (last == null || last != minute) {
            volMinute.put(asset, minute);
            history[cursor[0]] = volPerSqrtSecond;
            cursor[0] = (cursor[0] + 1) % VOL_SAMPLES;
            cursor[1] = Math.min(VOL_SAMPLES, cursor[1] + 1);
            evaluateVolatility(asset, volPerSqrtSecond, history, cursor[1]);
        }
    }

    private void evaluateVolatility(String asset, double vol, double[] history, int count) {
        if (count < 30) {
            return; // too little history for a median worth trusting
        }
        double[] sorted = Arrays.copyOf(history, count);
        Arrays.sort(sorted);
        double median = sorted[count / 2];
        boolean wild = vol > limits.volatilityHaltMultiple() * median;
        if (wild) {
            volatileAssets.add(asset);
            killSwitch.engage(HaltLayer.VOLATILITY, String.format("%s volatility %.2fx its 24 h median", asset, vol / median));
        } else if (volatileAssets.remove(asset) && volatileAssets.isEmpty() && killSwitch.isEngaged(HaltLayer.VOLATILITY)) {
            killSwitch.clearGuard(HaltLayer.VOLATILITY, asset + " volatility back under the limit");
        }
    }

    /** A feed's health: a critical feed that is not live halts; clock trouble engages CLOCK_DRIFT. */
    public void onFeedHealth(String feed, boolean live, String detail) {
        if (feed.equals("clock")) {
            if (!live) {
                killSwitch.engage(HaltLayer.CLOCK_DRIFT, detail);
            } else if (killSwitch.isEngaged(HaltLayer.CLOCK_DRIFT)) {
                killSwitch.clearGuard(HaltLayer.CLOCK_DRIFT, "clock drift back within limits");
            }
            return;
        }
        if (!CRITICAL_FEEDS.contains(feed)) {
            return;
        }
        if (!live) {
            unhealthyFeeds.add(feed);
            killSwitch.engage(HaltLayer.STALE_FEED, feed + ": " + detail);
        } else if (unhealthyFeeds.remove(feed) && unhealthyFeeds.isEmpty() && killSwitch.isEngaged(HaltLayer.STALE_FEED)) {
            killSwitch.clearGuard(HaltLayer.STALE_FEED, feed + " live again");
        }
    }

    /** A rail outcome: consecutive failures beyond the limit latch RAIL_FAILURE. */
    public void onRailResult(boolean ok, String detail) {
        consecutiveRailFailures = ok ? 0 : consecutiveRailFailures + 1;
        if (consecutiveRailFailures >= limits.maxRailFailures()) {
            killSwitch.engage(HaltLayer.RAIL_FAILURE, consecutiveRailFailures + " rail failures in a row; last: " + detail);
        }
    }
}
