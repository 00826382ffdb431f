package io.velocity.sim;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulator's single owner thread: the price world, the markets, the books and the accounts
 * are only touched here, so request handlers on server threads hand their work to it and wait.
 * One writer keeps the venue deterministic and lock-free.
 */
public final class SimLoop implements AutoCloseable {
    private static final long CALL_TIMEOUT_SECONDS = 10;

    private final ExecutorService executor;
    private volatile Thread thread;

    public SimLoop() {
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "velocity-sim-loop");
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    /** Runs {@code task} on the loop and returns its result (directly when already on the loop). */
    public <T> T call(Callable<T> task) throws InterruptedException, TimeoutException {
        if (Thread.currentThread() == thread) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        Future<T> f = executor.submit(task);
        try {
            return f.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        }
    }

    /** Queues {@code task} on the loop without waiting. */
    public void execute(Runnable task) {
        executor.execute(task);
    }

    /** Whether the caller is the loop thread. */
    public boolean onLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
