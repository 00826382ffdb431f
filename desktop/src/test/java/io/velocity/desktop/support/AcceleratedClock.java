package io.velocity.desktop.support;

import io.velocity.core.Clock;

/**
 * Business time that runs {@code factor} times faster than the wall clock (so a five-minute
 * window resolves in seconds in a screenshot run); nanoTime stays real so latencies are real.
 */
public final class AcceleratedClock implements Clock {
    private final long startMillis;
    private final long startNanos = System.nanoTime();
    private final double factor;

    public AcceleratedClock(long startMillis, double factor) {
        this.startMillis = startMillis;
        this.factor = factor;
    }

    @Override
    public long epochMillis() {
        return startMillis + (long) ((System.nanoTime() - startNanos) * factor / 1e6);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    public double factor() {
        return factor;
    }
}
