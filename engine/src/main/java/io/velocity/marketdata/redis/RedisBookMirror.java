package io.velocity.marketdata.redis;

import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.storage.redis.BookSide;
import io.velocity.storage.redis.RedisStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Mirrors book tops into the Redis ZSETs of the key schema ({@code RedisKeys.book}) without
 * slowing the book feed: {@link #mirror} keeps only the newest top per token (a map put), and a
 * flush every {@code period} writes each changed token once through Lettuce's asynchronous API,
 * prices converted from 1e-4 units to the schema's micro-USD.
 */
public final class RedisBookMirror implements BookMirror, AutoCloseable {
    private final RedisStore redis;
    private final Map<String, BookTop> latest = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    public RedisBookMirror(RedisStore redis, Duration period) {
        this.redis = redis;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "redis-book-mirror");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(10, period.toMillis());
        timer.scheduleAtFixedRate(this::flush, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public void mirror(BookTop top) {
        latest.put(top.tokenId(), top);
    }

    /** Writes every pending top now (the timer's job; public for an orderly shutdown). */
    public void flush() {
        for (String token : List.copyOf(latest.keySet())) {
            BookTop t = latest.remove(token);
            if (t == null) {
                continue;
            }
            redis.mirrorBook(token, BookSide.BIDS, micros(t.bidPrices(), t.bidDepth()), t.bidSizes(), t.bidDepth(),
                    t.venueTimeMillis());
            redis.mirrorBook(token, BookSide.ASKS, micros(t.askPrices(), t.askDepth()), t.askSizes(), t.askDepth(),
                    t.venueTimeMillis());
        }
    }

    private static long[] micros(long[] pricesE4, int depth) {
        long[] out = new long[Math.max(depth, 0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = pricesE4[i] * 100;
        }
        return out;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        flush();
    }
}
