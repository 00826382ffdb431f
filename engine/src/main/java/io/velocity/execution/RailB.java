package io.velocity.execution;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Rail B, a direct call of the exchange's {@code fillOrders}, as the orchestrator uses it. Every
 * transaction is simulated with {@code eth_call} first and not sent when it would revert (on the
 * real venue the fill functions are operator-only, so a normal wallet is refused with
 * "NotOperator"); the rail then reports itself unavailable with that reason. Returns at once; the
 * future completes on the rail's threads when the transaction mined, was refused or failed.
 */
public interface RailB extends AutoCloseable {

    /** Fills {@code order} in full (its whole maker amount) against the sender as counterparty. */
    CompletableFuture<ChainFill> fill(PreparedOrder order);

    /** Empty while the rail is usable; otherwise why not (the last simulation's revert reason). */
    Optional<String> unavailableReason();

    @Override
    void close();
}
