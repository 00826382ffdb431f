package io.velocity.execution.onchain;

import java.util.OptionalLong;

/**
 * Hands out account nonces so that two senders (threads or processes) never get the same one and
 * none is skipped. Production uses the Redis Lua allocator (shared by every process of the
 * trader); {@link InMemoryNonceSource} serves a single process on the local chain. Calls may
 * block briefly (a Redis round trip); Rail B calls them on its own thread.
 */
public interface NonceSource {

    /**
     * Reserves the next nonce of {@code address}.
     *
     * @param floor the lowest nonce known to be unused (the chain's pending count); the allocator
     *              never hands out less, so transactions sent by other tools are respected
     */
    long next(long chainId, String address, long floor);

    /** The nonce {@link #next} would hand out next, if the allocator has a counter for the account. */
    OptionalLong peek(long chainId, String address);

    /** Sets the next nonce after start-up recovery; only when no allocation is in flight. */
    void reset(long chainId, String address, long nextNonce);
}
