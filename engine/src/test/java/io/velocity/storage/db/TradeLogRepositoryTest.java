package io.velocity.storage.db;

import io.velocity.storage.SharedStores;
import io.velocity.storage.TestRecords;
import io.velocity.storage.journal.AuditRecord;
import io.velocity.storage.journal.JournalRecord;
import io.velocity.storage.journal.TradeLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeLogRepositoryTest {
    private static final long T0 = 1_732_500_000_000L;

    private Database db;
    private TradeLogRepository repo;

    @BeforeEach
    void setUp() {
        db = SharedStores.freshMigratedDatabase();
        repo = new TradeLogRepository(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<JournalRecord> numbered(String run, int n) {
        List<JournalRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(TestRecords.numbered(run, i, T0));
        }
        return out;
    }

    @Test
    void aBatchOfTradeLogsIsInsertedInOneGo() throws SQLException {
        repo.store(numbered("batch", 5_000));
        assertThat(count("SELECT count(*) FROM trade_logs")).isEqualTo(5_000);
        assertThat(count("SELECT count(DISTINCT (trace_id, step)) FROM trade_logs")).isEqualTo(5_000);
    }

    @Test
    void everyFieldIsStoredInItsColumn() throws SQLException {
        TradeLogRecord r = TestRecords.trade("0193a2b4c5d6e7f8a9b0c1", 1, T0 + 123);
        repo.store(List.of(r));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (extract(epoch FROM ts) * 1000)::bigint, trace_id, step, stage, market, "
                     + "token_id, side, intent, fair_value, edge, price_micros, size_micros, fee_micros, gas_micros, "
                     + "kelly_micros, rail, latency_us, outcome FROM trade_logs")) {
            assertThat(rs.next()).isTrue();
            TradeLogRecord back = new TradeLogRecord(rs.getString(2), rs.getInt(3), rs.getLong(1),
                    io.velocity.storage.journal.TradeStage.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                    io.velocity.storage.journal.TradeSide.valueOf(rs.getString(7)),
                    io.velocity.storage.journal.IntentType.valueOf(rs.getString(8)), rs.getDouble(9), rs.getDouble(10),
                    rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15),
                    io.velocity.storage.journal.Rail.valueOf(rs.getString(16)), rs.getLong(17), rs.getString(18));
            assertThat(back).isEqualTo(r);
        }
    }

    @Test
    void textWithTabsNewlinesBackslashesAndNonAsciiIsStoredExactly() throws SQLException {
        String outcome = "rejected:\tmin size\nline two \\N back\\slash\r — ünïcode 😀";
        repo.store(List.of(TradeLogRecord.builder("esc", 0, io.velocity.storage.journal.TradeStage.REJECT, T0)
                .market("m\tk", "t\\k").outcome(outcome).build()));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT outcome, market, token_id FROM trade_logs")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(outcome);
            assertThat(rs.getString(2)).isEqualTo("m\tk");
            assertThat(rs.getString(3)).isEqualTo("t\\k");
        }
    }

    @Test
    void storingTheSameRecordsAgainAddsNothing() throws SQLException {
        List<JournalRecord> batch = numbered("replay", 1_000);
        batch.add(TestRecords.audit(T0, "killswitch.engage"));
        repo.store(batch);
        repo.store(batch);
        repo.store(batch.subList(500, 1_001));
        assertThat(count("SELECT count(*) FROM trade_logs")).isEqualTo(1_000);
        assertThat(count("SELECT count(*) FROM audit_log")).isEqualTo(1);
    }

    @Test
    void auditRecordsLandInTheAuditLogWithWhoAndWhy() throws SQLException {
        AuditRecord a = AuditRecord.of(T0, "trader", "killswitch.release", "spread normal again", "{\"layer\":\"manual\"}");
        repo.store(List.of(a, TestRecords.trade("t", 0, T0)));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT event_id, actor, action, reason, detail FROM audit_log")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(a.eventId());
            assertThat(rs.getString(2)).isEqualTo("trader");
            assertThat(rs.getString(3)).isEqualTo("killswitch.release");
            assertThat(rs.getString(4)).isEqualTo("spread normal again");
            assertThat(rs.getString(5)).isEqualTo("{\"layer\":\"manual\"}");
        }
        assertThat(count("SELECT count(*) FROM trade_logs")).isEqualTo(1);
    }

    @Test
    void aBatchTheDatabaseRefusesForItsContentIsRolledBackAndClassifiedAsARecordProblem() throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE trade_logs ADD CONSTRAINT no_poison CHECK (outcome <> 'poison')");
        }
        List<JournalRecord> batch = numbered("refused", 10);
        batch.add(TradeLogRecord.builder("poisoned", 0, io.velocity.storage.journal.TradeStage.DECISION, T0)
                .outcome("poison").build());
        assertThatThrownBy(() -> repo.store(batch)).isInstanceOfSatisfying(SQLException.class,
                e -> assertThat(repo.rejectsRecords(e)).isTrue());
        assertThat(count("SELECT count(*) FROM trade_logs")).isZero();
    }

    @Test
    void anUnreachableServerIsClassifiedAsUnavailableNotAsARecordProblem() throws java.io.IOException {
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (Database down = Database.connect(PostgresSettings.of("jdbc:postgresql://127.0.0.1:" + closedPort + "/x",
                "velocity", null).withConnectTimeout(java.time.Duration.ofMillis(250)))) {
            TradeLogRepository r = new TradeLogRepository(down);
            assertThatThrownBy(() -> r.store(numbered("down", 1)))
                    .isInstanceOfSatisfying(Exception.class, e -> {
                        assertThat(r.rejectsRecords(e)).isFalse();
                        assertThat(Database.isUnavailable(e)).isTrue();
                    });
        }
    }
}
