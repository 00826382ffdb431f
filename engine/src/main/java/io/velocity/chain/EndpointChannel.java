package io.velocity.chain;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;

/**
 * One endpoint's web3j instance with its verification state, health and latency histogram.
 * Mutable state is guarded by the instance monitor: updates are a few field writes per call.
 */
final class EndpointChannel {

    private enum Verification { UNVERIFIED, VERIFIED, REJECTED }

    /** Latencies above an hour are clamped; the histogram keeps 3 significant digits. */
    private static final long MAX_TRACKED_MICROS = TimeUnit.HOURS.toMicros(1);

    final RpcEndpoint endpoint;
    final Web3j web3j;
    /** The transport under {@link #web3j}, for methods web3j has no typed call for. */
    final Web3jService service;

    private Verification verification = Verification.UNVERIFIED;
    private final Histogram latencyMicros = new Histogram(MAX_TRACKED_MICROS, 3);
    private long calls;
    private long failures;
    private int consecutiveFailures;
    private long unavailableUntilNanos;
    private boolean coolingDown;
    private String lastError = "";

    EndpointChannel(RpcEndpoint endpoint, Web3jService service, Web3j web3j) {
        this.endpoint = endpoint;
        this.service = service;
        this.web3j = web3j;
    }

    synchronized boolean isUnverified() {
        return verification == Verification.UNVERIFIED;
    }

    synchronized boolean isVerified() {
        return verification == Verification.VERIFIED;
    }

    synchronized boolean isRejected() {
        return verification == Verification.REJECTED;
    }

    synchronized void markVerified() {
        if (verification != Verification.REJECTED) {
            verification = Verification.VERIFIED;
        }
    }

    synchronized void reject(String why) {
        verification = Verification.REJECTED;
        lastError = why;
    }

    /** @return true when not rejected and not cooling down after a failure */
    synchronized boolean isAvailable(long nowNanos) {
        return verification != Verification.REJECTED && (!coolingDown || nowNanos - unavailableUntilNanos >= 0);
    }

    synchronized long availableAt() {
        return unavailableUntilNanos;
    }

    synchronized void recordSuccess(long elapsedNanos) {
        calls++;
        record(elapsedNanos);
        consecutiveFailures = 0;
        coolingDown = false;
    }

    synchronized void recordFailure(long elapsedNanos, String description, RpcClientConfig config) {
        calls++;
        failures++;
        record(elapsedNanos);
        consecutiveFailures++;
        long base = config.unhealthyCooldown().toNanos();
        long cap = config.maxUnhealthyCooldown().toNanos();
        long cooldown = Math.min(cap, base << Math.min(consecutiveFailures - 1, 30));
        unavailableUntilNanos = System.nanoTime() + cooldown;
        coolingDown = true;
        lastError = description;
    }

    synchronized EndpointStats stats(long nowNanos) {
        EndpointStats.State state = switch (verification) {
            case REJECTED -> EndpointStats.State.REJECTED;
            case UNVERIFIED -> EndpointStats.State.UNVERIFIED;
            case VERIFIED -> coolingDown && nowNanos - unavailableUntilNanos < 0
                    ? EndpointStats.State.COOLING_DOWN
                    : EndpointStats.State.HEALTHY;
        };
        boolean empty = latencyMicros.getTotalCount() == 0;
        return new EndpointStats(endpoint.displayName(), state, calls, failures, consecutiveFailures,
                empty ? 0 : latencyMicros.getValueAtPercentile(50),
                empty ? 0 : latencyMicros.getValueAtPercentile(99),
                empty ? 0 : latencyMicros.getMaxValue(),
                lastError);
    }

    private void record(long elapsedNanos) {
        long micros = Math.max(1, Math.min(MAX_TRACKED_MICROS, TimeUnit.NANOSECONDS.toMicros(elapsedNanos)));
        latencyMicros.recordValue(micros);
    }
}
