package io.velocity.chain;

/**
 * Receives one callback per JSON-RPC round trip, on the calling thread, for telemetry
 * (latency histograms, error counters, health). Implementations must be fast and must not throw;
 * an exception is logged and otherwise ignored.
 */
@FunctionalInterface
public interface RpcCallObserver {

    /** An observer that ignores every call. */
    RpcCallObserver NONE = (endpoint, method, latencyNanos, outcome) -> { };

    /**
     * @param endpoint     the endpoint that was called (print it with {@link RpcEndpoint#displayName()})
     * @param method       the JSON-RPC method
     * @param latencyNanos wall time of the round trip
     * @param outcome      how it ended
     */
    void onCall(RpcEndpoint endpoint, String method, long latencyNanos, RpcCallOutcome outcome);
}
