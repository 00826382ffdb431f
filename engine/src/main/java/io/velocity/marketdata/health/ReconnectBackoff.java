package io.velocity.marketdata.health;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Jittered exponential backoff between reconnect attempts: the n-th consecutive failure waits a
 * random time in [base/2, base] with base = min(max, initial × 2^n) ("equal jitter"), so many
 * clients that lost the venue together do not reconnect in lockstep. Not thread-safe.
 */
public final class ReconnectBackoff {
    private final long initialMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int failures;

    public ReconnectBackoff(Duration initial, Duration max, RandomGenerator random) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
        this.random = random;
    }

    /** The delay before the next attempt; each call counts one more failure. */
    public long nextDelayMillis() {
        long base = initialMillis << Math.min(failures, 30);
        if (base <= 0 || base > maxMillis) {
            base = maxMillis;
        }
        failures++;
        long half = base / 2;
        return half + (long) (random.nextDouble() * (base - half + 1));
    }

    /** A connection succeeded: start again from the initial delay. */
    public void reset() {
        failures = 0;
    }

    /** Consecutive failures so far. */
    public int failures() {
        return failures;
    }
}
