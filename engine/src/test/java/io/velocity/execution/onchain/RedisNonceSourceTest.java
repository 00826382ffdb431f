package io.velocity.execution.onchain;

import io.velocity.storage.SharedStores;
import io.velocity.storage.redis.RedisStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Rail B's nonces from the storage layer's Redis Lua allocator (a real embedded Redis). */
class RedisNonceSourceTest {
    private static RedisStore store;

    @BeforeAll
    static void connect() {
        store = RedisStore.connect(SharedStores.redis().url());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void handsOutConsecutiveNoncesNeverBelowTheChainsPendingCount() {
        RedisNonceSource nonces = new RedisNonceSource(store.nonces(), Duration.ofSeconds(2));
        String address = "0x" + UUID.randomUUID().toString().replace("-", "") + "00000000";

        assertThat(nonces.peek(137, address)).isEmpty();
        assertThat(nonces.next(137, address, 5)).isEqualTo(5);
        assertThat(nonces.next(137, address, 5)).isEqualTo(6);
        assertThat(nonces.next(137, address, 10)).isEqualTo(10);   // another tool sent 7..9: the floor wins
        assertThat(nonces.peek(137, address)).hasValue(11);
        nonces.reset(137, address, 10);                              // start-up recovery gave 10 back
        assertThat(nonces.next(137, address, 0)).isEqualTo(10);
    }
}
