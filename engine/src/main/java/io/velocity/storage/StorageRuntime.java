package io.velocity.storage;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.velocity.config.StorageConfig;
import io.velocity.core.Sensitive;
import io.velocity.core.StorageException;
import io.velocity.storage.db.Database;
import io.velocity.storage.db.PostgresSettings;
import io.velocity.storage.db.TradeLogRepository;
import io.velocity.storage.embedded.EmbeddedPostgresServer;
import io.velocity.storage.embedded.EmbeddedRedis;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.JournalOptions;
import io.velocity.storage.journal.JournalShipper;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Builds and owns Velocity's stores from {@link StorageConfig}: the journal and its shipper,
 * the Redis hot store and the PostgreSQL database. With an empty {@code redisUrl} /
 * {@code postgresUrl} it starts the embedded server (data under {@code <dataDir>/redis} and
 * {@code <dataDir>/pg}, or temporary folders in ephemeral mode); with a URL it connects to that
 * server and never starts an embedded one.
 *
 * <p>Start order: journal first (records are accepted from the first moment), then Redis, then
 * PostgreSQL. A database that is unreachable at start is not fatal: records wait in the journal
 * and the schema is migrated when it answers. Redis is required (the nonce allocator lives there).
 * {@link #close()} stops in reverse and gives the shipper a few seconds to deliver the last records.
 */
public final class StorageRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StorageRuntime.class);
    /** The database the embedded server creates for Velocity. */
    public static final String EMBEDDED_DATABASE = "velocity";
    private static final Duration SHIPPER_IDLE_POLL = Duration.ofMillis(20);
    private static final Duration SHIPPER_DRAIN_ON_CLOSE = Duration.ofSeconds(5);

    private final Journal journal;
    private final JournalShipper shipper;
    private final RedisStore redis;
    private final Database database;
    private final StorageHealthMonitor healthMonitor;
    private final EmbeddedRedis embeddedRedis;
    private final EmbeddedPostgresServer embeddedPostgres;
    private final Deque<AutoCloseable> closeOrder;

    private StorageRuntime(Journal journal, JournalShipper shipper, RedisStore redis, Database database,
                           StorageHealthMonitor healthMonitor, EmbeddedRedis embeddedRedis,
                           EmbeddedPostgresServer embeddedPostgres, Deque<AutoCloseable> closeOrder) {
        this.journal = journal;
        this.shipper = shipper;
        this.redis = redis;
        this.database = database;
        this.healthMonitor = healthMonitor;
        this.embeddedRedis = embeddedRedis;
        this.embeddedPostgres = embeddedPostgres;
        this.closeOrder = closeOrder;
    }

    /**
     * Where and how the stores run.
     *
     * @param dataDir          Velocity's data folder: journal (unless configured), embedded server data
     * @param ephemeral        embedded servers keep their data in temporary folders deleted on close
     * @param postgresPassword password for an external PostgreSQL (null or empty: none); copied
     * @param healthInterval   how often each store is probed
     * @param postgresConnectTimeout longest wait for a database connection (while it is down, every
     *                         attempt waits this long)
     */
    public record Environment(Path dataDir, boolean ephemeral, char[] postgresPassword, Duration healthInterval,
                              Duration postgresConnectTimeout) {

        /** A trader's run: persistent embedded data under {@code dataDir}, probes every 2 s. */
        public static Environment persistent(Path dataDir, char[] postgresPassword) {
            return new Environment(dataDir, false, postgresPassword, Duration.ofSeconds(2),
                    PostgresSettings.DEFAULT_CONNECT_TIMEOUT);
        }

        /** Tests and benchmarks: embedded servers in temporary folders. */
        public static Environment ephemeral(Path dataDir) {
            return new Environment(dataDir, true, null, Duration.ofSeconds(2), PostgresSettings.DEFAULT_CONNECT_TIMEOUT);
        }

        @Override
        public String toString() {
            return "Environment[" + dataDir + (ephemeral ? ", ephemeral" : "") + ", password="
                    + (postgresPassword == null || postgresPassword.length == 0 ? "none" : Sensitive.REDACTED)
                    + ", healthInterval=" + healthInterval + ", postgresConnectTimeout=" + postgresConnectTimeout + "]";
        }
    }

    /**
     * Starts every store.
     *
     * @throws StorageException when a store cannot be started (whatever was started is stopped again)
     */
    public static StorageRuntime start(StorageConfig config, Environment env, HealthRegistry health) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        PostgresSettings pg = null;
        try {
            Path journalDir = config.journalDir().isEmpty() ? env.dataDir().resolve("journal") : Path.of(config.journalDir());
            Journal journal = Journal.open(JournalOptions.of(journalDir, config.journalFsyncInterval())).start();
            started.push(journal);

            EmbeddedRedis embeddedRedis = null;
            String redisUrl = config.redisUrl();
            if (redisUrl.isEmpty()) {
                embeddedRedis = env.ephemeral() ? EmbeddedRedis.startEphemeral()
                        : EmbeddedRedis.start(env.dataDir().resolve("redis"));
                started.push(embeddedRedis);
                redisUrl = embeddedRedis.url();
            }
            RedisStore redis = RedisStore.connect(redisUrl);
            started.push(redis);

            EmbeddedPostgresServer embeddedPostgres = null;
            if (config.postgresUrl().isEmpty()) {
                embeddedPostgres = env.ephemeral()
                        ? EmbeddedPostgresServer.startEphemeral(config.postgresUser(), EMBEDDED_DATABASE)
                        : EmbeddedPostgresServer.start(env.dataDir().resolve("pg"), config.postgresUser(), EMBEDDED_DATABASE);
                started.push(embeddedPostgres);
                pg = new PostgresSettings(embeddedPostgres.jdbcUrl(), config.postgresUser(), null,
                        PostgresSettings.DEFAULT_POOL_SIZE, null, env.postgresConnectTimeout());
            } else {
                pg = new PostgresSettings(config.postgresUrl(), config.postgresUser(), env.postgresPassword(),
                        PostgresSettings.DEFAULT_POOL_SIZE, null, env.postgresConnectTimeout());
            }
            PostgresSettings settings = pg;
            Database database = Database.connect(settings);
            started.push(database);
            migrateOrDefer(database);

            JournalShipper shipper = new JournalShipper(journal, new TradeLogRepository(database), config.dbBatchSize(),
                    SHIPPER_IDLE_POLL).start();
            StorageHealthMonitor monitor = new StorageHealthMonitor(health, redis, database, journal, shipper,
                    env.healthInterval()).start();

            // reverse of start, with the shipper after the journal (it delivers what the journal flushed last)
            Deque<AutoCloseable> closeOrder = new ArrayDeque<>();
            closeOrder.add(monitor);
            closeOrder.add(journal);
            closeOrder.add(() -> shipper.close(SHIPPER_DRAIN_ON_CLOSE));
            closeOrder.add(redis);
            closeOrder.add(database);
            if (embeddedPostgres != null) {
                closeOrder.add(embeddedPostgres);
            }
            if (embeddedRedis != null) {
                closeOrder.add(embeddedRedis);
            }
            closeOrder.add(settings::wipe);
            return new StorageRuntime(journal, shipper, redis, database, monitor, embeddedRedis, embeddedPostgres,
                    closeOrder);
        } catch (RuntimeException e) {
            while (!started.isEmpty()) {
                closeQuietly(started.pop());
            }
            if (pg != null) {
                pg.wipe();
            }
            throw e instanceof StorageException ? e : new StorageException("starting the stores failed: " + e.getMessage(), e);
        }
    }

    private static void migrateOrDefer(Database database) {
        try {
            database.migrate();
        } catch (StorageException e) {
            if (!Database.isUnavailable(e)) {
                throw e;
            }
            LOG.warn("PostgreSQL at {} is unreachable at start-up: trade records wait in the journal and the schema is "
                    + "migrated when it answers ({})", database.settings().displayUrl(), e.getMessage());
        }
    }

    /** The local journal (append trade-log and audit records here). */
    public Journal journal() {
        return journal;
    }

    /** The thread copying the journal into PostgreSQL. */
    public JournalShipper shipper() {
        return shipper;
    }

    /** The Redis hot store. */
    public RedisStore redis() {
        return redis;
    }

    /** PostgreSQL (for readers: replay, regret analysis, accounting). */
    public Database database() {
        return database;
    }

    public StorageHealthMonitor healthMonitor() {
        return healthMonitor;
    }

    /** The embedded Redis when no URL was configured. */
    public Optional<EmbeddedRedis> embeddedRedis() {
        return Optional.ofNullable(embeddedRedis);
    }

    /** The embedded PostgreSQL when no URL was configured. */
    public Optional<EmbeddedPostgresServer> embeddedPostgres() {
        return Optional.ofNullable(embeddedPostgres);
    }

    /**
     * Publishes journal, shipper and Redis counters as gauges: {@code journal_pending_records},
     * {@code journal_rejected_total}, {@code journal_shipped_total},
     * {@code journal_db_refused_total}, {@code journal_ship_failures}, {@code redis_failed_writes_total}.
     */
    public void bindMetrics(MeterRegistry registry) {
        Gauge.builder("journal_pending_records", journal, Journal::pendingCount)
                .description("Records accepted but not yet fsynced").register(registry);
        Gauge.builder("journal_rejected_total", journal, Journal::rejectedCount)
                .description("Records refused because the journal queue was full").register(registry);
        Gauge.builder("journal_shipped_total", shipper, JournalShipper::shippedCount)
                .description("Journal records stored in PostgreSQL").register(registry);
        Gauge.builder("journal_db_refused_total", shipper, JournalShipper::rejectedCount)
                .description("Journal records the database refused (kept in the rejected file)").register(registry);
        Gauge.builder("journal_ship_failures", shipper, JournalShipper::consecutiveFailures)
                .description("Failed attempts in a row to store journal records").register(registry);
        Gauge.builder("redis_failed_writes_total", redis, RedisStore::failedWrites)
                .description("Redis writes that failed or were refused").register(registry);
    }

    @Override
    public void close() {
        while (!closeOrder.isEmpty()) {
            closeQuietly(closeOrder.poll());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.warn("stopping a store failed: {}", e.getMessage());
        }
    }
}
