package io.velocity.telemetry;

import org.slf4j.MDC;

import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The {@code trace_id} that follows one trade from signal to settlement through logs, the
 * journal and the database. It lives in the SLF4J MDC of the thread doing the work; hand-offs
 * to other threads carry it explicitly with {@link #wrap(Runnable)} or {@link #propagating}.
 */
public final class TraceContext {
    /** MDC key and JSON log field. */
    public static final String KEY = "trace_id";

    private TraceContext() {
    }

    /**
     * A new id: 12 hex digits of epoch milliseconds then 10 random hex digits, so ids sort by
     * creation time and do not collide across restarts.
     */
    public static String newTraceId() {
        long millis = System.currentTimeMillis();
        long rnd = ThreadLocalRandom.current().nextLong() & 0xFF_FFFF_FFFFL;
        return String.format("%012x%010x", millis & 0xFFFF_FFFF_FFFFL, rnd);
    }

    /** The current thread's trace id, or null. */
    public static String current() {
        return MDC.get(KEY);
    }

    /** Sets the trace id until the returned scope is closed, then restores the previous one. */
    public static Scope open(String traceId) {
        String previous = MDC.get(KEY);
        if (traceId == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, traceId);
        }
        return new Scope(previous);
    }

    /** A runnable that runs under the trace id current at wrapping time. */
    public static Runnable wrap(Runnable task) {
        String id = current();
        return () -> {
            try (Scope ignored = open(id)) {
                task.run();
            }
        };
    }

    /** A callable that runs under the trace id current at wrapping time. */
    public static <T> Callable<T> wrap(Callable<T> task) {
        String id = current();
        return () -> {
            try (Scope ignored = open(id)) {
                return task.call();
            }
        };
    }

    /** An executor that carries the submitter's trace id to the task. */
    public static Executor propagating(Executor delegate) {
        return task -> delegate.execute(wrap(task));
    }

    /** Restores the previous trace id on close. */
    public static final class Scope implements AutoCloseable {
        private final String previous;

        private Scope(String previous) {
            this.previous = previous;
        }

        @Override
        public void close() {
            if (previous == null) {
                MDC.remove(KEY);
            } else {
                MDC.put(KEY, previous);
            }
        }
    }
}
