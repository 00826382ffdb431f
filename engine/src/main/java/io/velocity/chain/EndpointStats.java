package io.velocity.chain;

/**
 * A point-in-time view of one endpoint's health and latency.
 *
 * @param endpoint            redacted endpoint name
 * @param state               current state
 * @param calls               round trips attempted
 * @param failures            round trips that failed on transport or with a retryable node error
 * @param consecutiveFailures failures since the last success
 * @param p50Micros           median round-trip latency in microseconds (0 before the first call)
 * @param p99Micros           99th percentile round-trip latency in microseconds
 * @param maxMicros           slowest round trip in microseconds
 * @param lastError           the last failure's description, empty if none
 */
public record EndpointStats(
        String endpoint,
        State state,
        long calls,
        long failures,
        int consecutiveFailures,
        long p50Micros,
        long p99Micros,
        long maxMicros,
        String lastError) {

    /** Health of an endpoint. */
    public enum State {
        /** Never reached yet, so its chain id is unknown; verified before first use. */
        UNVERIFIED,
        /** Chain id verified and the last call succeeded (or it is out of its cooldown). */
        HEALTHY,
        /** Recently failed; skipped while another endpoint is healthy. */
        COOLING_DOWN,
        /** Reports a different chain id; never used. */
        REJECTED
    }
}
