package io.velocity.marketdata.gamma;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slugs of Polymarket's crypto Up/Down windows (POLYMARKET.md, Gamma): 5- and 15-minute
 * windows are {@code <asset>-updown-<5m|15m>-<unix start>}; hourly ones are
 * {@code <name>-up-or-down-<month>-<day>-<h><am|pm>-et} in New York time. Discovery reads the
 * asset and window length from the slug.
 */
public final class WindowSlugs {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern UPDOWN = Pattern.compile("([a-z]+)-updown-(5m|15m|1h|4h)-(\\d{9,11})");
    private static final Pattern HOURLY = Pattern.compile("([a-z]+)-up-or-down-[a-z]+-\\d{1,2}-\\d{1,2}(am|pm)-et");
    private static final Map<String, String> NAMES = Map.of("btc", "bitcoin", "eth", "ethereum", "sol", "solana",
            "xrp", "xrp");

    /** What a slug says about its window. */
    public record Window(String asset, String duration, long startMillis) {
    }

    private WindowSlugs() {
    }

    /** Window length in ms for {@code 5m}, {@code 15m}, {@code 1h}; -1 otherwise. */
    public static long durationMillis(String duration) {
        return switch (duration) {
            case "5m" -> 300_000L;
            case "15m" -> 900_000L;
            case "1h" -> 3_600_000L;
            case "4h" -> 14_400_000L;
            default -> -1;
        };
    }

    /** The asset, duration and (for unix slugs) start of an Up/Down slug; null for any other slug. */
    public static Window parse(String slug) {
        if (slug == null) {
            return null;
        }
        Matcher m = UPDOWN.matcher(slug);
        if (m.matches()) {
            return new Window(m.group(1), m.group(2), Long.parseLong(m.group(3)) * 1000);
        }
        m = HOURLY.matcher(slug);
        if (m.matches()) {
            String name = m.group(1);
            for (Map.Entry<String, String> e : NAMES.entrySet()) {
                if (e.getValue().equals(name)) {
                    return new Window(e.getKey(), "1h", -1);
                }
            }
            return new Window(name, "1h", -1);
        }
        return null;
    }

    /** The slug of the window of {@code asset} and {@code duration} starting at {@code startMillis}. */
    public static String slug(String asset, String duration, long startMillis) {
        if (duration.equals("1h")) {
            ZonedDateTime t = Instant.ofEpochMilli(startMillis).atZone(NEW_YORK);
            int h12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
            return NAMES.getOrDefault(asset, asset) + "-up-or-down-"
                    + t.getMonth().name().toLowerCase(Locale.ROOT) + "-" + t.getDayOfMonth() + "-" + h12
                    + (t.getHour() < 12 ? "am" : "pm") + "-et";
        }
        return asset + "-updown-" + duration + "-" + startMillis / 1000;
    }
}
