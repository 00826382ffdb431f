package io.velocity.execution.onchain;

import io.velocity.chain.RpcClient;
import io.velocity.chain.RpcErrorException;

import java.util.Locale;

/** Broadcasts through the trusted RPC client (with its failover across {@code chain.rpcUrls}). */
public final class RpcBroadcaster implements Broadcaster {
    private final RpcClient rpc;

    public RpcBroadcaster(RpcClient rpc) {
        this.rpc = rpc;
    }

    @Override
    public String broadcast(SignedTransaction tx) {
        try {
            String hash = rpc.sendRawTransaction(tx.rawHex());
            return hash == null ? tx.hash() : hash;
        } catch (RpcErrorException e) {
            // A retried broadcast of bytes the node already holds is a success.
            if (e.getMessage().toLowerCase(Locale.ROOT).contains("already known")) {
                return tx.hash();
            }
            throw e;
        }
    }
}
