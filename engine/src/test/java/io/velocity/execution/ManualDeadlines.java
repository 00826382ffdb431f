package io.velocity.execution;

import java.util.ArrayList;
import java.util.List;

/** {@link Deadlines} on a hand-moved clock: {@link #advance} runs what fell due, on the caller's thread. */
final class ManualDeadlines implements Deadlines {
    private final List<Task> tasks = new ArrayList<>();
    private long now;

    private final class Task implements Timer {
        final Runnable body;
        final long period;
        long due;
        boolean cancelled;

        Task(Runnable body, long due, long period) {
            this.body = body;
            this.due = due;
            this.period = period;
        }

        @Override
        public void cancel() {
            synchronized (ManualDeadlines.this) {
                cancelled = true;
            }
        }
    }

    @Override
    public synchronized Timer after(long delayNanos, Runnable task) {
        Task t = new Task(task, now + delayNanos, 0);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized Timer every(long periodNanos, Runnable task) {
        Task t = new Task(task, now + periodNanos, periodNanos);
        tasks.add(t);
        return t;
    }

    /** Moves time forward by {@code millis} and runs every task that fell due, in due order. */
    void advanceMillis(long millis) {
        long target;
        synchronized (this) {
            target = now + millis * 1_000_000;
        }
        while (true) {
            Task next = null;
            synchronized (this) {
                for (Task t : tasks) {
                    if (!t.cancelled && t.due <= target && (next == null || t.due < next.due)) {
                        next = t;
                    }
                }
                if (next == null) {
                    now = target;
                    return;
                }
                now = next.due;
                if (next.period > 0) {
                    next.due += next.period;
                } else {
                    next.cancelled = true;
                }
            }
            next.body.run();
        }
    }

    @Override
    public void close() {
    }
}
