package io.velocity.execution;

import io.velocity.execution.clob.CancelResult;
import io.velocity.execution.clob.ClobReply;
import io.velocity.execution.clob.PlaceAck;
import io.velocity.execution.clob.VenueOrder;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Rail A, the CLOB API, as the orchestrator uses it. Every call returns at once; the future
 * completes on the rail's threads with a classified {@link ClobReply}. Calls that place orders
 * check the kill switch immediately before the request leaves the process.
 */
public interface RailA extends AutoCloseable {

    /** {@code POST /order}. */
    CompletableFuture<ClobReply<PlaceAck>> place(PreparedOrder order);

    /** {@code POST /orders}: one answer per order, in order; a per-order refusal is an order error. */
    CompletableFuture<ClobReply<List<ClobReply<PlaceAck>>>> placeBatch(List<PreparedOrder> orders);

    /** {@code DELETE /order} (one id) or {@code DELETE /orders} (several). */
    CompletableFuture<ClobReply<CancelResult>> cancel(List<String> orderIds);

    /** {@code DELETE /cancel-all}. */
    CompletableFuture<ClobReply<CancelResult>> cancelAll();

    /** {@code GET /data/order/{id}}; empty when the venue does not know the order. */
    CompletableFuture<ClobReply<Optional<VenueOrder>>> order(String orderId);

    /** {@code POST /v1/heartbeats}; the value is the heartbeat id to send next time. */
    CompletableFuture<ClobReply<String>> heartbeat(String previousId);

    /** Opens and refreshes the kept-alive connections. */
    CompletableFuture<Void> warm();

    @Override
    void close();
}
