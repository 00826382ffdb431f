package io.velocity.storage.db;

import io.velocity.storage.journal.AuditRecord;
import io.velocity.storage.journal.JournalRecord;
import io.velocity.storage.journal.JournalSink;
import io.velocity.storage.journal.TradeLogRecord;

import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Stores journal records in {@code trade_logs} and {@code audit_log}, one transaction per batch,
 * with {@code ON CONFLICT DO NOTHING} on each table's key so a replayed record is skipped. The
 * trade-log key is {@code (trace_id, step, ts)}: the record's timestamp is part of the record, so
 * a replay has the same key, and the key stays valid when the table is a TimescaleDB hypertable.
 *
 * <p>Trade logs travel by {@code COPY} into a session-local staging table (temporary, so not
 * written to the WAL, emptied at commit) and then move with one {@code INSERT … SELECT … ON
 * CONFLICT DO NOTHING}: several times the rows per second of batched {@code INSERT}s, which
 * cannot skip duplicates any other way. Audit records are few and use a JDBC batch.
 */
public final class TradeLogRepository implements JournalSink {

    private static final String TRADE_LOG_COLUMNS = "ts, trace_id, step, stage, market, token_id, side, intent, "
            + "fair_value, edge, price_micros, size_micros, fee_micros, gas_micros, kelly_micros, rail, latency_us, outcome";
    static final String CREATE_STAGING = "CREATE TEMP TABLE IF NOT EXISTS trade_logs_staging "
            + "(LIKE trade_logs INCLUDING DEFAULTS) ON COMMIT DELETE ROWS";
    static final String COPY_STAGING = "COPY trade_logs_staging (" + TRADE_LOG_COLUMNS + ") FROM STDIN";
    static final String MOVE_STAGED = "INSERT INTO trade_logs (" + TRADE_LOG_COLUMNS + ") SELECT " + TRADE_LOG_COLUMNS
            + " FROM trade_logs_staging ON CONFLICT (trace_id, step, ts) DO NOTHING";
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
        StringBuilder copy = new StringBuilder(batch.size() * 320);
        int tradeRows = 0;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement audits = c.prepareStatement(INSERT_AUDIT)) {
                int auditRows = 0;
                for (JournalRecord r : batch) {
                    switch (r) {
                        case TradeLogRecord t -> {
                            appendCopyRow(copy, t);
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
                    copyTradeLogs(c, copy);
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

    private static void copyTradeLogs(Connection c, StringBuilder rows) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(CREATE_STAGING);
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_STAGING, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("streaming trade logs to PostgreSQL failed: " + e.getMessage(), "08006", e);
        }
        try (Statement s = c.createStatement()) {
            s.executeUpdate(MOVE_STAGED);
        }
    }

    /** One row in COPY text format: tab-separated, newline-terminated, text escaped. */
    private static void appendCopyRow(StringBuilder b, TradeLogRecord t) {
        b.append(Instant.ofEpochMilli(t.epochMillis())).append('\t');
        text(b, t.traceId()).append('\t');
        b.append(t.step()).append('\t');
        b.append(t.stage().name()).append('\t');
        text(b, t.market()).append('\t');
        text(b, t.tokenId()).append('\t');
        b.append(t.side().name()).append('\t');
        b.append(t.intent().name()).append('\t');
        b.append(t.fairValue()).append('\t');
        b.append(t.edge()).append('\t');
        b.append(t.priceMicros()).append('\t');
        b.append(t.sizeMicros()).append('\t');
        b.append(t.feeMicros()).append('\t');
        b.append(t.gasMicros()).append('\t');
        b.append(t.kellyMicros()).append('\t');
        b.append(t.rail().name()).append('\t');
        b.append(t.latencyMicros()).append('\t');
        text(b, t.outcome()).append('\n');
    }

    /** COPY text escaping: backslash, tab, newline and carriage return (records never hold NUL). */
    private static StringBuilder text(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }

    @Override
    public boolean rejectsRecords(Exception failure) {
        return SqlErrors.isDataError(failure);
    }

    @Override
    public String describe(Exception failure) {
        return SqlErrors.describe(failure);
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
