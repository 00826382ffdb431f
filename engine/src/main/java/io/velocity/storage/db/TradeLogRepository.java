package io.velocity.storage.db;

import io.velocity.storage.journal.AuditRecord;
import io.velocity.storage.journal.JournalRecord;
import io.velocity.storage.journal.JournalSink;
import io.velocity.storage.journal.TradeLogRecord;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Stores journal records in {@code trade_logs} and {@code audit_log}: one transaction per batch,
 * JDBC batches rewritten by the driver into multi-row inserts, and {@code ON CONFLICT DO
 * NOTHING} on each table's key so a replayed record is skipped. The trade-log key is
 * {@code (trace_id, step, ts)}: the record's timestamp is part of the record, so a replay has
 * the same key, and the key stays valid when the table is a TimescaleDB hypertable.
 */
public final class TradeLogRepository implements JournalSink {

    static final String INSERT_TRADE_LOG = "INSERT INTO trade_logs (ts, trace_id, step, stage, market, token_id, side, "
            + "intent, fair_value, edge, price_micros, size_micros, fee_micros, gas_micros, kelly_micros, rail, latency_us, "
            + "outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (trace_id, step, ts) DO NOTHING";
    static final String INSERT_AUDIT = "INSERT INTO audit_log (event_id, ts, actor, action, reason, detail) "
            + "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING";

    private final Database database;

    public TradeLogRepository(Database database) {
        this.database = database;
    }

    /** Inserts the batch in one transaction; rows already present are skipped. */
    @Override
    public void store(List<JournalRecord> batch) throws SQLException {
        database.ensureMigrated();
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement trades = c.prepareStatement(INSERT_TRADE_LOG);
                 PreparedStatement audits = c.prepareStatement(INSERT_AUDIT)) {
                int tradeRows = 0;
                int auditRows = 0;
                for (JournalRecord r : batch) {
                    switch (r) {
                        case TradeLogRecord t -> {
                            bindTradeLog(trades, t);
                            trades.addBatch();
                            tradeRows++;
                        }
                        case AuditRecord a -> {
                            bindAudit(audits, a);
                            audits.addBatch();
                            auditRows++;
                        }
                    }
                }
                if (tradeRows > 0) {
                    trades.executeBatch();
                }
                if (auditRows > 0) {
                    audits.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
        }
    }

    @Override
    public boolean rejectsRecords(Exception failure) {
        return SqlErrors.isDataError(failure);
    }

    @Override
    public String describe(Exception failure) {
        return SqlErrors.describe(failure);
    }

    private static void bindTradeLog(PreparedStatement ps, TradeLogRecord t) throws SQLException {
        ps.setObject(1, timestamp(t.epochMillis()));
        ps.setString(2, t.traceId());
        ps.setInt(3, t.step());
        ps.setString(4, t.stage().name());
        ps.setString(5, t.market());
        ps.setString(6, t.tokenId());
        ps.setString(7, t.side().name());
        ps.setString(8, t.intent().name());
        ps.setDouble(9, t.fairValue());
        ps.setDouble(10, t.edge());
        ps.setLong(11, t.priceMicros());
        ps.setLong(12, t.sizeMicros());
        ps.setLong(13, t.feeMicros());
        ps.setLong(14, t.gasMicros());
        ps.setLong(15, t.kellyMicros());
        ps.setString(16, t.rail().name());
        ps.setLong(17, t.latencyMicros());
        ps.setString(18, t.outcome());
    }

    private static void bindAudit(PreparedStatement ps, AuditRecord a) throws SQLException {
        ps.setString(1, a.eventId());
        ps.setObject(2, timestamp(a.epochMillis()));
        ps.setString(3, a.actor());
        ps.setString(4, a.action());
        ps.setString(5, a.reason());
        ps.setString(6, a.detail());
    }

    private static OffsetDateTime timestamp(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
