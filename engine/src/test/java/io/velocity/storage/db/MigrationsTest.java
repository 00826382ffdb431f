package io.velocity.storage.db;

import io.velocity.storage.SharedStores;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationsTest {

    private static List<String> column(Database db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void anEmptyDatabaseIsMigratedToTheFullSchemaOnPlainPostgres() throws SQLException {
        try (Database db = Database.connect(PostgresSettings.of(SharedStores.freshDatabase(), SharedStores.USER, null))) {
            assertThat(db.migrate()).isEqualTo(3);
            assertThat(column(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                    + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY 1"))
                    .containsExactly("audit_log", "bankroll_snapshots", "chain_transactions", "feed_ticks", "fills", "orders",
                            "positions", "redemptions", "regret_metrics", "trade_logs");
            // the embedded server has no TimescaleDB: V2 detected that and left the tables plain
            assertThat(db.timescaleEnabled()).isFalse();
            assertThat(column(db, "SELECT extname FROM pg_extension")).doesNotContain("timescaledb");
            assertThat(column(db, "SELECT success::text FROM flyway_schema_history ORDER BY installed_rank"))
                    .containsExactly("true", "true", "true");
        }
    }

    @Test
    void migratingAgainChangesNothing() {
        try (Database db = Database.connect(PostgresSettings.of(SharedStores.freshDatabase(), SharedStores.USER, null))) {
            db.migrate();
            assertThat(db.migrate()).isZero();
            db.ensureMigrated();
            assertThat(db.isMigrated()).isTrue();
        }
    }

    @Test
    void everyTimeSeriesKeyIncludesItsTimeColumnSoItHoldsOnAHypertable() throws SQLException {
        try (Database db = SharedStores.freshMigratedDatabase()) {
            assertThat(primaryKey(db, "trade_logs")).containsExactly("trace_id", "step", "ts");
            assertThat(primaryKey(db, "feed_ticks")).containsExactly("feed", "instrument", "seq", "ts");
            assertThat(primaryKey(db, "regret_metrics")).containsExactly("trace_id", "resolved_at");
            assertThat(primaryKey(db, "bankroll_snapshots")).containsExactly("ts");
            assertThat(primaryKey(db, "audit_log")).containsExactly("event_id");
        }
    }

    @Test
    void fillsOnlyAcceptTheFourSettlementStates() throws SQLException {
        try (Database db = SharedStores.freshMigratedDatabase();
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            String insert = "INSERT INTO fills (fill_id, order_id, trace_id, market, token_id, side, price_micros, "
                    + "size_micros, maker, settlement_state, matched_at, updated_at) VALUES ('%s', 'o', 't', 'm', 'k', "
                    + "'BUY', 540000, 1000000, false, '%s', now(), now())";
            for (String state : List.of("matched", "mined", "confirmed", "failed")) {
                s.execute(String.format(insert, "f-" + state, state));
            }
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute(String.format(insert, "f-x", "settled")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("settlement_state");
        }
    }

    private static List<String> primaryKey(Database db, String table) throws SQLException {
        return column(db, "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
                + "AND a.attnum = ANY (i.indkey) WHERE i.indrelid = '" + table + "'::regclass AND i.indisprimary "
                + "ORDER BY array_position(i.indkey, a.attnum)");
    }
}
