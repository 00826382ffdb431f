package io.velocity.accounting.records;

import io.velocity.chain.GasUsage;
import io.velocity.chain.MinedTransaction;
import io.velocity.chain.PendingTransaction;
import io.velocity.chain.RevertReason;
import io.velocity.chain.TransactionObserver;
import io.velocity.chain.TransactionRequest;
import io.velocity.core.Clock;
import io.velocity.core.StorageException;
import io.velocity.storage.db.Database;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;

/**
 * The {@code chain_transactions} table: every transaction Velocity signs, with the gas it was
 * expected to use and what it used, written as a {@link TransactionObserver} of the sender.
 * Transactions still pending at shutdown are read back with {@link #pending} so their tracking
 * (and replace-by-fee, same nonce) resumes instead of a second transaction being sent.
 *
 * <p>Writes go straight to PostgreSQL on the sending thread (never the engine thread). A failed
 * write is logged and does not fail the transaction: the chain is the truth, and the startup
 * reconciliation reads receipts again.
 */
public final class ChainTransactionRecords implements TransactionObserver {

    private static final Logger LOG = LoggerFactory.getLogger(ChainTransactionRecords.class);

    private static final String UPSERT_BROADCAST = "INSERT INTO chain_transactions (tx_hash, sender, nonce, purpose, "
            + "reference, to_address, input, gas_estimate, node_gas_estimate, gas_limit, max_priority_fee_wei, "
            + "max_fee_wei, state, sent_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?) "
            + "ON CONFLICT (tx_hash) DO NOTHING";
    private static final String MARK_MINED = "UPDATE chain_transactions SET state = ?, gas_used = ?, "
            + "effective_gas_price_wei = ?, block_number = ?, detail = ?, updated_at = ? WHERE tx_hash = ?";
    private static final String MARK_OTHERS = "UPDATE chain_transactions SET state = ?, detail = ?, updated_at = ? "
            + "WHERE sender = ? AND nonce = ? AND tx_hash <> ? AND state = 'pending'";
    private static final String MARK_ALL = "UPDATE chain_transactions SET state = ?, detail = ?, updated_at = ? "
            + "WHERE sender = ? AND nonce = ? AND state = 'pending'";
    private static final String SELECT_PENDING = "SELECT tx_hash, nonce, purpose, reference, to_address, input, "
            + "gas_estimate, node_gas_estimate, gas_limit, max_priority_fee_wei, max_fee_wei FROM chain_transactions "
            + "WHERE sender = ? AND state = 'pending' ORDER BY nonce, sent_at, tx_hash";
    private static final String SELECT_BY_REFERENCE = "SELECT tx_hash, state, gas_estimate, node_gas_estimate, "
            + "gas_limit, gas_used, effective_gas_price_wei FROM chain_transactions WHERE reference = ? ORDER BY sent_at";

    /** One stored transaction's gas, for reports and tests. */
    public record Row(String hash, String state, long gasEstimate, long nodeGasEstimate, long gasLimit, Long gasUsed,
            BigInteger effectiveGasPrice) {
    }

    private final Database database;
    private final Clock clock;

    /**
     * @param database the migrated database
     * @param clock    time source for the row timestamps
     */
    public ChainTransactionRecords(Database database, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void onBroadcast(PendingTransaction pending) {
        TransactionRequest request = pending.request();
        long now = clock.epochMillis();
        write("record broadcast " + pending.latestHash(), c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT_BROADCAST)) {
                ps.setString(1, pending.latestHash());
                ps.setString(2, lower(pending.from()));
                ps.setLong(3, pending.nonce().longValueExact());
                ps.setString(4, request.purpose());
                ps.setString(5, request.reference());
                ps.setString(6, lower(request.to()));
                ps.setString(7, request.data());
                ps.setLong(8, pending.gasEstimate().longValueExact());
                ps.setLong(9, pending.nodeGasEstimate().longValueExact());
                ps.setLong(10, pending.gasLimit().longValueExact());
                ps.setBigDecimal(11, new BigDecimal(pending.maxPriorityFeePerGas()));
                ps.setBigDecimal(12, new BigDecimal(pending.maxFeePerGas()));
                ps.setObject(13, Sql.time(now));
                ps.setObject(14, Sql.time(now));
                ps.executeUpdate();
            }
        });
    }

    @Override
    public void onMined(MinedTransaction mined) {
        finish(mined.hash(), mined.request(), lower(mined.from()), mined.nonce(), "mined", mined.gas(),
                mined.blockNumber(), "");
    }

    @Override
    public void onReverted(PendingTransaction pending, String hash, GasUsage gas, RevertReason reason) {
        finish(hash, pending.request(), lower(pending.from()), pending.nonce(), "reverted", gas, null, reason.message());
    }

    @Override
    public void onDropped(PendingTransaction pending) {
        long now = clock.epochMillis();
        write("mark dropped nonce " + pending.nonce(), c -> {
            try (PreparedStatement ps = c.prepareStatement(MARK_ALL)) {
                ps.setString(1, "dropped");
                ps.setString(2, "nonce used by another transaction");
                ps.setObject(3, Sql.time(now));
                ps.setString(4, lower(pending.from()));
                ps.setLong(5, pending.nonce().longValueExact());
                ps.executeUpdate();
            }
        });
    }

    /**
     * Transactions of {@code sender} that were broadcast and never seen mined, one per nonce with
     * every hash it was broadcast under, ready for {@code TransactionSender.await}.
     *
     * @param sender the account
     * @return pending transactions, lowest nonce first
     * @throws StorageException when the database cannot be read
     */
    public List<PendingTransaction> pending(Address sender) {
        Map<Long, Broadcast> latest = new LinkedHashMap<>();
        Map<Long, List<String>> hashes = new LinkedHashMap<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(SELECT_PENDING)) {
            ps.setString(1, lower(sender));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long nonce = rs.getLong("nonce");
                    hashes.computeIfAbsent(nonce, n -> new ArrayList<>()).add(rs.getString("tx_hash"));
                    // Rows come oldest first: the last one per nonce carries the latest fees.
                    latest.put(nonce, new Broadcast(
                            new TransactionRequest(rs.getString("purpose"), rs.getString("reference"),
                                    new Address(rs.getString("to_address")), rs.getString("input")),
                            rs.getLong("gas_estimate"), rs.getLong("node_gas_estimate"), rs.getLong("gas_limit"),
                            rs.getBigDecimal("max_priority_fee_wei").toBigIntegerExact(),
                            rs.getBigDecimal("max_fee_wei").toBigIntegerExact()));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("reading pending chain transactions failed: " + e.getMessage(), e);
        }
        List<PendingTransaction> result = new ArrayList<>();
        latest.forEach((nonce, b) -> result.add(PendingTransaction.restore(b.request(), sender, BigInteger.valueOf(nonce),
                BigInteger.valueOf(b.gasEstimate()), BigInteger.valueOf(b.nodeGasEstimate()),
                BigInteger.valueOf(b.gasLimit()), b.tip(), b.feeCap(), hashes.get(nonce))));
        return result;
    }

    private record Broadcast(TransactionRequest request, long gasEstimate, long nodeGasEstimate, long gasLimit,
            BigInteger tip, BigInteger feeCap) {
    }

    /**
     * @param reference e.g. {@code redeem:<conditionId>}
     * @return every broadcast under that reference, oldest first
     */
    public List<Row> byReference(String reference) {
        List<Row> rows = new ArrayList<>();
        try (Connection c = connection(); PreparedStatement ps = c.prepareStatement(SELECT_BY_REFERENCE)) {
            ps.setString(1, reference);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long used = rs.getLong("gas_used");
                    BigDecimal price = rs.getBigDecimal("effective_gas_price_wei");
                    rows.add(new Row(rs.getString("tx_hash"), rs.getString("state"), rs.getLong("gas_estimate"),
                            rs.getLong("node_gas_estimate"), rs.getLong("gas_limit"), rs.wasNull() ? null : used,
                            price == null ? null : price.toBigIntegerExact()));
                }
            }
        } catch (SQLException e) {
            throw new StorageException("reading chain transactions failed: " + e.getMessage(), e);
        }
        return rows;
    }

    private void finish(String hash, TransactionRequest request, String sender, BigInteger nonce, String state,
            GasUsage gas, BigInteger block, String detail) {
        long now = clock.epochMillis();
        write("record " + state + " " + hash, c -> {
            c.setAutoCommit(false);
            try (PreparedStatement mined = c.prepareStatement(MARK_MINED);
                    PreparedStatement others = c.prepareStatement(MARK_OTHERS)) {
                mined.setString(1, state);
                mined.setLong(2, gas.used().longValueExact());
                mined.setBigDecimal(3, new BigDecimal(gas.effectiveGasPrice()));
                if (block == null) {
                    mined.setNull(4, java.sql.Types.BIGINT);
                } else {
                    mined.setLong(4, block.longValueExact());
                }
                mined.setString(5, detail);
                mined.setObject(6, Sql.time(now));
                mined.setString(7, hash);
                mined.executeUpdate();
                others.setString(1, "replaced");
                others.setString(2, "replaced by " + hash);
                others.setObject(3, Sql.time(now));
                others.setString(4, sender);
                others.setLong(5, nonce.longValueExact());
                others.setString(6, hash);
                others.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        });
        LOG.debug("{} {} {}: {}", request.purpose(), hash, state, gas.describe());
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void write(String what, Work work) {
        try (Connection c = connection()) {
            work.run(c);
        } catch (SQLException | StorageException e) {
            LOG.error("Could not {} in chain_transactions: {}", what, e.getMessage());
        }
    }

    private Connection connection() throws SQLException {
        database.ensureMigrated();
        return database.dataSource().getConnection();
    }

    private static String lower(Address address) {
        return address.getValue().toLowerCase(Locale.ROOT);
    }
}
