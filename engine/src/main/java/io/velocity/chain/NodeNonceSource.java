package io.velocity.chain;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.web3j.abi.datatypes.Address;

/**
 * Nonces from the node's pending transaction count, raised by what this process has already
 * handed out, so two transactions sent before the node has seen the first do not collide.
 * Suitable for one process sending a few transactions per account; order flow uses the
 * execution layer's nonce manager.
 */
public final class NodeNonceSource implements NonceSource {

    private final RpcClient rpc;
    /** Next nonce this process would hand out, per lower-case address. */
    private final Map<String, BigInteger> next = new ConcurrentHashMap<>();

    /** @param rpc client used to read the pending transaction count */
    public NodeNonceSource(RpcClient rpc) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
    }

    @Override
    public BigInteger reserve(Address account) {
        String key = key(account);
        // Read outside the map lock: an RPC round trip must not block other accounts.
        BigInteger pending = rpc.pendingNonce(account.getValue());
        return next.compute(key, (k, local) -> {
            BigInteger chosen = local == null || local.compareTo(pending) < 0 ? pending : local;
            return chosen.add(BigInteger.ONE);
        }).subtract(BigInteger.ONE);
    }

    @Override
    public void release(Address account, BigInteger nonce) {
        // Only the most recent reservation can be handed back without opening a gap.
        next.computeIfPresent(key(account), (k, local) -> local.equals(nonce.add(BigInteger.ONE)) ? nonce : local);
    }

    @Override
    public void resync(Address account) {
        next.remove(key(account));
    }

    private static String key(Address account) {
        return account.getValue().toLowerCase(Locale.ROOT);
    }
}
