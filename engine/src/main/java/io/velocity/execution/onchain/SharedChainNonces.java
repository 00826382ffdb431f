package io.velocity.execution.onchain;

import io.velocity.chain.RpcClient;
import org.web3j.abi.datatypes.Address;

import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Rail B's {@link NonceSource} (the Redis Lua allocator in production) offered to the chain
 * layer's senders ({@link io.velocity.chain.NonceSource}: redemptions, approvals), so every
 * transaction of one wallet, whoever sends it, draws from the same counter and two senders can
 * never pick the same nonce. The chain's pending count is the floor of every reservation.
 */
public final class SharedChainNonces implements io.velocity.chain.NonceSource {
    private final NonceSource nonces;
    private final RpcClient rpc;
    private final long chainId;

    public SharedChainNonces(NonceSource nonces, RpcClient rpc) {
        this.nonces = nonces;
        this.rpc = rpc;
        this.chainId = rpc.chainId();
    }

    @Override
    public BigInteger reserve(Address account) {
        String address = key(account);
        return BigInteger.valueOf(nonces.next(chainId, address, rpc.pendingNonce(address).longValueExact()));
    }

    /** Gives the nonce back only when it is still the latest one handed out; anything else would open a gap. */
    @Override
    public void release(Address account, BigInteger nonce) {
        String address = key(account);
        OptionalLong next = nonces.peek(chainId, address);
        if (next.isPresent() && next.getAsLong() == nonce.longValueExact() + 1) {
            nonces.reset(chainId, address, nonce.longValueExact());
        }
    }

    /** After "nonce too low" the counter is behind the chain: raise it to the pending count (never lower it). */
    @Override
    public void resync(Address account) {
        String address = key(account);
        long pending = rpc.pendingNonce(address).longValueExact();
        OptionalLong next = nonces.peek(chainId, address);
        if (next.isEmpty() || next.getAsLong() < pending) {
            nonces.reset(chainId, address, pending);
        }
    }

    private static String key(Address account) {
        return account.getValue().toLowerCase(Locale.ROOT);
    }
}
