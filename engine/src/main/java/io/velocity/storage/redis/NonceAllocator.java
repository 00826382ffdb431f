package io.velocity.storage.redis;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Hands out account nonces atomically across threads and processes: a Lua script
 * ({@code nonce_alloc.lua}) reads, raises to the floor, and advances the counter at
 * {@link RedisKeys#nonce} in one step, so two callers never get the same nonce and none is
 * skipped. Futures complete on Lettuce's I/O threads: callers must not block inside callbacks.
 */
public final class NonceAllocator {
    static final RedisScript SCRIPT = RedisScript.resource("nonce_alloc.lua");

    private final RedisAsyncCommands<String, String> commands;

    /** Uses {@code connection} (one that flushes every command). */
    public NonceAllocator(StatefulRedisConnection<String, String> connection) {
        this.commands = connection.async();
    }

    /**
     * Reserves {@code count} consecutive nonces.
     *
     * @param floor the lowest nonce known to be unused (the chain's pending count), 0 if unknown
     * @return the first reserved nonce; the caller owns {@code [first, first + count)}
     */
    public CompletionStage<Long> allocate(long chainId, String address, int count, long floor) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1: " + count);
        }
        if (floor < 0) {
            throw new IllegalArgumentException("floor must be >= 0: " + floor);
        }
        return SCRIPT.run(commands, commands, ScriptOutputType.INTEGER, new String[]{RedisKeys.nonce(chainId, address)},
                Integer.toString(count), Long.toString(floor));
    }

    /** Reserves one nonce. */
    public CompletionStage<Long> next(long chainId, String address, long floor) {
        return allocate(chainId, address, 1, floor);
    }

    /** The next nonce that would be handed out, if the counter exists. */
    public CompletionStage<OptionalLong> peek(long chainId, String address) {
        return commands.get(RedisKeys.nonce(chainId, address)).toCompletableFuture()
                .thenApply(v -> v == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(v)));
    }

    /**
     * Sets the counter after reconciliation with the chain (e.g. dropped transactions freed
     * nonces). Only for the reconciler: it must know no allocation is in flight.
     */
    public CompletionStage<Void> reset(long chainId, String address, long nextNonce) {
        if (nextNonce < 0) {
            throw new IllegalArgumentException("nextNonce must be >= 0: " + nextNonce);
        }
        return commands.set(RedisKeys.nonce(chainId, address), Long.toString(nextNonce)).toCompletableFuture()
                .thenApply(ok -> (Void) null);
    }

    /** Loads the script into Redis's cache ahead of the first allocation. */
    CompletableFuture<String> preload() {
        return commands.scriptLoad(SCRIPT.source()).toCompletableFuture();
    }
}
