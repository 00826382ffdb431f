package io.velocity.storage;

import io.velocity.storage.db.Database;
import io.velocity.storage.db.PostgresSettings;
import io.velocity.storage.embedded.EmbeddedPostgresServer;
import io.velocity.storage.embedded.EmbeddedRedis;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded Redis and one real embedded PostgreSQL per test JVM, started on first use
 * and stopped when the JVM exits, so the storage suite pays each start-up once. Tests isolate
 * themselves with their own database ({@link #freshDatabase}) or their own Redis keys.
 */
public final class SharedStores {
    public static final String USER = "velocity";

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedRedis redis;
    private static EmbeddedPostgresServer postgres;

    private SharedStores() {
    }

    public static synchronized EmbeddedRedis redis() {
        if (redis == null) {
            redis = EmbeddedRedis.startEphemeral();
            EmbeddedRedis r = redis;
            Runtime.getRuntime().addShutdownHook(new Thread(r::close, "test-redis-stop"));
        }
        return redis;
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.startEphemeral(USER, StorageRuntime.EMBEDDED_DATABASE);
            EmbeddedPostgresServer p = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(p::close, "test-postgres-stop"));
        }
        return postgres;
    }

    /** JDBC URL of a new, empty database on the shared server. */
    public static String freshDatabase() {
        String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        postgres().createDatabase(name);
        return postgres().jdbcUrl(name);
    }

    /** A migrated database of its own on the shared server. */
    public static Database freshMigratedDatabase() {
        Database db = Database.connect(PostgresSettings.of(freshDatabase(), USER, null));
        db.migrate();
        return db;
    }
}
