package io.velocity.storage;

import io.velocity.storage.db.Database;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.JournalShipper;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reports {@code redis}, {@code postgres} and {@code journal} to the {@link HealthRegistry}
 * with their latency, each probed periodically on its own daemon thread (a hung database probe
 * never delays the Redis one):
 * <ul>
 *   <li>redis: PING round trip; DEGRADED when slow or when writes failed since the last probe;
 *       DOWN when PING fails.</li>
 *   <li>postgres: {@code SELECT 1} round trip; DEGRADED when slow; DOWN when it fails.</li>
 *   <li>journal: DOWN when appends were refused since the last probe, a write is failing or an
 *       fsync failed (trading must stop: decisions can no longer be recorded); DEGRADED while
 *       records wait for the database or some were refused by it; latency = the last fsync.</li>
 * </ul>
 */
public final class StorageHealthMonitor implements AutoCloseable {
    public static final String REDIS = "redis";
    public static final String POSTGRES = "postgres";
    public static final String JOURNAL = "journal";

    /** Above this round trip a store is DEGRADED. */
    static final long REDIS_SLOW_MICROS = 50_000;
    static final long POSTGRES_SLOW_MICROS = 250_000;
    private static final long PROBE_TIMEOUT_MILLIS = 2_000;

    private final HealthRegistry health;
    private final RedisStore redis;
    private final Database database;
    private final Journal journal;
    private final JournalShipper shipper;
    private final Duration interval;
    private final List<ScheduledExecutorService> probes = new ArrayList<>();

    // each touched only by its own probe thread
    private long lastRedisFailedWrites;
    private long lastJournalRejected;

    public StorageHealthMonitor(HealthRegistry health, RedisStore redis, Database database, Journal journal,
                                JournalShipper shipper, Duration interval) {
        this.health = health;
        this.redis = redis;
        this.database = database;
        this.journal = journal;
        this.shipper = shipper;
        this.interval = interval;
    }

    /** Starts the probe threads; each probes at once, then every interval. */
    public synchronized StorageHealthMonitor start() {
        if (probes.isEmpty()) {
            schedule(REDIS, this::probeRedis);
            schedule(POSTGRES, this::probePostgres);
            schedule(JOURNAL, this::probeJournal);
        }
        return this;
    }

    private void schedule(String name, Runnable probe) {
        ScheduledExecutorService ex = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "velocity-health-" + name);
            t.setDaemon(true);
            return t;
        });
        probes.add(ex);
        ex.scheduleWithFixedDelay(probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Probes Redis once and reports. */
    public void probeRedis() {
        try {
            long micros = redis.pingMicros().toCompletableFuture().get(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            long failed = redis.failedWrites();
            long newlyFailed = failed - lastRedisFailedWrites;
            lastRedisFailedWrites = failed;
            if (newlyFailed > 0) {
                health.report(REDIS, HealthState.DEGRADED, newlyFailed + " writes failed since the last check ("
                        + redis.endpoint() + ")", micros);
            } else if (micros > REDIS_SLOW_MICROS) {
                health.report(REDIS, HealthState.DEGRADED, "slow: PING took " + micros / 1_000 + " ms", micros);
            } else {
                health.report(REDIS, HealthState.UP, redis.endpoint(), micros);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            health.report(REDIS, HealthState.DOWN, "Redis at " + redis.endpoint() + " does not answer: "
                    + (cause instanceof TimeoutException ? "no PING reply within 2 s" : cause.getMessage()));
        }
    }

    /** Probes PostgreSQL once and reports. */
    public void probePostgres() {
        try {
            long micros = database.pingMicros();
            if (micros > POSTGRES_SLOW_MICROS) {
                health.report(POSTGRES, HealthState.DEGRADED, "slow: SELECT 1 took " + micros / 1_000 + " ms", micros);
            } else {
                health.report(POSTGRES, HealthState.UP, database.timescaleEnabled() ? "TimescaleDB" : "PostgreSQL",
                        micros);
            }
        } catch (Exception e) {
            health.report(POSTGRES, HealthState.DOWN, "PostgreSQL does not answer: " + e.getMessage());
        }
    }

    /** Checks the journal and its shipper once and reports. */
    public void probeJournal() {
        long rejected = journal.rejectedCount();
        long newlyRejected = rejected - lastJournalRejected;
        lastJournalRejected = rejected;
        long fsync = journal.lastFsyncMicros();
        long pending = journal.pendingCount();
        if (journal.isFailed()) {
            health.report(JOURNAL, HealthState.DOWN, journal.writeError(), fsync);
        } else if (newlyRejected > 0) {
            health.report(JOURNAL, HealthState.DOWN, newlyRejected + " records refused since the last check: the "
                    + "journal queue is full (" + pending + " waiting for disk)", fsync);
        } else if (journal.writeError() != null) {
            health.report(JOURNAL, HealthState.DOWN, journal.writeError(), fsync);
        } else if (shipper.consecutiveFailures() > 0) {
            health.report(JOURNAL, HealthState.DEGRADED, "records wait for the database (kept on disk, shipped at "
                    + shipper.shippedPosition() + "): " + shipper.lastError(), fsync);
        } else if (shipper.rejectedCount() > 0) {
            health.report(JOURNAL, HealthState.DEGRADED, shipper.rejectedCount() + " records refused by the database, "
                    + "kept in " + shipper.rejectedFile(), fsync);
        } else {
            health.report(JOURNAL, HealthState.UP, shipper.caughtUp() ? "all records in the database"
                    : "shipping to the database", fsync);
        }
    }

    @Override
    public synchronized void close() {
        for (ScheduledExecutorService ex : probes) {
            ex.shutdownNow();
        }
        for (ScheduledExecutorService ex : probes) {
            try {
                ex.awaitTermination(3, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        probes.clear();
    }
}
