package io.velocity.storage.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.velocity.storage.SharedStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class NonceAllocatorTest {
    private static RedisClient client;

    @BeforeAll
    static void start() {
        client = RedisClient.create(SharedStores.redis().url());
    }

    @AfterAll
    static void stop() {
        client.shutdown();
    }

    private static String address() {
        return "0x" + UUID.randomUUID().toString().replace("-", "") + "abcdef01";
    }

    @Test
    void eightClientsOnTheirOwnConnectionsGetUniqueGapFreeNonces() throws Exception {
        int clients = 8;
        int perClient = 250;
        long floor = 41;
        String address = address();
        Set<Long> handedOut = new ConcurrentSkipListSet<>();
        List<Long> duplicates = new ArrayList<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> {
                try (StatefulRedisConnection<String, String> own = client.connect()) {
                    NonceAllocator nonces = new NonceAllocator(own);
                    go.await();
                    for (int i = 0; i < perClient; i++) {
                        long n = nonces.next(137, address, floor).toCompletableFuture().get(5, TimeUnit.SECONDS);
                        if (!handedOut.add(n)) {
                            synchronized (duplicates) {
                                duplicates.add(n);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failure.set(e);
                }
            }, "nonce-client-" + c);
            t.start();
            threads.add(t);
        }
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        assertThat(failure.get()).isNull();
        assertThat(duplicates).isEmpty();
        assertThat(handedOut).hasSize(clients * perClient);
        assertThat(new TreeSet<>(handedOut).first()).isEqualTo(floor);
        assertThat(new TreeSet<>(handedOut).last()).isEqualTo(floor + clients * perClient - 1);
    }

    @Test
    void aBlockOfNoncesIsContiguousAndTheNextCallStartsAfterIt() throws Exception {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            NonceAllocator nonces = new NonceAllocator(c);
            String address = address();
            assertThat(nonces.allocate(137, address, 5, 0).toCompletableFuture().get()).isEqualTo(0);
            assertThat(nonces.next(137, address, 0).toCompletableFuture().get()).isEqualTo(5);
            assertThat(nonces.peek(137, address).toCompletableFuture().get()).hasValue(6);
        }
    }

    @Test
    void aCounterBehindTheChainCatchesUpToTheFloorButNeverGoesBack() throws Exception {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            NonceAllocator nonces = new NonceAllocator(c);
            String address = address();
            assertThat(nonces.next(137, address, 0).toCompletableFuture().get()).isEqualTo(0);
            assertThat(nonces.next(137, address, 100).toCompletableFuture().get()).isEqualTo(100);
            assertThat(nonces.next(137, address, 3).toCompletableFuture().get()).isEqualTo(101);
            nonces.reset(137, address, 90).toCompletableFuture().get();
            assertThat(nonces.next(137, address, 0).toCompletableFuture().get()).isEqualTo(90);
        }
    }

    @Test
    void theAllocatorKeepsWorkingAfterRedisForgetsItsScripts() throws Exception {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            NonceAllocator nonces = new NonceAllocator(c);
            String address = address();
            nonces.next(137, address, 0).toCompletableFuture().get();
            c.sync().scriptFlush();
            assertThat(c.sync().scriptExists(NonceAllocator.SCRIPT.sha1())).containsExactly(false);
            assertThat(nonces.next(137, address, 0).toCompletableFuture().get()).isEqualTo(1);
            assertThat(c.sync().scriptExists(NonceAllocator.SCRIPT.sha1())).containsExactly(true);
        }
    }

    @Test
    void countersOfDifferentChainsAndAccountsAreIndependent() throws Exception {
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            NonceAllocator nonces = new NonceAllocator(c);
            String a = address();
            String b = address();
            nonces.allocate(137, a, 10, 0).toCompletableFuture().get();
            assertThat(nonces.next(137, b, 0).toCompletableFuture().get()).isZero();
            assertThat(nonces.next(80002, a, 0).toCompletableFuture().get()).isZero();
            assertThat(nonces.next(137, a.toUpperCase().replace("0X", "0x"), 0).toCompletableFuture().get()).isEqualTo(10);
        }
    }
}
