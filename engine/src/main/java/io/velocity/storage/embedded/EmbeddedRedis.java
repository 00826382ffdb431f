package io.velocity.storage.embedded;

import io.velocity.core.StorageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real {@code redis-server} started from the binary inside the embedded-redis jar, bound to
 * a free loopback port. Persistent mode keeps an append-only file in its data folder (fsync
 * every second: Redis is a cache of state the engine rewrites continuously); ephemeral mode
 * keeps nothing and deletes its folder on close.
 */
public final class EmbeddedRedis implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedis.class);
    private static final int START_ATTEMPTS = 3;

    private final RedisServer server;
    private final int port;
    private final Path dataDir;
    private final boolean ephemeral;

    private EmbeddedRedis(RedisServer server, int port, Path dataDir, boolean ephemeral) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    /** Starts Redis persisting into {@code dataDir} (created if missing). */
    public static EmbeddedRedis start(Path dataDir) {
        return start(dataDir, false);
    }

    /** Starts Redis in a temporary folder that is deleted on close (tests, benchmarks). */
    public static EmbeddedRedis startEphemeral() {
        try {
            return start(Files.createTempDirectory("velocity-redis-"), true);
        } catch (IOException e) {
            throw new StorageException("cannot create a temporary folder for embedded Redis: " + e.getMessage(), e);
        }
    }

    private static EmbeddedRedis start(Path dataDir, boolean ephemeral) {
        Path dir = dataDir.toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create the embedded Redis folder " + dir + ": " + e.getMessage(), e);
        }
        Path pidFile = dir.resolve("redis.pid");
        OrphanedServer.stopIfRunning(pidFile, "redis-server");
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = LoopbackPorts.free();
            RedisServerBuilder b = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("dir " + dir)
                    .setting("pidfile " + pidFile)
                    .setting("save \"\"")
                    .setting("appendonly " + (ephemeral ? "no" : "yes"))
                    .setting("appendfsync everysec")
                    .soutListener(line -> LOG.debug("redis: {}", line))
                    .serrListener(line -> LOG.warn("redis: {}", line));
            try {
                RedisServer server = b.build();
                server.start();
                LOG.info("embedded Redis listening on 127.0.0.1:{} ({})", port, ephemeral ? "ephemeral" : dir);
                return new EmbeddedRedis(server, port, dir, ephemeral);
            } catch (IOException e) {
                last = e;
                LOG.debug("embedded Redis attempt {} on port {} failed: {}", attempt, port, e.getMessage());
            }
        }
        throw new StorageException("embedded Redis did not start in " + dir + ": " + describe(last), last);
    }

    private static String describe(IOException e) {
        if (e == null) {
            return "unknown error";
        }
        return e.getCause() != null ? e.getMessage() + " (" + e.getCause().getMessage() + ")" : e.getMessage();
    }

    public int port() {
        return port;
    }

    /** The URL to connect to. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** True while the server process runs. */
    public boolean isRunning() {
        return server.isActive();
    }

    /** Stops the server (which writes its append-only file on the way out). */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            LOG.warn("stopping embedded Redis on port {} failed: {}", port, e.getMessage());
        }
        if (ephemeral) {
            TempDirs.deleteQuietly(dataDir);
        }
    }
}
