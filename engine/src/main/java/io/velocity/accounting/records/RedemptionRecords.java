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
import java.util.Optional;

/**
 * The {@code redemptions} table: one row per redeemed condition and wallet, moving
 * {@code pending} (broadcast) → {@code confirmed} (mined, bankroll updated), or {@code failed}
 * while retries continue. Upserts keyed by the redemption id make every write idempotent.
 */
public final class RedemptionRecords {

    private static final String UPSERT = "INSERT INTO redemptions (redemption_id, market, tx_hash, amount_micros, "
            + "neg_risk, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (redemption_id) DO UPDATE SET tx_hash = COALESCE(EXCLUDED.tx_hash, redemptions.tx_hash), "
            + "amount_micros = EXCLUDED.amount_micros, state = EXCLUDED.state, updated_at = EXCLUDED.updated_at";
    private static final String SELECT = "SELECT redemption_id, market, tx_hash, amount_micros, neg_risk, state "
            + "FROM redemptions";

    /**
     * One row.
     *
     * @param redemptionId  {@code <conditionId>:<wallet>}
     * @param market        the condition id
     * @param txHash        the latest transaction, empty before the first broadcast
     * @param amountMicros  collateral paid (confirmed) or expected (pending, failed)
     * @param negRisk       redeemed through the neg-risk adapter
     * @param state         pending, mined, confirmed or failed
     */
    public record Row(String redemptionId, String market, Optional<String> txHash, long amountMicros, boolean negRisk,
            String state) {
    }

    private final Database database;
    private final Clock clock;

    /**
     * @param database the migrated database
     * @param clock    time source for the row timestamps
     */
    public RedemptionRecords(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param conditionId the condition
     * @param wallet      the redeeming account
     * @return the key of that redemption's row
     */
    public static String redemptionId(String conditionId, String wallet) {
        return conditionId + ":" + wallet.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Writes a row's new state.
     *
     * @param redemptionId  key
     * @param market        condition id
     * @param txHash        transaction, or null to keep the stored one
     * @param amountMicros  collateral paid or expected
     * @param negRisk       neg-risk route
     * @param state         pending, mined, confirmed or failed
     * @throws StorageException when the database refuses or cannot be reached
     */
    public void upsert(String redemptionId, String market, String txHash, long amountMicros, boolean negRisk,
            String state) {
        long now = clock.epochMillis();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, redemptionId);
            ps.setString(2, market);
            ps.setString(3, txHash);
            ps.setLong(4, amountMicros);
            ps.setBoolean(5, negRisk);
            ps.setString(6, state);
            ps.setObject(7, Sql.time(now));
            ps.setObject(8, Sql.time(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("writing redemption " + redemptionId + " failed: " + e.getMessage(), e);
        }
    }

    /** @return every row */
    public List<Row> all() {
        return query(SELECT, null);
    }

    /** @return rows of one market */
    public List<Row> forMarket(String market) {
        return query(SELECT + " WHERE market = ?", market);
    }

    private List<Row> query(String sql, String market) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(sql + " ORDER BY created_at")) {
            if (market != null) {
                ps.setString(1, market);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getString("redemption_id"), rs.getString("market"),
                            Optional.ofNullable(rs.getString("tx_hash")), rs.getLong("amount_micros"),
                            rs.getBoolean("neg_risk"), rs.getString("state")));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("reading redemptions failed: " + e.getMessage(), e);
        }
        return rows;
    }

    private Connection connection() throws SQLException {
        database.ensureMigrated();
        return database.dataSource().getConnection();
    }
}
