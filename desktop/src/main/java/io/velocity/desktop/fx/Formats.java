package io.velocity.desktop.fx;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers read on the workstation. Prices of outcome shares in cents (a Polymarket trader
 * thinks "53¢"), probabilities in percent, edges and fees in cents per share, money in dollars
 * with the sign shown where it matters. Unknown values print as an en dash, never "NaN".
 */
public final class Formats {
    public static final String NONE = "–";
    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter HMS_MS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZONE);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

    private Formats() {
    }

    private static boolean unknown(double v) {
        return Double.isNaN(v) || Double.isInfinite(v);
    }

    /** 0.534 → "53.4¢". */
    public static String cents(double price) {
        return unknown(price) || price <= 0 ? NONE : String.format(Locale.ROOT, "%.1f¢", price * 100);
    }

    /** Best bid and ask in cents: "52.0 / 53.0" (either side "–" when empty). */
    public static String bidAsk(double bid, double ask) {
        String b = unknown(bid) || bid <= 0 ? NONE : String.format(Locale.ROOT, "%.1f", bid * 100);
        String a = unknown(ask) || ask <= 0 ? NONE : String.format(Locale.ROOT, "%.1f", ask * 100);
        return b + " / " + a;
    }

    /** Price in 1e-4 units → "53.4¢". */
    public static String centsE4(long priceE4) {
        return priceE4 <= 0 ? NONE : String.format(Locale.ROOT, "%.1f¢", priceE4 / 100.0);
    }

    /** 0.5321 → "53.2%". */
    public static String percent(double p) {
        return unknown(p) ? NONE : String.format(Locale.ROOT, "%.1f%%", p * 100);
    }

    /** Signed cents per share: 0.0312 → "+3.12¢". */
    public static String signedCents(double v) {
        return unknown(v) ? NONE : String.format(Locale.ROOT, "%+.2f¢", v * 100);
    }

    /** Unsigned cents per share with two decimals: 0.0087 → "0.87¢". */
    public static String feeCents(double v) {
        return unknown(v) ? NONE : String.format(Locale.ROOT, "%.2f¢", v * 100);
    }

    /** Expected value per dollar: 0.041 → "+4.1%". */
    public static String evPerDollar(double v) {
        if (unknown(v)) {
            return NONE;
        }
        // Below a twentieth of a percent the sign is noise: "0.0%", never "-0.0%".
        return Math.abs(v) < 0.0005 ? "0.0%" : String.format(Locale.ROOT, "%+.1f%%", v * 100);
    }

    /** Relative distance: 0.00042 → "+0.042%". */
    public static String dfo(double fraction) {
        return unknown(fraction) ? NONE : String.format(Locale.ROOT, "%+.3f%%", fraction * 100);
    }

    /** A spot price with precision fitting its size: 97123.4, 3456.78, 0.5123. */
    public static String price(double v) {
        if (unknown(v) || v <= 0) {
            return NONE;
        }
        if (v >= 10_000) {
            return String.format(Locale.ROOT, "%,.1f", v);
        }
        if (v >= 100) {
            return String.format(Locale.ROOT, "%,.2f", v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
    }

    /** Micro-USD → "$1,234.56" (negative as "−$12.00"). */
    public static String usd(long micros) {
        String abs = String.format(Locale.ROOT, "$%,.2f", Math.abs(micros) / 1e6);
        return micros < 0 ? "−" + abs : abs;
    }

    /** Micro-USD with an explicit sign: "+$3.20", "−$1.05", "$0.00". */
    public static String signedUsd(long micros) {
        if (micros == 0) {
            return "$0.00";
        }
        return (micros > 0 ? "+" : "−") + String.format(Locale.ROOT, "$%,.2f", Math.abs(micros) / 1e6);
    }

    /** Micro-shares → "125.40". */
    public static String shares(long micros) {
        return micros == 0 ? NONE : String.format(Locale.ROOT, "%,.2f", micros / 1e6);
    }

    /** Seconds left → "4:07", "1:02:03", "0:00" at or after the end. */
    public static String countdown(long secondsLeft) {
        long s = Math.max(0, secondsLeft);
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** Microseconds → "850 µs", "4.21 ms", "1.30 s"; unknown (&lt; 0) → "–". */
    public static String latencyMicros(double micros) {
        if (unknown(micros) || micros < 0) {
            return NONE;
        }
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.0f µs", micros);
        }
        if (micros < 1_000_000) {
            return String.format(Locale.ROOT, "%.2f ms", micros / 1_000);
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000);
    }

    /** Milliseconds of age → "120 ms", "4.2 s", "3 min". */
    public static String age(long millis) {
        if (millis < 0) {
            return NONE;
        }
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min";
    }

    public static String time(long epochMillis) {
        return epochMillis <= 0 ? NONE : HMS.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String timeMillis(long epochMillis) {
        return epochMillis <= 0 ? NONE : HMS_MS.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String hourMinute(long epochMillis) {
        return HM.format(Instant.ofEpochMilli(epochMillis));
    }

    /** UTC ISO-8601 for CSV files. */
    public static String iso(long epochMillis) {
        return epochMillis <= 0 ? "" : ISO.format(Instant.ofEpochMilli(epochMillis));
    }
}
