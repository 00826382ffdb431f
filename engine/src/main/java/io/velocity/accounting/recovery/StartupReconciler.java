package io.velocity.accounting.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.accounting.AccountingListener;
import io.velocity.accounting.AuditTrail;
import io.velocity.accounting.records.ChainTransactionRecords;
import io.velocity.accounting.records.OrderRecords;
import io.velocity.accounting.records.PositionRecords;
import io.velocity.accounting.redemption.RedemptionService;
import io.velocity.chain.CtfClient;
import io.velocity.chain.Erc20Client;
import io.velocity.chain.Hash32;
import io.velocity.chain.OutcomePositions;
import io.velocity.chain.PendingTransaction;
import io.velocity.chain.RpcClient;
import io.velocity.core.StorageException;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.storage.redis.MarketMeta;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;

/**
 * Startup recovery: before the first order, makes Redis and the database agree with what the
 * venue and the chain say, with trading blocked ({@link HaltLayer#RECONCILIATION}) until it has
 * succeeded.
 *
 * <ol>
 *   <li>Open orders: the venue wins. Orders it lists are stored as it reports them; orders stored
 *       as live that it no longer lists are closed.</li>
 *   <li>Positions: the chain wins. Every token of every known market (the caller's list, plus
 *       markets in the positions table whose tokens Redis knows) is read with
 *       {@code balanceOfBatch} and the stored size overwritten.</li>
 *   <li>Bankroll: the wallet's collateral balance replaces {@code sys:bankroll:usdc} and is sent
 *       to the engine.</li>
 *   <li>Approvals: missing ones are reported with the exact transaction (sent only when the trader
 *       confirms, {@link Approvals#send}).</li>
 *   <li>Pending transactions from the last run: redemptions are followed to their receipt (never
 *       sent twice); others are reported, as are transactions the node holds beyond the mined
 *       nonce.</li>
 *   <li>Held markets that resolved while Velocity was stopped are queued for redemption; the
 *       others are watched for their resolution.</li>
 * </ol>
 *
 * <p>Every difference goes to the audit log and into the {@link ReconciliationReport} shown to
 * the trader. A failure leaves trading blocked and is reported in health ({@value #COMPONENT});
 * the caller retries.
 */
public final class StartupReconciler {

    /** Health component name. */
    public static final String COMPONENT = "accounting.reconciliation";

    private static final Logger LOG = LoggerFactory.getLogger(StartupReconciler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACTOR = "reconciliation";
    private static final int BALANCE_BATCH = 100;
    private static final Duration REDIS_WAIT = Duration.ofSeconds(5);
    private static final String REDEEM_PREFIX = "redeem:";

    /**
     * The chain as the wallet sees it.
     *
     * @param rpc        the chain
     * @param ctf        the Conditional Tokens contract
     * @param collateral the collateral token
     * @param wallet     the trading wallet (holds the positions and the collateral)
     */
    public record ChainAccess(RpcClient rpc, CtfClient ctf, Erc20Client collateral, Address wallet) {
        /** Rejects missing parts. */
        public ChainAccess {
            Objects.requireNonNull(rpc, "rpc");
            Objects.requireNonNull(ctf, "ctf");
            Objects.requireNonNull(collateral, "collateral");
            Objects.requireNonNull(wallet, "wallet");
        }
    }

    /**
     * Local state being reconciled.
     *
     * @param redis        hot store ({@code sys:bankroll:usdc}, market metadata)
     * @param orders       the orders table
     * @param positions    the positions table
     * @param transactions the chain transactions table
     * @param audit        the audit log
     */
    public record LocalState(RedisStore redis, OrderRecords orders, PositionRecords positions,
            ChainTransactionRecords transactions, AuditTrail audit) {
        /** Rejects missing parts. */
        public LocalState {
            Objects.requireNonNull(redis, "redis");
            Objects.requireNonNull(orders, "orders");
            Objects.requireNonNull(positions, "positions");
            Objects.requireNonNull(transactions, "transactions");
            Objects.requireNonNull(audit, "audit");
        }
    }

    private final KillSwitch killSwitch;
    private final OpenOrdersSource venue;
    private final ChainAccess chain;
    private final LocalState local;
    private final Approvals approvals;
    private final RedemptionService redemptions;
    private final HealthRegistry health;
    private final AccountingListener listener;

    /**
     * @param killSwitch  whose {@link HaltLayer#RECONCILIATION} layer blocks trading until done
     * @param venue       the venue's open orders
     * @param chain       the chain and the wallet
     * @param local       Redis and the database
     * @param approvals   approval checks
     * @param redemptions receives resolved-but-unredeemed markets, pending redemptions and markets to watch
     * @param health      where progress is reported
     * @param listener    told the reconciled bankroll (the engine, via the app)
     */
    public StartupReconciler(KillSwitch killSwitch, OpenOrdersSource venue, ChainAccess chain, LocalState local,
            Approvals approvals, RedemptionService redemptions, HealthRegistry health, AccountingListener listener) {
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.chain = Objects.requireNonNull(chain, "chain");
        this.local = Objects.requireNonNull(local, "local");
        this.approvals = Objects.requireNonNull(approvals, "approvals");
        this.redemptions = Objects.requireNonNull(redemptions, "redemptions");
        this.health = Objects.requireNonNull(health, "health");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Blocks trading (if not blocked already) until {@link #reconcile} succeeds. Call before the
     * engine starts.
     */
    public void blockTrading() {
        killSwitch.engage(HaltLayer.RECONCILIATION, "startup reconciliation with venue and chain has not finished");
        health.report(COMPONENT, HealthState.DOWN, "not reconciled yet: trading blocked");
    }

    /**
     * Reconciles; on success trading is unblocked.
     *
     * @param knownMarkets markets the wallet may hold positions in (from market discovery)
     * @return what was found and done
     * @throws RuntimeException whatever failed; trading stays blocked and the caller retries
     */
    public ReconciliationReport reconcile(List<OutcomePositions> knownMarkets) {
        blockTrading();
        health.report(COMPONENT, HealthState.DOWN, "reconciling with venue and chain: trading blocked");
        try {
            ReconciliationReport report = run(knownMarkets);
            for (Discrepancy d : report.discrepancies()) {
                local.audit().record(ACTOR, "reconcile.difference", d.describe(), json(d));
            }
            local.audit().record(ACTOR, "reconcile.done", report.summary(), "");
            killSwitch.clearGuard(HaltLayer.RECONCILIATION, "startup reconciliation done: "
                    + report.discrepancies().size() + " differences corrected");
            health.report(COMPONENT, report.missingApprovals().isEmpty() ? HealthState.UP : HealthState.DEGRADED,
                    report.summary());
            LOG.info("{}", report.summary());
            return report;
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            health.report(COMPONENT, HealthState.DOWN, "reconciliation failed, trading blocked: " + reason);
            local.audit().record(ACTOR, "reconcile.failed", reason, "");
            LOG.error("Startup reconciliation failed; trading stays blocked: {}", reason);
            throw e;
        }
    }

    private ReconciliationReport run(List<OutcomePositions> knownMarkets) {
        List<Discrepancy> found = new ArrayList<>();
        Address wallet = chain.wallet();

        List<VenueOrder> open = venue.openOrders();
        reconcileOrders(open, found);

        Map<String, OutcomePositions> markets = markets(knownMarkets, found);
        Map<String, BigInteger> balances = reconcilePositions(markets, found);

        long cash = chain.collateral().balanceOf(wallet).longValueExact();
        OptionalLong before = await(local.redis().bankrollMicros(), "reading sys:bankroll:usdc");
        if (before.isEmpty() || before.getAsLong() != cash) {
            found.add(new Discrepancy(Discrepancy.Kind.BANKROLL, "sys:bankroll:usdc",
                    before.isEmpty() ? "absent" : Long.toString(before.getAsLong()), Long.toString(cash),
                    "set to the wallet's collateral"));
        }
        await(local.redis().setBankrollMicros(cash), "writing sys:bankroll:usdc");
        listener.onBankroll(cash, "reconciliation");

        List<RequiredApproval> missing = approvals.missing(wallet);

        List<String> pendingHashes = new ArrayList<>();
        Map<String, PendingTransaction> pendingRedemptions = new HashMap<>();
        for (PendingTransaction pending : local.transactions().pending(wallet)) {
            pendingHashes.add(pending.latestHash());
            String reference = pending.request().reference();
            found.add(new Discrepancy(Discrepancy.Kind.PENDING_TRANSACTION, pending.latestHash(),
                    pending.request().purpose() + " " + reference + " nonce " + pending.nonce(), "not mined yet",
                    reference.startsWith(REDEEM_PREFIX) ? "following it to its receipt" : "reported"));
            if (reference.startsWith(REDEEM_PREFIX)) {
                pendingRedemptions.put(reference.substring(REDEEM_PREFIX.length()), pending);
            }
        }
        long unmined = chain.rpc().pendingNonce(wallet.getValue()).subtract(chain.rpc().minedNonce(wallet.getValue()))
                .longValueExact();

        List<String> queued = new ArrayList<>();
        int watched = 0;
        for (OutcomePositions market : markets.values()) {
            String id = market.conditionId().hex();
            PendingTransaction pending = pendingRedemptions.remove(id);
            if (pending != null) {
                redemptions.resume(market, pending);
                continue;
            }
            boolean held = balances.getOrDefault(market.upTokenId().toString(), BigInteger.ZERO).signum() > 0
                    || balances.getOrDefault(market.downTokenId().toString(), BigInteger.ZERO).signum() > 0;
            if (!held) {
                continue;
            }
            if (chain.ctf().isResolved(market.conditionId())) {
                found.add(new Discrepancy(Discrepancy.Kind.RESOLVED_UNREDEEMED, id, "position held",
                        "resolved on chain", "queued for redemption"));
                redemptions.redeemNow(market, "resolved while Velocity was stopped");
                queued.add(id);
            } else {
                redemptions.track(market);
                watched++;
            }
        }
        pendingRedemptions.keySet().forEach(id -> LOG.warn("Pending redemption of {} belongs to no known market; "
                + "it is reported but cannot be booked", id));

        return new ReconciliationReport(open.size(), before, cash, markets.size(), found, missing, pendingHashes,
                unmined, queued, watched);
    }

    private void reconcileOrders(List<VenueOrder> open, List<Discrepancy> found) {
        Map<String, OrderRecords.Row> stored = new LinkedHashMap<>();
        for (OrderRecords.Row row : local.orders().live()) {
            stored.put(row.orderId(), row);
        }
        for (VenueOrder order : open) {
            OrderRecords.Row row = stored.remove(order.orderId());
            if (row == null || row.filledMicros() != order.matchedSizeMicros() || row.sizeMicros() != order.originalSizeMicros()
                    || row.priceMicros() != order.priceMicros() || !row.status().equals(order.status())) {
                found.add(new Discrepancy(Discrepancy.Kind.ORDER_MISSING_LOCALLY, order.orderId(),
                        row == null ? "absent" : describe(row),
                        order.side() + " " + order.originalSizeMicros() + " @ " + order.priceMicros() + ", filled "
                                + order.matchedSizeMicros() + ", " + order.status(),
                        "stored as the venue reports it"));
                local.orders().putFromVenue(order);
            }
        }
        for (OrderRecords.Row row : stored.values()) {
            // The venue no longer lists it: filled or cancelled while we were away. Fills show up in the
            // chain balances reconciled next, so the order itself is simply closed.
            found.add(new Discrepancy(Discrepancy.Kind.ORDER_NOT_AT_VENUE, row.orderId(), describe(row),
                    "not open at the venue", "closed as CANCELLED"));
            local.orders().close(row.orderId(), "CANCELLED");
        }
    }

    /** The caller's markets plus markets of stored positions whose tokens Redis knows. */
    private Map<String, OutcomePositions> markets(List<OutcomePositions> knownMarkets, List<Discrepancy> found) {
        Map<String, OutcomePositions> markets = new LinkedHashMap<>();
        for (OutcomePositions market : knownMarkets) {
            markets.put(market.conditionId().hex(), market);
        }
        for (PositionRecords.Row row : local.positions().all()) {
            if (markets.containsKey(row.market()) || "REDEEMED".equals(row.status())) {
                continue;
            }
            Optional<MarketMeta> meta = awaitMeta(row.market());
            if (meta.isPresent()) {
                MarketMeta m = meta.get();
                markets.put(row.market(), new OutcomePositions(Hash32.of(m.conditionId()), new BigInteger(m.upTokenId()),
                        new BigInteger(m.downTokenId()), m.negRisk()));
            } else if (row.sizeMicros() != 0) {
                found.add(new Discrepancy(Discrepancy.Kind.UNKNOWN_MARKET, row.market() + "/" + row.tokenId(),
                        Long.toString(row.sizeMicros()), "no market metadata in Redis",
                        "balance checked; cannot be redeemed automatically"));
                LOG.warn("Position in {} has no market metadata: its balance is checked, its redemption is not "
                        + "automatic", row.market());
            }
        }
        return markets;
    }

    /** @return chain balance per token id (decimal) of every market */
    private Map<String, BigInteger> reconcilePositions(Map<String, OutcomePositions> markets, List<Discrepancy> found) {
        Map<String, String> marketOfToken = new LinkedHashMap<>();
        for (OutcomePositions market : markets.values()) {
            marketOfToken.put(market.upTokenId().toString(), market.conditionId().hex());
            marketOfToken.put(market.downTokenId().toString(), market.conditionId().hex());
        }
        Map<String, Long> storedSizes = new HashMap<>();
        for (PositionRecords.Row row : local.positions().all()) {
            storedSizes.put(row.market() + "/" + row.tokenId(), row.sizeMicros());
            // Stored positions of markets without metadata are still checked, token by token.
            marketOfToken.putIfAbsent(row.tokenId(), row.market());
        }
        List<String> tokens = List.copyOf(marketOfToken.keySet());
        Map<String, BigInteger> balances = new HashMap<>();
        for (int from = 0; from < tokens.size(); from += BALANCE_BATCH) {
            List<String> batch = tokens.subList(from, Math.min(tokens.size(), from + BALANCE_BATCH));
            List<BigInteger> values = chain.ctf().balanceOfBatch(
                    batch.stream().map(t -> chain.wallet()).toList(), batch.stream().map(BigInteger::new).toList());
            for (int i = 0; i < batch.size(); i++) {
                balances.put(batch.get(i), values.get(i));
            }
        }
        for (String token : tokens) {
            String market = marketOfToken.get(token);
            long onChain = balances.get(token).longValueExact();
            Long stored = storedSizes.get(market + "/" + token);
            if (stored == null && onChain == 0) {
                continue;
            }
            if (stored == null || stored != onChain) {
                found.add(new Discrepancy(Discrepancy.Kind.POSITION, market + "/" + token,
                        stored == null ? "absent" : Long.toString(stored), Long.toString(onChain),
                        "size set to the chain balance"));
                local.positions().setSize(market, token, onChain, onChain == 0 ? "REDEEMED" : "OPEN");
            }
        }
        return balances;
    }

    private Optional<MarketMeta> awaitMeta(String conditionId) {
        try {
            return local.redis().market(conditionId).toCompletableFuture()
                    .get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted reading market metadata of " + conditionId, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StorageException("reading market metadata of " + conditionId + " from Redis failed: "
                    + e.getMessage(), e);
        }
    }

    private static <T> T await(CompletionStage<T> stage, String what) {
        try {
            return stage.toCompletableFuture().get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new StorageException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static String describe(OrderRecords.Row row) {
        return row.side() + " " + row.sizeMicros() + " @ " + row.priceMicros() + ", filled " + row.filledMicros()
                + ", " + row.status();
    }

    private static String json(Discrepancy d) {
        ObjectNode node = JSON.createObjectNode();
        node.put("kind", d.kind().name());
        node.put("key", d.key());
        node.put("local", d.local());
        node.put("truth", d.truth());
        node.put("correction", d.correction());
        return node.toString();
    }
}
