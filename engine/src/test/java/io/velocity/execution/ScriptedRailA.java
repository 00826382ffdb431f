package io.velocity.execution;

import io.velocity.execution.clob.CancelResult;
import io.velocity.execution.clob.ClobReply;
import io.velocity.execution.clob.PlaceAck;
import io.velocity.execution.clob.VenueOrder;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test double of Rail A for the failover-timing tests only: every call is queued with a future the
 * test completes when it chooses, which is what lets a test put an answer exactly before or after
 * the acknowledgement deadline.
 */
final class ScriptedRailA implements RailA {
    record Call<T>(String op, Object argument, CompletableFuture<T> reply) {
        /**
         * Completes the call once the orchestrator has attached its callback, so the answer is
         * queued in the order the test gives it (not raced by the orchestrator's own thread).
         */
        void answer(T value) {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> reply.getNumberOfDependents() > 0);
            reply.complete(value);
        }
    }

    final LinkedBlockingQueue<Call<?>> calls = new LinkedBlockingQueue<>();

    @SuppressWarnings("unchecked")
    <T> Call<T> next(String op) throws InterruptedException {
        Call<?> c = calls.poll(5, TimeUnit.SECONDS);
        if (c == null) {
            throw new AssertionError("no Rail A call arrived; expected " + op);
        }
        if (!c.op().equals(op)) {
            throw new AssertionError("expected Rail A call " + op + " but got " + c.op() + " " + c.argument());
        }
        return (Call<T>) c;
    }

    private <T> CompletableFuture<T> record(String op, Object argument) {
        CompletableFuture<T> f = new CompletableFuture<>();
        calls.add(new Call<>(op, argument, f));
        return f;
    }

    @Override
    public CompletableFuture<ClobReply<PlaceAck>> place(PreparedOrder order) {
        return record("place", order);
    }

    @Override
    public CompletableFuture<ClobReply<List<ClobReply<PlaceAck>>>> placeBatch(List<PreparedOrder> orders) {
        return record("placeBatch", orders);
    }

    @Override
    public CompletableFuture<ClobReply<CancelResult>> cancel(List<String> orderIds) {
        return record("cancel", orderIds);
    }

    @Override
    public CompletableFuture<ClobReply<CancelResult>> cancelAll() {
        return record("cancelAll", null);
    }

    @Override
    public CompletableFuture<ClobReply<Optional<VenueOrder>>> order(String orderId) {
        return record("order", orderId);
    }

    @Override
    public CompletableFuture<ClobReply<String>> heartbeat(String previousId) {
        return record("heartbeat", previousId);
    }

    @Override
    public CompletableFuture<Void> warm() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
    }
}
