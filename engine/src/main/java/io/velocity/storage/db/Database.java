package io.velocity.storage.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.velocity.core.StorageException;
import io.velocity.telemetry.SecretRedactor;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Velocity's PostgreSQL/TimescaleDB: a HikariCP pool and the Flyway migrations shipped in the
 * engine jar ({@code classpath:db/migration}, from the repository's {@code migrations/}).
 *
 * <p>The pool starts without a connection, so a database that is down at start-up does not stop
 * Velocity: trade records wait in the journal, and {@link #ensureMigrated()} (called before each
 * write) migrates once the server answers.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final String MIGRATIONS = "classpath:db/migration";

    private final PostgresSettings settings;
    private final HikariDataSource pool;
    private final SecretRedactor.Registration redaction;
    private final Object migrateLock = new Object();
    private volatile boolean migrated;
    private volatile boolean timescale;

    private Database(PostgresSettings settings, HikariDataSource pool, SecretRedactor.Registration redaction) {
        this.settings = settings;
        this.pool = pool;
        this.redaction = redaction;
    }

    /** Creates the pool; connects lazily. */
    public static Database connect(PostgresSettings settings) {
        char[] password = settings.password();
        SecretRedactor.Registration redaction = SecretRedactor.register(password);
        HikariConfig c = new HikariConfig();
        c.setPoolName("velocity-pg");
        c.setJdbcUrl(settings.jdbcUrl());
        c.setUsername(settings.user());
        if (password.length > 0) {
            c.setPassword(new String(password));
        }
        java.util.Arrays.fill(password, '\0');
        if (settings.schema() != null && !settings.schema().isEmpty()) {
            c.setSchema(settings.schema());
        }
        c.setMaximumPoolSize(settings.poolSize());
        c.setMinimumIdle(1);
        c.setConnectionTimeout(settings.connectTimeout().toMillis());
        c.setValidationTimeout(Math.min(settings.connectTimeout().toMillis(), Duration.ofSeconds(1).toMillis()));
        c.setInitializationFailTimeout(-1);
        c.setAutoCommit(true);
        // pgjdbc turns a JDBC batch of single-row INSERTs into multi-row INSERTs: several times the throughput
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.addDataSourceProperty("ApplicationName", "velocity");
        c.addDataSourceProperty("connectTimeout", Long.toString(Math.max(1, settings.connectTimeout().toSeconds())));
        c.addDataSourceProperty("socketTimeout", "30");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new Database(settings, new HikariDataSource(c), redaction);
        } catch (RuntimeException e) {
            redaction.close();
            throw new StorageException("cannot set up the PostgreSQL pool for " + settings.displayUrl() + ": "
                    + e.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public PostgresSettings settings() {
        return settings;
    }

    /**
     * Applies pending migrations (idempotent).
     *
     * @return migrations applied by this call
     * @throws StorageException when a migration fails or the server cannot be reached
     */
    public int migrate() {
        synchronized (migrateLock) {
            try {
                FluentConfiguration cfg = Flyway.configure()
                        .dataSource(pool)
                        .locations(MIGRATIONS)
                        .loggers("slf4j");
                if (settings.schema() != null && !settings.schema().isEmpty()) {
                    cfg.schemas(settings.schema()).defaultSchema(settings.schema()).createSchemas(true);
                }
                MigrateResult r = cfg.load().migrate();
                timescale = queryTimescale();
                migrated = true;
                if (r.migrationsExecuted > 0) {
                    LOG.info("database {} migrated to version {} ({} migrations; TimescaleDB {})", settings.displayUrl(),
                            r.targetSchemaVersion, r.migrationsExecuted, timescale ? "on" : "not available");
                }
                return r.migrationsExecuted;
            } catch (FlywayException | SQLException e) {
                throw new StorageException("migrating " + settings.displayUrl() + " failed: " + SqlErrors.describe(e), e);
            }
        }
    }

    /** Migrates if not done yet in this process; cheap afterwards. */
    public void ensureMigrated() {
        if (!migrated) {
            migrate();
        }
    }

    /** True when the migrations have run in this process. */
    public boolean isMigrated() {
        return migrated;
    }

    /** True when the schema uses TimescaleDB hypertables (known after {@link #migrate()}). */
    public boolean timescaleEnabled() {
        return timescale;
    }

    private boolean queryTimescale() throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_extension WHERE extname = 'timescaledb'")) {
            return rs.next() && rs.getInt(1) > 0;
        }
    }

    /**
     * Round-trips {@code SELECT 1}.
     *
     * @return latency in microseconds
     * @throws SQLException when the server cannot answer
     */
    public long pingMicros() throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("SELECT 1")) {
                rs.next();
            }
        }
        return (System.nanoTime() - t0) / 1_000;
    }

    /** True when {@code failure} means the server is unreachable or going away (not a bad statement). */
    public static boolean isUnavailable(Throwable failure) {
        return SqlErrors.isUnavailable(failure);
    }

    @Override
    public void close() {
        pool.close();
        redaction.close();
    }
}
