package io.velocity.marketdata.health;

import io.velocity.core.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts malformed and unexpected messages of one feed per kind, and logs each kind at most
 * once a minute (with how many were suppressed), so a venue that starts sending garbage cannot
 * flood the log or slow the feed. Recording never throws: a bad message never kills a feed.
 * Thread-safe.
 */
public final class MalformedMessages {
    /** The shortest interval between two log lines of one kind. */
    public static final long LOG_INTERVAL_MILLIS = 60_000;

    private static final Logger LOG = LoggerFactory.getLogger(MalformedMessages.class);

    private final String feed;
    private final Clock clock;
    private final Map<String, KindCount> kinds = new ConcurrentHashMap<>();

    public MalformedMessages(String feed, Clock clock) {
        this.feed = feed;
        this.clock = clock;
    }

    private static final class KindCount {
        final AtomicLong total = new AtomicLong();
        final AtomicLong sinceLog = new AtomicLong();
        volatile long lastLogMillis = Long.MIN_VALUE;
    }

    /**
     * Counts one bad message.
     *
     * @param kind    message kind ({@code price_change}, {@code aggTrade}, {@code unexpected:foo}, ...)
     * @param problem what was wrong (logged, rate-limited; must not contain credentials)
     */
    public void record(String kind, String problem) {
        KindCount c = kinds.computeIfAbsent(kind, k -> new KindCount());
        c.total.incrementAndGet();
        c.sinceLog.incrementAndGet();
        long now = clock.epochMillis();
        long last = c.lastLogMillis;
        if (last == Long.MIN_VALUE || now - last >= LOG_INTERVAL_MILLIS) {
            synchronized (c) {
                if (c.lastLogMillis == last) {
                    c.lastLogMillis = now;
                    long n = c.sinceLog.getAndSet(0);
                    LOG.warn("{}: {} bad {} message(s) since the last report (total {}); latest: {}", feed, n, kind,
                            c.total.get(), problem);
                }
            }
        }
    }

    /** Bad messages of one kind since start. */
    public long count(String kind) {
        KindCount c = kinds.get(kind);
        return c == null ? 0 : c.total.get();
    }

    /** Bad messages of every kind since start. */
    public long total() {
        long t = 0;
        for (KindCount c : kinds.values()) {
            t += c.total.get();
        }
        return t;
    }

    /** A sorted copy of the counts per kind. */
    public Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        kinds.forEach((k, v) -> m.put(k, v.total.get()));
        return m;
    }
}
