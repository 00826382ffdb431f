package io.velocity.engine;

/** Percentiles in microseconds over the recent window; -1 when no samples. */
public record LatencyStats(long count, double p50Micros, double p99Micros, double p999Micros, double maxMicros) {
    public static final LatencyStats EMPTY = new LatencyStats(0, -1, -1, -1, -1);
}
