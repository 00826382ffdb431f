package io.velocity.marketdata.allora;

/**
 * How stale a forecast is relative to what is left of the candle it forecasts:
 * {@code (now − signal_ts) / candle_time_remaining} (DESIGN.md §4). A 20-minute forecast made
 * one minute ago is fine early in the candle and useless in its last two minutes.
 *
 * <p>Candles are aligned to the epoch in multiples of the horizon (a 20m candle runs
 * 00:00–00:20 UTC, ...); at the instant a candle ends the next one starts with its whole length
 * remaining.
 */
public final class StalenessRatio {
    private StalenessRatio() {
    }

    /** The end of the horizon-aligned candle containing {@code nowMillis}. */
    public static long candleEnd(long nowMillis, long horizonMillis) {
        if (horizonMillis <= 0) {
            throw new IllegalArgumentException("horizon must be positive: " + horizonMillis);
        }
        return Math.floorDiv(nowMillis, horizonMillis) * horizonMillis + horizonMillis;
    }

    /**
     * The ratio; +∞ when nothing of the candle remains. A signal time in the future (clock skew)
     * counts as age 0.
     */
    public static double of(long nowMillis, long signalMillis, long candleEndMillis) {
        long remaining = candleEndMillis - nowMillis;
        if (remaining <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        long age = Math.max(0, nowMillis - signalMillis);
        return (double) age / remaining;
    }

    /** Parses a horizon like {@code 5m}, {@code 20m}, {@code 1h}, {@code 8h}, {@code 1d} into ms; -1 if not one. */
    public static long horizonMillis(String horizon) {
        if (horizon == null || horizon.length() < 2) {
            return -1;
        }
        long unit = switch (horizon.charAt(horizon.length() - 1)) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> -1;
        };
        if (unit < 0) {
            return -1;
        }
        try {
            long n = Long.parseLong(horizon.substring(0, horizon.length() - 1));
            return n > 0 ? n * unit : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
