package io.velocity.sim.clob;

/**
 * A sliding-window request counter (two fixed buckets, the previous one weighted by how much of
 * it still overlaps the window): O(1) per request, no per-request memory.
 */
final class RateWindow {
    private final long windowMillis;
    private final int limit;
    private long bucketStart = Long.MIN_VALUE;
    private int current;
    private int previous;

    RateWindow(long windowMillis, int limit) {
        this.windowMillis = windowMillis;
        this.limit = limit;
    }

    /** Counts one request at {@code now}; false (not counted) when the window is full. */
    boolean tryAcquire(long now) {
        roll(now);
        if (estimate(now) >= limit) {
            return false;
        }
        current++;
        return true;
    }

    /** Share of the limit used, 0..1+. */
    double usage(long now) {
        roll(now);
        return estimate(now) / limit;
    }

    private double estimate(long now) {
        double overlap = 1.0 - (double) (now - bucketStart) / windowMillis;
        return previous * Math.max(0, overlap) + current;
    }

    private void roll(long now) {
        if (bucketStart == Long.MIN_VALUE) {
            bucketStart = now - Math.floorMod(now, windowMillis);
            return;
        }
        long elapsed = now - bucketStart;
        if (elapsed >= 2 * windowMillis) {
            previous = 0;
            current = 0;
            bucketStart = now - Math.floorMod(now, windowMillis);
        } else if (elapsed >= windowMillis) {
            previous = current;
            current = 0;
            bucketStart += windowMillis;
        }
    }
}
