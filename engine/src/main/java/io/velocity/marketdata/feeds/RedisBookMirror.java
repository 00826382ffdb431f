package io.velocity.marketdata.feeds;

import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.storage.redis.BookSide;
import io.velocity.storage.redis.RedisStore;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Mirrors book tops into Redis ZSETs without slowing the book thread: {@link #mirror} keeps only
 * the newest top per token, and a flush every 200 ms writes each changed token once (prices
 * converted from 1e-4 units to micro-USD, as the key schema stores them).
 */
final class RedisBookMirror implements BookMirror {
    private final RedisStore redis;
    private final Map<String, BookTop> latest = new ConcurrentHashMap<>();

    RedisBookMirror(RedisStore redis, ScheduledExecutorService scheduler) {
        this.redis = redis;
        scheduler.scheduleAtFixedRate(this::flush, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void mirror(BookTop top) {
        latest.put(top.tokenId(), top);
    }

    private void flush() {
        for (String token : List.copyOf(latest.keySet())) {
            BookTop t = latest.remove(token);
            if (t == null) {
                continue;
            }
            redis.mirrorBook(token, BookSide.BIDS, micros(t.bidPrices(), t.bidDepth()), t.bidSizes(), t.bidDepth(), t.venueTimeMillis());
            redis.mirrorBook(token, BookSide.ASKS, micros(t.askPrices(), t.askDepth()), t.askSizes(), t.askDepth(), t.venueTimeMillis());
        }
    }

    private static long[] micros(long[] pricesE4, int depth) {
        long[] out = new long[Math.max(depth, 0)];
        for (int i = 0; i < out.length; i++) {
            out[i] = pricesE4[i] * 100;
        }
        return out;
    }
}
