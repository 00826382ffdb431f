package io.velocity.core;

import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when told to; for tests and deterministic replays. Thread-safe. */
public final class ManualClock implements Clock {
    private final AtomicLong epochMillis;
    private final AtomicLong nanos = new AtomicLong();

    public ManualClock(long startEpochMillis) {
        this.epochMillis = new AtomicLong(startEpochMillis);
    }

    @Override
    public long epochMillis() {
        return epochMillis.get();
    }

    @Override
    public long nanoTime() {
        return nanos.get();
    }

    /** Moves both wall and monotonic time forward. */
    public void advanceMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time only moves forward, got " + millis + " ms");
        }
        epochMillis.addAndGet(millis);
        nanos.addAndGet(millis * 1_000_000L);
    }

    /** Sets wall time (the monotonic clock is untouched, as on a real machine after an NTP step). */
    public void setEpochMillis(long millis) {
        epochMillis.set(millis);
    }
}
