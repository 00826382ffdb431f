package io.velocity.accounting;

import io.velocity.accounting.records.ChainTransactionRecords;
import io.velocity.accounting.records.OrderRecords;
import io.velocity.accounting.records.PositionRecords;
import io.velocity.accounting.records.RedemptionRecords;
import io.velocity.accounting.redemption.RedemptionService;
import io.velocity.chain.CredentialsSigner;
import io.velocity.chain.CtfClient;
import io.velocity.chain.Erc20Client;
import io.velocity.chain.LocalChain;
import io.velocity.chain.NodeNonceSource;
import io.velocity.chain.Redeemer;
import io.velocity.chain.RedemptionContracts;
import io.velocity.chain.ResolutionListener;
import io.velocity.chain.ResolutionListenerSettings;
import io.velocity.chain.RpcClient;
import io.velocity.chain.TransactionPolicy;
import io.velocity.chain.TransactionSender;
import io.velocity.config.StorageConfig;
import io.velocity.core.Clock;
import io.velocity.risk.KillSwitch;
import io.velocity.storage.SharedStores;
import io.velocity.storage.StorageRuntime;
import io.velocity.telemetry.HealthRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * One run of Velocity's settlement side against the shared anvil and the shared embedded Redis and
 * PostgreSQL: stores (journal, Redis, database), wallet, sender, redeemer, redemption service and
 * resolution listener. Two stacks over the same {@link Storage} model a restart.
 */
final class AccountingStack implements AutoCloseable {

    private static final AtomicInteger REDIS_DATABASES = new AtomicInteger();

    /** Where one "installation" keeps its state: a Redis database, a PostgreSQL database, a journal. */
    record Storage(String redisUrl, String jdbcUrl, Path dataDir) {
        static Storage fresh(Path dataDir) {
            // Redis has 16 databases; each test uses its own so sys:bankroll:usdc never collides.
            int index = 1 + REDIS_DATABASES.getAndIncrement() % 15;
            return new Storage(SharedStores.redis().url() + "/" + index, SharedStores.freshDatabase(), dataDir);
        }
    }

    /** What accounting told the engine side. */
    static final class Events implements AccountingListener {
        final List<String> resolutions = new CopyOnWriteArrayList<>();
        final List<Long> bankrolls = new CopyOnWriteArrayList<>();

        @Override
        public void onMarketResolved(String conditionId, int winningSlot, String source) {
            resolutions.add(conditionId + ":" + winningSlot);
        }

        @Override
        public void onBankroll(long micros, String source) {
            bankrolls.add(micros);
        }
    }

    final LocalChain chain;
    final StorageRuntime storage;
    final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
    final KillSwitch killSwitch = new KillSwitch(Clock.SYSTEM);
    final Events events = new Events();
    final RpcClient rpc;
    final Address owner;
    final CtfClient ctf;
    final Erc20Client collateral;
    final ChainTransactionRecords transactions;
    final RedemptionRecords redemptions;
    final PositionRecords positions;
    final OrderRecords orders;
    final AuditTrail audit;
    final TransactionSender sender;
    final Redeemer redeemer;
    final RedemptionService service;
    final ResolutionListener listener;

    AccountingStack(LocalChain chain, Storage where, Credentials wallet, RpcClient rpc,
            ResolutionListenerSettings listening) {
        this.chain = chain;
        this.rpc = rpc;
        this.storage = StorageRuntime.start(new StorageConfig(where.redisUrl(), where.jdbcUrl(), SharedStores.USER,
                where.dataDir().resolve("journal").toString(), Duration.ofMillis(5), 500),
                StorageRuntime.Environment.ephemeral(where.dataDir()), health);
        this.owner = new Address(wallet.getAddress());
        this.ctf = new CtfClient(rpc, chain.contracts.ctf());
        this.collateral = new Erc20Client(rpc, chain.contracts.collateral());
        this.transactions = new ChainTransactionRecords(storage.database(), Clock.SYSTEM);
        this.redemptions = new RedemptionRecords(storage.database(), Clock.SYSTEM);
        this.positions = new PositionRecords(storage.database(), Clock.SYSTEM);
        this.orders = new OrderRecords(storage.database(), Clock.SYSTEM);
        this.audit = new AuditTrail(storage.journal(), Clock.SYSTEM);
        this.sender = new TransactionSender(rpc, new CredentialsSigner(wallet), new NodeNonceSource(rpc), policy(),
                transactions);
        this.redeemer = new Redeemer(ctf, new RedemptionContracts(chain.contracts.collateral(), Optional.empty(),
                chain.contracts.exchange()), sender);
        this.service = new RedemptionService(redeemer, collateral, storage.redis(), redemptions, positions, audit,
                health, events, new RedemptionService.Backoff(Duration.ofMillis(100), Duration.ofSeconds(1)));
        this.listener = new ResolutionListener(rpc, ctf, listening, service, health);
        service.attach(listener);
    }

    static TransactionPolicy policy() {
        return new TransactionPolicy(1.2, Duration.ofMillis(20), Duration.ofSeconds(2), 15,
                TransactionPolicy.gwei(1_000), Duration.ofSeconds(2));
    }

    AccountingStack start() {
        service.start();
        listener.start();
        return this;
    }

    /** @return sys:bankroll:usdc as Redis holds it now */
    OptionalLong redisBankroll() {
        try {
            return storage.redis().bankrollMicros().toCompletableFuture().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("reading sys:bankroll:usdc", e);
        }
    }

    /** @return "action|reason" of every audit_log row, oldest first */
    List<String> auditRows() {
        List<String> rows = new ArrayList<>();
        try (Connection c = storage.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT action, reason FROM audit_log ORDER BY ts, event_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** @return one text column of a query */
    List<String> column(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection c = storage.database().dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    @Override
    public void close() {
        listener.close();
        service.close();
        storage.close();
    }
}
