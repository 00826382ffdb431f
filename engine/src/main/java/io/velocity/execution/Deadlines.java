package io.velocity.execution;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Timers of the orchestrator (acknowledgement deadlines, polls, heartbeats). An interface so the
 * failover-timing tests can move time by hand.
 */
public interface Deadlines extends AutoCloseable {

    /** A scheduled task that can be called off. */
    interface Timer {
        void cancel();
    }

    /** Runs {@code task} once after {@code delayNanos}. */
    Timer after(long delayNanos, Runnable task);

    /** Runs {@code task} every {@code periodNanos}. */
    Timer every(long periodNanos, Runnable task);

    @Override
    void close();

    /** Real time on one daemon thread. */
    static Deadlines system(String threadName) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name(threadName).daemon().unstarted(r));
        return new Deadlines() {
            @Override
            public Timer after(long delayNanos, Runnable task) {
                ScheduledFuture<?> f = s.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public Timer every(long periodNanos, Runnable task) {
                ScheduledFuture<?> f = s.scheduleAtFixedRate(task, periodNanos, periodNanos, TimeUnit.NANOSECONDS);
                return () -> f.cancel(false);
            }

            @Override
            public void close() {
                s.shutdownNow();
            }
        };
    }
}
