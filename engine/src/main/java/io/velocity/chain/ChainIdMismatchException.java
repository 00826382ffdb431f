package io.velocity.chain;

/**
 * Every reachable RPC endpoint reported a chain id other than the configured one. Connecting a
 * Polygon wallet to another chain would sign transactions for the wrong network, so the client
 * refuses to start instead.
 */
public final class ChainIdMismatchException extends RpcException {

    private static final long serialVersionUID = 1L;

    /** @param message which endpoints reported which chain ids, safe to log */
    public ChainIdMismatchException(String message) {
        super(message);
    }
}
