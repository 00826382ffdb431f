package io.velocity.execution.onchain;

import io.velocity.core.StorageException;
import io.velocity.storage.redis.NonceAllocator;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The production {@link NonceSource}: the Redis Lua allocator, shared by every process of the
 * trader, so two senders never get the same nonce and none is skipped. Waits at most
 * {@code timeout} per call (Rail B calls it on its own thread, never the engine's).
 */
public final class RedisNonceSource implements NonceSource {
    private final NonceAllocator allocator;
    private final Duration timeout;

    public RedisNonceSource(NonceAllocator allocator, Duration timeout) {
        this.allocator = allocator;
        this.timeout = timeout;
    }

    @Override
    public long next(long chainId, String address, long floor) {
        return await(allocator.next(chainId, address, floor), "allocate a nonce");
    }

    @Override
    public OptionalLong peek(long chainId, String address) {
        return await(allocator.peek(chainId, address), "read the nonce counter");
    }

    @Override
    public void reset(long chainId, String address, long nextNonce) {
        await(allocator.reset(chainId, address, nextNonce), "reset the nonce counter");
    }

    private <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new StorageException("Redis did not " + what + " within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new StorageException("Redis could not " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for Redis to " + what, e);
        }
    }
}
