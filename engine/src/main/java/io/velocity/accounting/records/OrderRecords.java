package io.velocity.accounting.records;

import io.velocity.accounting.recovery.VenueOrder;
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
 * The {@code orders} table as reconciliation needs it: the orders stored as live, and writes that
 * make it agree with the venue's open orders.
 */
public final class OrderRecords {

    private static final String SELECT_LIVE = "SELECT order_id, market, token_id, side, price_micros, size_micros, "
            + "filled_micros, status FROM orders WHERE status IN ('NEW', 'OPEN', 'PARTIAL') ORDER BY created_at, order_id";
    // An order found only at the venue is a resting order: the intent column knows SNIPE and LADDER,
    // and resting orders are LADDER. Its trace id marks where the row came from.
    private static final String UPSERT = "INSERT INTO orders (order_id, trace_id, market, token_id, side, intent, "
            + "order_type, rail, price_micros, size_micros, filled_micros, status, created_at, updated_at) "
            + "VALUES (?, ?, ?, ?, ?, 'LADDER', ?, 'A', ?, ?, ?, ?, ?, ?) ON CONFLICT (order_id) DO UPDATE SET "
            + "price_micros = EXCLUDED.price_micros, size_micros = EXCLUDED.size_micros, "
            + "filled_micros = EXCLUDED.filled_micros, status = EXCLUDED.status, updated_at = EXCLUDED.updated_at";
    private static final String CLOSE = "UPDATE orders SET status = ?, updated_at = ? WHERE order_id = ?";

    /**
     * One live order as stored.
     *
     * @param orderId      venue order id
     * @param market       condition id
     * @param tokenId      token id
     * @param side         BUY or SELL
     * @param priceMicros  limit price
     * @param sizeMicros   shares × 10⁶ ordered
     * @param filledMicros shares × 10⁶ filled
     * @param status       NEW, OPEN or PARTIAL
     */
    public record Row(String orderId, String market, String tokenId, String side, long priceMicros, long sizeMicros,
            long filledMicros, String status) {
    }

    private final Database database;
    private final Clock clock;

    /**
     * @param database the migrated database
     * @param clock    time source for the row timestamps
     */
    public OrderRecords(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return orders stored as NEW, OPEN or PARTIAL */
    public List<Row> live() {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(SELECT_LIVE);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString("order_id"), rs.getString("market"), rs.getString("token_id"),
                        rs.getString("side"), rs.getLong("price_micros"), rs.getLong("size_micros"),
                        rs.getLong("filled_micros"), rs.getString("status")));
            }
        } catch (SQLException e) {
            throw new StorageException("reading live orders failed: " + e.getMessage(), e);
        }
        return rows;
    }

    /** Stores the venue's view of an open order (insert or overwrite). */
    public void putFromVenue(VenueOrder order) {
        long now = clock.epochMillis();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, order.orderId());
            ps.setString(2, "reconcile:" + order.orderId());
            ps.setString(3, order.market());
            ps.setString(4, order.tokenId());
            ps.setString(5, order.side());
            ps.setString(6, order.orderType());
            ps.setLong(7, order.priceMicros());
            ps.setLong(8, order.originalSizeMicros());
            ps.setLong(9, order.matchedSizeMicros());
            ps.setString(10, order.status());
            ps.setObject(11, Sql.time(order.createdAtMillis() > 0 ? order.createdAtMillis() : now));
            ps.setObject(12, Sql.time(now));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("writing order " + order.orderId() + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Closes an order the venue no longer lists.
     *
     * @param orderId order id
     * @param status  the closing status (CANCELLED when the venue does not say more)
     */
    public void close(String orderId, String status) {
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(CLOSE)) {
            ps.setString(1, status);
            ps.setObject(2, Sql.time(clock.epochMillis()));
            ps.setString(3, orderId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StorageException("closing order " + orderId + " failed: " + e.getMessage(), e);
        }
    }

    private Connection connection() throws SQLException {
        database.ensureMigrated();
        return database.dataSource().getConnection();
    }
}
