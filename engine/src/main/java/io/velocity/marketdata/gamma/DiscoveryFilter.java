package io.velocity.marketdata.gamma;

import io.velocity.marketdata.parse.Decimals;

import java.util.List;
import java.util.Locale;

/**
 * Which Gamma markets Velocity trades. A market passes when it is an Up/Down window of a
 * configured asset and duration, open (active, not closed, not archived, accepting orders),
 * not part of an augmented negative-risk event, has an {@code eventStartTime} and has not
 * ended, and its liquidity is strictly above {@code markets.minLiquidityUsd}. The first failing
 * rule is the reason.
 *
 * <p>Against the venue simulator with {@code sim.timeCompression} above 1 every window is that
 * many times shorter in wall time (a "5m" window lasts 30 s at 10x), so the length check expects
 * the compressed length, rounded to whole seconds like the simulator rounds it.
 */
public final class DiscoveryFilter {
    private final List<String> assets;
    private final List<String> durations;
    private final long minLiquidityMicros;
    private final double timeCompression;

    /** The verdict on one market. */
    public record Verdict(GammaMarket market, String asset, String duration, String reason) {
        /** True when the market is tradeable. */
        public boolean accepted() {
            return reason.isEmpty();
        }
    }

    /** A filter for real venues (windows last their nominal length). */
    public DiscoveryFilter(List<String> assets, List<String> durations, long minLiquidityMicros) {
        this(assets, durations, minLiquidityMicros, 1.0);
    }

    /**
     * A filter for windows compressed in time.
     *
     * @param timeCompression how many times faster than real time windows run (1 on real venues)
     */
    public DiscoveryFilter(List<String> assets, List<String> durations, long minLiquidityMicros, double timeCompression) {
        if (!(timeCompression >= 1)) {
            throw new IllegalArgumentException("timeCompression must be at least 1, was " + timeCompression);
        }
        this.assets = assets.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        this.durations = List.copyOf(durations);
        this.minLiquidityMicros = minLiquidityMicros;
        this.timeCompression = timeCompression;
    }

    /** Judges one market at {@code nowMillis}. */
    public Verdict judge(GammaMarket m, long nowMillis) {
        WindowSlugs.Window w = WindowSlugs.parse(m.slug());
        if (w == null) {
            return new Verdict(m, "", "", "not a crypto up/down window (slug " + m.slug() + ")");
        }
        String asset = w.asset();
        String duration = w.duration();
        if (!assets.contains(asset)) {
            return new Verdict(m, asset, duration, "asset " + asset + " is not in markets.assets");
        }
        if (!durations.contains(duration)) {
            return new Verdict(m, asset, duration, "duration " + duration + " is not in markets.durations");
        }
        if (!m.problem().isEmpty()) {
            return new Verdict(m, asset, duration, "unreadable: " + m.problem());
        }
        if (m.conditionId() == null) {
            return new Verdict(m, asset, duration, "unreadable: no conditionId");
        }
        if (m.closed()) {
            return new Verdict(m, asset, duration, "closed");
        }
        if (m.archived()) {
            return new Verdict(m, asset, duration, "archived");
        }
        if (!m.active()) {
            return new Verdict(m, asset, duration, "not active");
        }
        if (!m.acceptingOrders()) {
            return new Verdict(m, asset, duration, "not accepting orders");
        }
        if (m.negRiskAugmented()) {
            return new Verdict(m, asset, duration, "augmented negative-risk event");
        }
        if (m.eventStartMillis() < 0) {
            return new Verdict(m, asset, duration, "no eventStartTime (startDate is not the window open)");
        }
        if (m.endMillis() < 0) {
            return new Verdict(m, asset, duration, "no endDate");
        }
        if (m.endMillis() <= nowMillis) {
            return new Verdict(m, asset, duration, "window over");
        }
        long len = expectedLengthMillis(WindowSlugs.durationMillis(duration));
        if (len > 0 && m.endMillis() - m.eventStartMillis() != len) {
            return new Verdict(m, asset, duration, "eventStartTime to endDate is not " + duration);
        }
        if (m.liquidityMicros() <= minLiquidityMicros) {
            return new Verdict(m, asset, duration, "liquidity $" + Decimals.format(Math.max(m.liquidityMicros(), 0), 6)
                    + " is not above $" + Decimals.format(minLiquidityMicros, 6));
        }
        return new Verdict(m, asset, duration, "");
    }

    private long expectedLengthMillis(long nominal) {
        if (nominal <= 0 || timeCompression == 1.0) {
            return nominal;
        }
        return Math.max(1L, Math.round(nominal / timeCompression / 1000.0)) * 1000L;
    }
}
