package io.velocity.chain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Settings of an {@link RpcClient}, validated once here.
 *
 * @param endpoints          endpoints in order of preference; the client sticks to one until it
 *                           fails, then moves round robin to the next healthy one
 * @param expectedChainId    chain id every endpoint must report (137 for Polygon); endpoints
 *                           reporting another id are refused
 * @param callTimeout        hard limit for one HTTP round trip, connect included
 * @param maxAttempts        attempts per logical call across all endpoints, the first included
 * @param initialBackoff     wait before the second attempt; doubles per attempt, with jitter
 * @param maxBackoff         cap of the wait between attempts
 * @param unhealthyCooldown  how long a failed endpoint is skipped after its first consecutive
 *                           failure; doubles per further consecutive failure
 * @param maxUnhealthyCooldown cap of that cooldown
 */
public record RpcClientConfig(
        List<RpcEndpoint> endpoints,
        long expectedChainId,
        Duration callTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration unhealthyCooldown,
        Duration maxUnhealthyCooldown) {

    /** @throws IllegalArgumentException naming the first invalid setting */
    public RpcClientConfig {
        Objects.requireNonNull(endpoints, "endpoints");
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one RPC endpoint is required");
        }
        if (expectedChainId <= 0) {
            throw new IllegalArgumentException("expectedChainId must be positive: " + expectedChainId);
        }
        requirePositive(callTimeout, "callTimeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        requirePositive(initialBackoff, "initialBackoff");
        requirePositive(maxBackoff, "maxBackoff");
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
        }
        requirePositive(unhealthyCooldown, "unhealthyCooldown");
        requirePositive(maxUnhealthyCooldown, "maxUnhealthyCooldown");
        if (maxUnhealthyCooldown.compareTo(unhealthyCooldown) < 0) {
            throw new IllegalArgumentException("maxUnhealthyCooldown must not be below unhealthyCooldown");
        }
    }

    /**
     * Defaults suited to a public Polygon RPC: 5 s per call, 4 attempts, backoff 100 ms → 2 s,
     * a failed endpoint skipped for 1 s → 30 s.
     *
     * @param expectedChainId the chain id every endpoint must report
     * @param urls            endpoint URLs in order of preference
     * @return the configuration
     */
    public static RpcClientConfig defaults(long expectedChainId, List<String> urls) {
        return new RpcClientConfig(
                urls.stream().map(RpcEndpoint::of).toList(),
                expectedChainId,
                Duration.ofSeconds(5),
                4,
                Duration.ofMillis(100),
                Duration.ofSeconds(2),
                Duration.ofSeconds(1),
                Duration.ofSeconds(30));
    }

    /** @return a copy with another per-call timeout */
    public RpcClientConfig withCallTimeout(Duration timeout) {
        return new RpcClientConfig(endpoints, expectedChainId, timeout, maxAttempts, initialBackoff, maxBackoff,
                unhealthyCooldown, maxUnhealthyCooldown);
    }

    /** @return a copy with other retry settings */
    public RpcClientConfig withRetries(int attempts, Duration firstBackoff, Duration backoffCap) {
        return new RpcClientConfig(endpoints, expectedChainId, callTimeout, attempts, firstBackoff, backoffCap,
                unhealthyCooldown, maxUnhealthyCooldown);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
