package io.velocity.accounting.records;

import io.velocity.core.Clock;
import io.velocity.core.StorageException;
import io.velocity.storage.db.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code positions} table as accounting sees it: the size held per outcome token. The chain
 * is the truth for sizes, so reconciliation overwrites them; cost and realised PnL stay as the
 * trading side wrote them.
 */
public final class PositionRecords {

    private static final String SELECT = "SELECT market, token_id, size_micros, status FROM positions ORDER BY market, token_id";
    private static final String UPSERT_SIZE = "INSERT INTO positions (market, token_id, size_micros, cost_micros, status, "
            + "updated_at) VALUES (?, ?, ?, 0, ?, ?) ON CONFLICT (market, token_id) DO UPDATE SET "
            + "size_micros = EXCLUDED.size_micros, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at";
    private static final String MARK_REDEEMED = "UPDATE positions SET size_micros = 0, status = 'REDEEMED', "
            + "updated_at = ? WHERE market = ?";

    /**
     * One row.
     *
     * @param market     condition id
     * @param tokenId    outcome token id (decimal)
     * @param sizeMicros shares × 10⁶ held
     * @param status     OPEN, RESOLVED or REDEEMED
     */
    public record Row(String market, String tokenId, long sizeMicros, String status) {
    }

    private final Database database;
    private final Clock clock;

    /**
     * @param database the migrated database
     * @param clock    time source for the row timestamps
     */
    public PositionRecords(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return every position row */
    public List<Row> all() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(SELECT);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString("market"), rs.getString("token_id"), rs.getLong("size_micros"),
                        rs.getString("status")));
            }
        } catch (SQLException e) {
            throw new StorageException("reading positions failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Sets the size held of one token (creating the row with cost 0 when it is new).
     *
     * @param market     condition id
     * @param tokenId    token id
     * @param sizeMicros shares × 10⁶
     * @param status     OPEN, RESOLVED or REDEEMED
     */
    public void setSize(String market, String tokenId, long sizeMicros, String status) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(UPSERT_SIZE)) {
            ps.setString(1, market);
            ps.setString(2, tokenId);
            ps.setLong(3, sizeMicros);
            ps.setString(4, status);
            ps.setObject(5, Sql.time(clock.epochMillis()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("writing position " + market + "/" + tokenId + " failed: " + e.getMessage(), e);
        }
    }

    /** Marks every token of a market redeemed (size 0). */
    public void markRedeemed(String market) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(MARK_REDEEMED)) {
            ps.setObject(1, Sql.time(clock.epochMillis()));
            ps.setString(2, market);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("marking " + market + " redeemed failed: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        database.ensureMigrated();
        return database.dataSource().getConnection();
    }
}
