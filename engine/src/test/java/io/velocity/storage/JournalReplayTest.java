package io.velocity.storage;

import io.velocity.core.Clock;
import io.velocity.storage.db.Database;
import io.velocity.storage.db.PostgresSettings;
import io.velocity.storage.db.TradeLogRepository;
import io.velocity.storage.embedded.EmbeddedPostgresServer;
import io.velocity.storage.journal.AppendResult;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.JournalOptions;
import io.velocity.storage.journal.JournalShipper;
import io.velocity.storage.journal.TradeLogRecord;
import io.velocity.storage.journal.TradeStage;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The journal's promise: a database outage loses nothing. The PostgreSQL server process is
 * really stopped while records keep being appended, then started again on the same data and
 * port; afterwards every record is in the database exactly once.
 */
class JournalReplayTest {
    private static final long T0 = 1_732_500_000_000L;

    private static EmbeddedPostgresServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void startOwnServer() {
        // its own server: this test stops it, which must not disturb the shared one
        server = EmbeddedPostgresServer.startEphemeral(SharedStores.USER, "velocity");
    }

    @AfterAll
    static void stopOwnServer() {
        server.close();
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Database connect(String jdbcUrl) {
        return Database.connect(PostgresSettings.of(jdbcUrl, SharedStores.USER, null)
                .withConnectTimeout(Duration.ofMillis(500)));
    }

    @Test
    void everyRecordIsInTheDatabaseExactlyOnceAfterTheServerWasStoppedMidRunAndRestarted() throws Exception {
        String name = "replay";
        server.createDatabase(name);
        HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
        AtomicLong appended = new AtomicLong();
        AtomicBoolean producing = new AtomicBoolean(true);
        try (Database db = connect(server.jdbcUrl(name));
             Journal journal = Journal.open(JournalOptions.of(dir.resolve("journal"), Duration.ofMillis(5))
                     .withSegmentBytes(256 * 1024)).start();
             RedisStore redis = RedisStore.connect(SharedStores.redis().url())) {
            db.migrate();
            JournalShipper shipper = new JournalShipper(journal, new TradeLogRepository(db), 500, Duration.ofMillis(10))
                    .start();
            StorageHealthMonitor monitor = new StorageHealthMonitor(health, redis, db, journal, shipper, Duration.ofMillis(100));
            Thread producer = new Thread(() -> {
                // a steady stream, like an engine recording decisions and fills
                while (producing.get()) {
                    long i = appended.get();
                    if (journal.tryAppend(TestRecords.numbered("run", i, T0)) == AppendResult.ACCEPTED) {
                        appended.incrementAndGet();
                    }
                    if (i % 10 == 0) {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
            }, "test-producer");
            producer.start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> shipper.shippedCount() > 2_000);

                server.stop();
                long atStop = appended.get();
                monitor.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> shipper.consecutiveFailures() > 0
                        && appended.get() > atStop + 2_000);
                await().atMost(Duration.ofSeconds(5)).until(() -> health.get(StorageHealthMonitor.POSTGRES).state() == HealthState.DOWN
                        && health.get(StorageHealthMonitor.JOURNAL).state() == HealthState.DEGRADED);
                long shippedWhileDown = shipper.shippedCount();
                await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                        .until(() -> shipper.shippedCount() == shippedWhileDown);

                server.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> appended.get() > atStop + 6_000);
            } finally {
                producing.set(false);
                producer.join();
            }
            long total = appended.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> journal.durableCount() == total && shipper.caughtUp());
            assertThat(count(db, "SELECT count(*) FROM trade_logs")).isEqualTo(total);
            assertThat(count(db, "SELECT count(DISTINCT (trace_id, step)) FROM trade_logs")).isEqualTo(total);
            await().atMost(Duration.ofSeconds(5)).until(() -> health.get(StorageHealthMonitor.POSTGRES).state() == HealthState.UP
                    && health.get(StorageHealthMonitor.JOURNAL).state() == HealthState.UP);
            // shipped segments are deleted; the active one stays
            assertThat(Files.list(dir.resolve("journal")).filter(p -> p.toString().endsWith(".seg")).count()).isEqualTo(1);
            shipper.close();
            monitor.close();
        }
    }

    @Test
    void replayingFromTheStartAfterACrashBeforeTheCheckpointAddsNoDuplicates() throws Exception {
        String name = "recheck";
        server.createDatabase(name);
        Path journalDir = dir.resolve("journal2");
        int n = 3_000;
        try (Database db = connect(server.jdbcUrl(name))) {
            db.migrate();
            try (Journal journal = Journal.open(JournalOptions.of(journalDir, Duration.ofMillis(5))).start()) {
                JournalShipper shipper = new JournalShipper(journal, new TradeLogRepository(db), 1_000, Duration.ofMillis(10))
                        .start();
                for (int i = 0; i < n; i++) {
                    journal.tryAppend(TestRecords.numbered("again", i, T0));
                }
                await().atMost(Duration.ofSeconds(20)).until(() -> journal.durableCount() == n && shipper.caughtUp());
                shipper.close();
            }
            // as if the process died after the inserts committed but before the checkpoint was written
            Files.delete(journalDir.resolve("shipped.checkpoint"));
            try (Journal journal = Journal.open(JournalOptions.of(journalDir, Duration.ofMillis(5))).start()) {
                JournalShipper shipper = new JournalShipper(journal, new TradeLogRepository(db), 1_000, Duration.ofMillis(10))
                        .start();
                await().atMost(Duration.ofSeconds(20)).until(shipper::caughtUp);
                assertThat(shipper.shippedCount()).isEqualTo(n);
                shipper.close();
            }
            assertThat(count(db, "SELECT count(*) FROM trade_logs")).isEqualTo(n);
        }
    }

    @Test
    void aRecordTheDatabaseRefusesIsSetAsideAndTheRestShipInOrder() throws Exception {
        String name = "refuse";
        server.createDatabase(name);
        try (Database db = connect(server.jdbcUrl(name));
             Journal journal = Journal.open(JournalOptions.of(dir.resolve("journal3"), Duration.ofMillis(5))).start()) {
            db.migrate();
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE trade_logs ADD CONSTRAINT no_poison CHECK (outcome <> 'poison')");
            }
            for (int i = 0; i < 100; i++) {
                journal.tryAppend(TestRecords.numbered("good", i, T0));
            }
            TradeLogRecord poison = TradeLogRecord.builder("bad-trace", 0, TradeStage.DECISION, T0).outcome("poison").build();
            journal.tryAppend(poison);
            for (int i = 100; i < 200; i++) {
                journal.tryAppend(TestRecords.numbered("good", i, T0));
            }
            JournalShipper shipper = new JournalShipper(journal, new TradeLogRepository(db), 64, Duration.ofMillis(10)).start();
            await().atMost(Duration.ofSeconds(20)).until(() -> journal.durableCount() == 201 && shipper.caughtUp());
            assertThat(count(db, "SELECT count(*) FROM trade_logs")).isEqualTo(200);
            assertThat(shipper.rejectedCount()).isEqualTo(1);
            assertThat(Files.size(shipper.rejectedFile())).isGreaterThan(8);
            assertThat(Files.readAllBytes(shipper.rejectedFile())).asString().contains("bad-trace");
            shipper.close();
        }
    }
}
