package io.velocity.core;

/**
 * The one source of time for the engine, the feeds and the simulator. Injected everywhere so
 * tests can run compressed windows and move time by hand.
 */
public interface Clock {

    /** Wall-clock time in epoch milliseconds (venue timestamps, window boundaries). */
    long epochMillis();

    /** Monotonic nanoseconds for latency measurement; unrelated to wall time. */
    long nanoTime();

    /** The system clock. */
    Clock SYSTEM = new Clock() {
        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public String toString() {
            return "SystemClock";
        }
    };
}
