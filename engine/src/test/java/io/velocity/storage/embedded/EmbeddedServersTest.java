package io.velocity.storage.embedded;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The persistent (trader) mode of the embedded servers: durable settings, data kept across restarts. */
class EmbeddedServersTest {
    @TempDir
    Path dataDir;

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aTradersPostgresIsDurableAndKeepsItsDataAcrossRestarts() throws SQLException {
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(dataDir.resolve("pg"), "velocity", "velocity")) {
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "velocity", "")) {
                // the library's own defaults (fsync off, asynchronous commit) are for throwaway test data
                assertThat(show(c, "fsync")).isEqualTo("on");
                assertThat(show(c, "synchronous_commit")).isEqualTo("on");
                assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE TABLE kept (v text)");
                    s.execute("INSERT INTO kept VALUES ('survives')");
                }
            }
            int port = pg.port();
            pg.stop();
            assertThat(pg.isRunning()).isFalse();
            pg.start();
            assertThat(pg.port()).isEqualTo(port);
            try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), "velocity", "");
                 Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("survives");
            }
        }
        assertThat(Files.exists(dataDir.resolve("pg").resolve("PG_VERSION"))).isTrue();
    }

    @Test
    void aTradersRedisKeepsItsDataInAnAppendOnlyFileAcrossRestarts() {
        Path dir = dataDir.resolve("redis");
        try (EmbeddedRedis first = EmbeddedRedis.start(dir)) {
            RedisClient client = RedisClient.create(first.url());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                c.sync().set("sys:bankroll:usdc", "1234500000");
            } finally {
                client.shutdown();
            }
        }
        assertThat(Files.exists(dir.resolve("appendonly.aof"))).isTrue();
        try (EmbeddedRedis second = EmbeddedRedis.start(dir)) {
            RedisClient client = RedisClient.create(second.url());
            try (StatefulRedisConnection<String, String> c = client.connect()) {
                assertThat(c.sync().get("sys:bankroll:usdc")).isEqualTo("1234500000");
            } finally {
                client.shutdown();
            }
        }
    }
}
