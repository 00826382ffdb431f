package io.velocity.storage.db;

import io.velocity.core.Sensitive;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How to reach PostgreSQL. Holds the password, so it is {@link Sensitive}: {@code toString}
 * never shows it, and its owner calls {@link #wipe()} when done.
 *
 * @param jdbcUrl  {@code jdbc:postgresql://host:port/db}
 * @param user     database user
 * @param password password characters (empty for trust authentication, e.g. the embedded server)
 * @param poolSize connections in the pool (the shipper uses one, health probes and readers the rest)
 * @param schema   schema for Velocity's tables; null or empty means the user's default ({@code public})
 * @param connectTimeout longest wait for a connection (a caller waits this long while the server is down)
 */
public record PostgresSettings(String jdbcUrl, String user, char[] password, int poolSize, String schema,
                               Duration connectTimeout) implements Sensitive {

    public static final int DEFAULT_POOL_SIZE = 4;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(3);

    public PostgresSettings {
        if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("postgres URL must start with jdbc:postgresql://");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("postgres user must be set");
        }
        if (poolSize < 2) {
            throw new IllegalArgumentException("poolSize must be at least 2: " + poolSize);
        }
        if (connectTimeout == null || connectTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("connectTimeout must be at least 250 ms (HikariCP's minimum)");
        }
        password = password == null ? new char[0] : password.clone();
    }

    /** Settings with the default pool and schema. */
    public static PostgresSettings of(String jdbcUrl, String user, char[] password) {
        return new PostgresSettings(jdbcUrl, user, password, DEFAULT_POOL_SIZE, null, DEFAULT_CONNECT_TIMEOUT);
    }

    public PostgresSettings withSchema(String schema) {
        return new PostgresSettings(jdbcUrl, user, password, poolSize, schema, connectTimeout);
    }

    public PostgresSettings withConnectTimeout(Duration timeout) {
        return new PostgresSettings(jdbcUrl, user, password, poolSize, schema, timeout);
    }

    /**
     * The URL without its query string, for logs and messages: JDBC parameters may carry a
     * password ({@code ?password=…}, {@code sslpassword=…}).
     */
    public String displayUrl() {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? jdbcUrl : jdbcUrl.substring(0, q);
    }

    /** A copy of the password (the caller zeroes it). */
    @Override
    public char[] password() {
        return password.clone();
    }

    /** Zeroes the password held by these settings (when they are no longer needed). */
    public void wipe() {
        Arrays.fill(password, '\0');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PostgresSettings p && p.jdbcUrl.equals(jdbcUrl) && p.user.equals(user)
                && Arrays.equals(p.password, password) && p.poolSize == poolSize
                && Objects.equals(p.schema, schema) && p.connectTimeout.equals(connectTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jdbcUrl, user, poolSize, schema, connectTimeout);
    }

    @Override
    public String toString() {
        return "PostgresSettings[" + displayUrl() + ", user=" + user + ", password=" + REDACTED + ", poolSize=" + poolSize
                + ", schema=" + schema + ", connectTimeout=" + connectTimeout + "]";
    }
}
