package io.velocity.execution.onchain;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/** A {@link NonceSource} for one process (the local chain, tests). Thread-safe. */
public final class InMemoryNonceSource implements NonceSource {
    private final Map<String, Long> next = new HashMap<>();

    @Override
    public synchronized long next(long chainId, String address, long floor) {
        String key = key(chainId, address);
        long nonce = Math.max(floor, next.getOrDefault(key, 0L));
        next.put(key, nonce + 1);
        return nonce;
    }

    @Override
    public synchronized OptionalLong peek(long chainId, String address) {
        Long n = next.get(key(chainId, address));
        return n == null ? OptionalLong.empty() : OptionalLong.of(n);
    }

    @Override
    public synchronized void reset(long chainId, String address, long nextNonce) {
        if (nextNonce < 0) {
            throw new IllegalArgumentException("nextNonce must be >= 0: " + nextNonce);
        }
        next.put(key(chainId, address), nextNonce);
    }

    private static String key(long chainId, String address) {
        return chainId + ":" + address.toLowerCase(Locale.ROOT);
    }
}
