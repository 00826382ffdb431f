package io.velocity.storage;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ManyToOneHandoffTest {

    @Test
    void refusesOffersWhenFullAndAcceptsAgainOnceDrained() throws Exception {
        ManyToOneHandoff<Integer> h = new ManyToOneHandoff<>(4);
        for (int i = 0; i < 4; i++) {
            assertThat(h.offer(i)).isTrue();
        }
        assertThat(h.offer(99)).isFalse();
        assertThat(h.size()).isEqualTo(4);

        List<Integer> got = new ArrayList<>();
        assertThat(h.drain((item, nanos) -> got.add(item), 10)).isEqualTo(4);
        assertThat(got).containsExactly(0, 1, 2, 3);
        assertThat(h.offer(5)).isTrue();
    }

    @Test
    void roundsCapacityUpToAPowerOfTwo() {
        assertThat(new ManyToOneHandoff<>(1).capacity()).isEqualTo(1);
        assertThat(new ManyToOneHandoff<>(5).capacity()).isEqualTo(8);
        assertThat(new ManyToOneHandoff<>(1024).capacity()).isEqualTo(1024);
    }

    @Test
    void drainStopsAtTheLimitAndLeavesTheRestInOrder() throws Exception {
        ManyToOneHandoff<Integer> h = new ManyToOneHandoff<>(16);
        for (int i = 0; i < 10; i++) {
            h.offer(i);
        }
        List<Integer> got = new ArrayList<>();
        assertThat(h.drain((item, nanos) -> got.add(item), 3)).isEqualTo(3);
        assertThat(h.drain((item, nanos) -> got.add(item), 100)).isEqualTo(7);
        assertThat(got).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    }

    @Test
    void anItemWhoseConsumerThrowsIsDeliveredAgainByTheNextDrain() throws Exception {
        ManyToOneHandoff<String> h = new ManyToOneHandoff<>(8);
        h.offer("a");
        h.offer("b");
        List<String> got = new ArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        try {
            h.drain((item, nanos) -> {
                if (item.equals("b") && failOnce.getAndSet(false)) {
                    throw new java.io.IOException("disk full");
                }
                got.add(item);
            }, 10);
        } catch (java.io.IOException expected) {
            // the consumer's failure propagates
        }
        h.drain((item, nanos) -> got.add(item), 10);
        assertThat(got).containsExactly("a", "b");
    }

    @Test
    void fourProducersDeliverEveryItemExactlyOnceInEachProducersOrder() throws Exception {
        int producers = 4;
        int perProducer = 100_000;
        ManyToOneHandoff<long[]> h = new ManyToOneHandoff<>(1024);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long i = 0; i < perProducer; i++) {
                    long[] item = {id, i};
                    while (!h.offer(item)) {
                        Thread.yield(); // full: let the consumer run (the test machine may have 2 cores)
                    }
                }
            }, "producer-" + p);
            t.start();
            threads.add(t);
        }
        long[] next = new long[producers];
        AtomicLong outOfOrder = new AtomicLong();
        long total = 0;
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (total < (long) producers * perProducer && System.nanoTime() < deadline) {
            int n = h.drain((item, nanos) -> {
                int p = (int) item[0];
                if (item[1] != next[p]) {
                    outOfOrder.incrementAndGet();
                }
                next[p] = item[1] + 1;
            }, 4096);
            total += n;
            if (n == 0) {
                // park like the real consumers do, so the wake-up path races with the producers too
                h.awaitItems(TimeUnit.MILLISECONDS.toNanos(10));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(total).isEqualTo((long) producers * perProducer);
        assertThat(outOfOrder.get()).isZero();
        assertThat(next).containsOnly(perProducer);
    }

    @Test
    void aParkedConsumerWakesWhenAProducerOffers() throws Exception {
        ManyToOneHandoff<String> h = new ManyToOneHandoff<>(8);
        CountDownLatch parked = new CountDownLatch(1);
        AtomicLong wokeAfterNanos = new AtomicLong(-1);
        Thread consumer = new Thread(() -> {
            parked.countDown();
            long t0 = System.nanoTime();
            while (h.size() == 0) {
                h.awaitItems(TimeUnit.SECONDS.toNanos(30));
            }
            wokeAfterNanos.set(System.nanoTime() - t0);
        });
        consumer.start();
        parked.await();
        h.offer("wake up");
        await().atMost(Duration.ofSeconds(5)).until(() -> wokeAfterNanos.get() >= 0);
        consumer.join();
        assertThat(Duration.ofNanos(wokeAfterNanos.get())).isLessThan(Duration.ofSeconds(5));
    }
}
