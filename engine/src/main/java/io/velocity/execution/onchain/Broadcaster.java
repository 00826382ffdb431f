package io.velocity.execution.onchain;

/**
 * Where signed transactions go: the configured RPC endpoints, or a private relay. Blocking; Rail B
 * calls it on its own threads.
 */
@FunctionalInterface
public interface Broadcaster {

    /**
     * Broadcasts {@code tx}. A node that already has these exact bytes counts as success.
     *
     * @return the transaction hash
     * @throws io.velocity.chain.RpcErrorException     when the node refuses it (underpriced replacement,
     *                                                 nonce too low, insufficient funds ...)
     * @throws io.velocity.chain.RpcTransportException when no answer arrived
     */
    String broadcast(SignedTransaction tx);
}
