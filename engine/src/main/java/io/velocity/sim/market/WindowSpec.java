package io.velocity.sim.market;

import java.util.Locale;

/**
 * A window length: its label in slugs ({@code 5m}, {@code 15m}, {@code 1h}), its real length and
 * its simulated length after time compression (whole seconds, at least one).
 */
public record WindowSpec(String label, long realMillis, long lengthMillis) {

    /** Parses {@code 5m}, {@code 15m} or {@code 1h} and applies the compression. */
    public static WindowSpec of(String label, double compression) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        long real = switch (l) {
            case "5m" -> 300_000L;
            case "15m" -> 900_000L;
            case "1h" -> 3_600_000L;
            default -> throw new IllegalArgumentException("unsupported window length '" + label + "' (5m, 15m, 1h)");
        };
        long seconds = Math.max(1L, Math.round(real / compression / 1000.0));
        return new WindowSpec(l, real, seconds * 1000L);
    }

    /** Start of the window containing {@code epochMillis}: windows are aligned to multiples of their length. */
    public long startOf(long epochMillis) {
        return Math.floorDiv(epochMillis, lengthMillis) * lengthMillis;
    }

    public boolean hourly() {
        return realMillis == 3_600_000L;
    }
}
