package io.velocity.chain;

/** How one JSON-RPC round trip ended, as seen by an {@link RpcCallObserver}. */
public enum RpcCallOutcome {
    /** The node answered with a result. */
    SUCCESS,
    /** The node answered that the EVM reverted: a healthy answer about the call, not the node. */
    REVERTED,
    /** The node answered with a JSON-RPC error. */
    RPC_ERROR,
    /** No usable answer: connection failure, timeout, HTTP error or garbage. */
    TRANSPORT_ERROR
}
