package io.velocity.bench;

/**
 * One measured figure.
 *
 * @param bench  benchmark name (engine, storage, ...)
 * @param metric what was measured
 * @param value  the figure
 * @param unit   unit of the figure
 * @param goal   the target as text, e.g. "<= 5 µs" ("" when none)
 * @param met    whether the goal was met (true when there is no goal)
 */
public record BenchResult(String bench, String metric, double value, String unit, String goal, boolean met) {

    /** A result with a "lower is better" goal. */
    public static BenchResult atMost(String bench, String metric, double value, String unit, double goal) {
        // A negative figure means "no samples": never report that as a met goal.
        return new BenchResult(bench, metric, value, unit, "<= " + fmt(goal) + " " + unit, value >= 0 && value <= goal);
    }

    /** A result with a "higher is better" goal. */
    public static BenchResult atLeast(String bench, String metric, double value, String unit, double goal) {
        return new BenchResult(bench, metric, value, unit, ">= " + fmt(goal) + " " + unit, value >= goal);
    }

    /** A figure without a goal. */
    public static BenchResult info(String bench, String metric, double value, String unit) {
        return new BenchResult(bench, metric, value, unit, "", true);
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format("%,d", (long) v);
        }
        return Math.abs(v) >= 100 ? String.format("%,.0f", v) : String.format("%.3g", v);
    }
}
