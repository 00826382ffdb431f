package io.velocity.desktop.fx;

import javafx.application.Platform;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs slow work (file writes, key derivation, session start, PNG encoding) off the FX thread and
 * delivers the outcome back on it. One-shot user actions only; market data never comes this way.
 */
public final class FxTasks implements AutoCloseable {
    private final AtomicInteger ids = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(
            r -> Thread.ofPlatform().name("desktop-io-" + ids.incrementAndGet()).daemon().unstarted(r));

    /** Runs {@code work} in the background; {@code onDone} or {@code onError} then run on the FX thread. */
    public <T> void run(Callable<T> work, Consumer<? super T> onDone, Consumer<? super Throwable> onError) {
        pool.execute(() -> {
            T result;
            try {
                result = work.call();
            } catch (Throwable e) {
                Platform.runLater(() -> onError.accept(e));
                return;
            }
            Platform.runLater(() -> onDone.accept(result));
        });
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
