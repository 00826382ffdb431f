package io.velocity.execution;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test double of Rail B for the failover-timing tests only; the test completes each fill. */
final class ScriptedRailB implements RailB {
    record Fill(PreparedOrder order, CompletableFuture<ChainFill> result) {
    }

    final LinkedBlockingQueue<Fill> fills = new LinkedBlockingQueue<>();

    Fill next() throws InterruptedException {
        Fill f = fills.poll(5, TimeUnit.SECONDS);
        if (f == null) {
            throw new AssertionError("no Rail B fill arrived");
        }
        return f;
    }

    @Override
    public CompletableFuture<ChainFill> fill(PreparedOrder order) {
        CompletableFuture<ChainFill> f = new CompletableFuture<>();
        fills.add(new Fill(order, f));
        return f;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.empty();
    }

    @Override
    public void close() {
    }
}
