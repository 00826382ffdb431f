package io.velocity.telemetry;

/**
 * What one component last said about itself.
 *
 * @param component      stable name, e.g. {@code redis}, {@code feed.binance}, {@code config}
 * @param state          coarse state
 * @param detail         one line a trader can read ("" when there is nothing to add)
 * @param latencyMicros  last measured latency, or -1 when not applicable
 * @param updatedAtMillis epoch millis of the report
 */
public record HealthStatus(String component, HealthState state, String detail, long latencyMicros,
                           long updatedAtMillis) {
}
