package io.velocity.marketdata.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Re-evaluates every registered {@link FeedHealth} on one daemon thread at a fixed period, so
 * a feed that goes silent is noticed within its threshold plus one period even though it sends
 * nothing that would trigger an evaluation.
 */
public final class FeedHealthMonitor implements AutoCloseable {
    private final List<FeedHealth> feeds = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer;

    public FeedHealthMonitor(Duration period) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "feed-health");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, period.toMillis());
        timer.scheduleAtFixedRate(this::evaluateAll, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Adds a feed to watch. */
    public FeedHealth watch(FeedHealth feed) {
        feeds.add(feed);
        return feed;
    }

    private void evaluateAll() {
        for (FeedHealth f : feeds) {
            try {
                f.evaluate();
            } catch (RuntimeException e) {
                // a listener's bug must not stop the monitoring of every other feed
                org.slf4j.LoggerFactory.getLogger(FeedHealthMonitor.class).error("health evaluation of {} failed", f.feed(), e);
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
