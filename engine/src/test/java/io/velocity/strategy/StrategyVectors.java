package io.velocity.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code python/tests/vectors.json}: inputs and expected outputs written by
 * {@code python/tests/make_vectors.py} from {@code strategy.py}. Non-finite doubles are the
 * strings "NaN", "Infinity" and "-Infinity" (JSON has no literal for them).
 */
public final class StrategyVectors {

    /** One case: a request and what both implementations must answer. */
    public record Vector(String function, String name, StrategyRequest request, StrategyAnswer expected) {
        @Override
        public String toString() {
            return function + ": " + name;
        }
    }

    private StrategyVectors() {
    }

    /** The repository root (system property {@code velocity.home}, set by Surefire), else the parent folder. */
    public static Path repositoryRoot() {
        String home = System.getProperty("velocity.home");
        return Path.of(home == null || home.isBlank() ? ".." : home).toAbsolutePath().normalize();
    }

    public static Path file() {
        return repositoryRoot().resolve("python/tests/vectors.json");
    }

    /** Every vector of the file, Kelly first, then staleness, then signal validation. */
    public static List<Vector> load() throws IOException {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing " + file + " (written by python/tests/make_vectors.py)");
        }
        JsonNode root = new ObjectMapper().readTree(file.toFile());
        List<Vector> all = new ArrayList<>();
        for (JsonNode v : root.get("calculate_kelly")) {
            JsonNode a = v.get("args");
            all.add(new Vector("calculate_kelly", v.get("name").asText(),
                    new KellyRequest(dbl(a, "price"), dbl(a, "win_prob"), lng(a, "bankroll_micros"),
                            dbl(a, "kelly_fraction"), dbl(a, "max_bankroll_fraction"), lng(a, "max_order_micros"),
                            dbl(a, "fee_per_share")),
                    new KellyStake(lng(v, "expected"))));
        }
        for (JsonNode v : root.get("calculate_staleness")) {
            JsonNode a = v.get("args");
            JsonNode e = v.get("expected");
            all.add(new Vector("calculate_staleness", v.get("name").asText(),
                    new StalenessRequest(lng(a, "now_ms"), lng(a, "signal_ts_ms"), lng(a, "window_end_ms"),
                            dbl(a, "max_ratio")),
                    new StalenessResult(dbl(e, "ratio"), dbl(e, "weight"), bool(e, "accepted"), text(e, "reason"))));
        }
        for (JsonNode v : root.get("validate_signal")) {
            JsonNode a = v.get("args");
            JsonNode e = v.get("expected");
            all.add(new Vector("validate_signal", v.get("name").asText(),
                    new SignalRequest(dbl(a, "signal_log_return"), dbl(a, "horizon_seconds"), dbl(a, "dfo_log"),
                            dbl(a, "vol_per_sqrt_s"), dbl(a, "seconds_remaining"), dbl(a, "tolerance_sigma")),
                    new SignalCheck(bool(e, "valid"), text(e, "reason"))));
        }
        return all;
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode f = node.get(name);
        if (f == null) {
            throw new IllegalArgumentException("vectors.json: missing field " + name + " in " + node);
        }
        return f;
    }

    private static double dbl(JsonNode node, String name) {
        JsonNode f = field(node, name);
        if (f.isTextual()) {
            return switch (f.asText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> throw new IllegalArgumentException("vectors.json: " + name + " = " + f);
            };
        }
        if (!f.isNumber()) {
            throw new IllegalArgumentException("vectors.json: " + name + " is not a number: " + f);
        }
        // Jackson parses the decimal text with a correctly rounded parser, giving back the exact
        // double Python's repr wrote.
        return f.doubleValue();
    }

    private static long lng(JsonNode node, String name) {
        JsonNode f = field(node, name);
        if (!f.isIntegralNumber() || !f.canConvertToLong()) {
            throw new IllegalArgumentException("vectors.json: " + name + " is not a long: " + f);
        }
        return f.longValue();
    }

    private static boolean bool(JsonNode node, String name) {
        JsonNode f = field(node, name);
        if (!f.isBoolean()) {
            throw new IllegalArgumentException("vectors.json: " + name + " is not a boolean: " + f);
        }
        return f.booleanValue();
    }

    private static String text(JsonNode node, String name) {
        return field(node, name).asText();
    }
}
