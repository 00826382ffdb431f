package io.velocity.storage;

import io.velocity.config.StorageConfig;
import io.velocity.core.Clock;
import io.velocity.storage.db.Database;
import io.velocity.storage.db.PostgresSettings;
import io.velocity.storage.embedded.EmbeddedPostgresServer;
import io.velocity.storage.embedded.EmbeddedRedis;
import io.velocity.storage.journal.AppendResult;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.HealthStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class StorageRuntimeTest {
    private static final long T0 = 1_732_500_000_000L;

    @TempDir
    Path dataDir;

    private final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);

    private static StorageConfig config(String redisUrl, String postgresUrl) {
        return new StorageConfig(redisUrl, postgresUrl, SharedStores.USER, "", Duration.ofMillis(5), 1_000);
    }

    private StorageRuntime.Environment ephemeral() {
        return new StorageRuntime.Environment(dataDir, true, null, Duration.ofMillis(200), Duration.ofMillis(500));
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static boolean accepts(int port) {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitUp(String component) {
        await().atMost(Duration.ofSeconds(10)).until(() -> health.get(component).state() == HealthState.UP);
    }

    @Test
    void withNoUrlsItStartsEmbeddedServersReportsThemHealthyAndStopsThemOnClose() throws Exception {
        EmbeddedRedis redis;
        EmbeddedPostgresServer pg;
        try (StorageRuntime rt = StorageRuntime.start(config("", ""), ephemeral(), health)) {
            redis = rt.embeddedRedis().orElseThrow();
            pg = rt.embeddedPostgres().orElseThrow();
            assertThat(redis.isRunning()).isTrue();
            assertThat(pg.isRunning()).isTrue();

            for (String c : List.of(StorageHealthMonitor.REDIS, StorageHealthMonitor.POSTGRES, StorageHealthMonitor.JOURNAL)) {
                awaitUp(c);
            }
            HealthStatus redisHealth = health.get(StorageHealthMonitor.REDIS);
            assertThat(redisHealth.latencyMicros()).isNotNegative();
            assertThat(health.get(StorageHealthMonitor.POSTGRES).latencyMicros()).isNotNegative();

            assertThat(rt.journal().tryAppend(TestRecords.trade("rt", 0, T0))).isEqualTo(AppendResult.ACCEPTED);
            assertThat(rt.journal().tryAppend(TestRecords.audit(T0, "config.change"))).isEqualTo(AppendResult.ACCEPTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> rt.shipper().shippedCount() == 2);
            assertThat(count(rt.database(), "SELECT count(*) FROM trade_logs")).isEqualTo(1);
            assertThat(count(rt.database(), "SELECT count(*) FROM audit_log")).isEqualTo(1);

            rt.redis().setBankrollMicros(5_000_000_000L).toCompletableFuture().get(5, TimeUnit.SECONDS);
            assertThat(rt.redis().bankrollMicros().toCompletableFuture().get(5, TimeUnit.SECONDS)).hasValue(5_000_000_000L);
            assertThat(Files.exists(dataDir.resolve("journal"))).isTrue();
        }
        assertThat(accepts(redis.port())).isFalse();
        assertThat(accepts(pg.port())).isFalse();
        assertThat(pg.isRunning()).isFalse();
        assertThat(Files.exists(pg.dataDir())).isFalse();
        assertThat(Files.exists(redis.dataDir())).isFalse();
    }

    @Test
    void withUrlsItUsesTheConfiguredServersAndStartsNoEmbeddedOnes() throws Exception {
        String db = SharedStores.freshDatabase();
        try (StorageRuntime rt = StorageRuntime.start(config(SharedStores.redis().url(), db), ephemeral(), health)) {
            assertThat(rt.embeddedRedis()).isEmpty();
            assertThat(rt.embeddedPostgres()).isEmpty();
            assertThat(rt.redis().endpoint()).isEqualTo("127.0.0.1:" + SharedStores.redis().port());
            rt.journal().tryAppend(TestRecords.trade("external", 0, T0));
            await().atMost(Duration.ofSeconds(10)).until(() -> rt.shipper().shippedCount() == 1);
        }
        try (Database check = Database.connect(PostgresSettings.of(db, SharedStores.USER, null))) {
            assertThat(count(check, "SELECT count(*) FROM trade_logs WHERE trace_id = 'external'")).isEqualTo(1);
        }
        // the shared servers it used are still there: it only stops what it started
        assertThat(accepts(SharedStores.redis().port())).isTrue();
    }

    @Test
    void aDatabaseDownAtStartDoesNotStopTheStoresAndRecordsWaitInTheJournal() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/velocity";
        try (StorageRuntime rt = StorageRuntime.start(config(SharedStores.redis().url(), url), ephemeral(), health)) {
            assertThat(rt.database().isMigrated()).isFalse();
            assertThat(rt.journal().tryAppend(TestRecords.trade("waiting", 0, T0))).isEqualTo(AppendResult.ACCEPTED);
            await().atMost(Duration.ofSeconds(10)).until(() -> health.get(StorageHealthMonitor.POSTGRES).state() == HealthState.DOWN);
            await().atMost(Duration.ofSeconds(10)).until(() -> rt.shipper().consecutiveFailures() > 0);
            assertThat(rt.journal().durableCount()).isEqualTo(1);
            assertThat(rt.shipper().shippedCount()).isZero();
        }
    }

    @Test
    void anUnreachableRedisIsReportedInOneLineAndNothingIsLeftRunning() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        assertThatThrownBy(() -> StorageRuntime.start(config("redis://127.0.0.1:" + closed, ""), ephemeral(), health))
                .isInstanceOf(io.velocity.core.StorageException.class)
                .hasMessageStartingWith("cannot connect to Redis at 127.0.0.1:" + closed);
        // the journal it had opened was closed again: a new runtime can take the folder
        try (var j = io.velocity.storage.journal.Journal.open(
                io.velocity.storage.journal.JournalOptions.of(dataDir.resolve("journal"), Duration.ofMillis(5)))) {
            assertThat(j.durablePosition()).isNotNull();
        }
    }
}
