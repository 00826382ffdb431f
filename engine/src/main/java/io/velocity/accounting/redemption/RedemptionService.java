package io.velocity.accounting.redemption;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.accounting.AccountingListener;
import io.velocity.accounting.AuditTrail;
import io.velocity.accounting.records.PositionRecords;
import io.velocity.accounting.records.RedemptionRecords;
import io.velocity.chain.Erc20Client;
import io.velocity.chain.GasUsage;
import io.velocity.chain.Hash32;
import io.velocity.chain.OutcomePositions;
import io.velocity.chain.PendingTransaction;
import io.velocity.chain.Redeemer;
import io.velocity.chain.RedemptionPlan;
import io.velocity.chain.RedemptionResult;
import io.velocity.chain.RedemptionRoute;
import io.velocity.chain.ResolutionListener;
import io.velocity.chain.ResolutionSink;
import io.velocity.chain.ResolvedCondition;
import io.velocity.chain.TransactionDroppedException;
import io.velocity.chain.TransactionPendingException;
import io.velocity.chain.TransactionRevertedException;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims winnings as soon as a market of a held position resolves: the "winnings never redeemed"
 * failure of peer bots is what this exists to prevent.
 *
 * <p>Fed by a {@link ResolutionListener} (confirmed resolutions) and by startup recovery
 * (resolved but unredeemed positions, and redemptions still pending from the last run). For each
 * condition, on its own worker thread: plan from chain state, send through the right contract,
 * follow the transaction to its receipt (replace-by-fee when stuck), then at once publish the
 * wallet's collateral balance to {@code sys:bankroll:usdc}, tell the engine, write the
 * {@code redemptions} row, mark the positions redeemed and write the audit log.
 *
 * <p>A failure (RPC down, missing approval, dropped or reverted transaction) is retried with
 * exponential backoff for as long as it takes, and shown in health ({@value #COMPONENT}) with the
 * reason and the next attempt. A transaction still pending is followed again, never sent twice.
 */
public final class RedemptionService implements ResolutionSink, AutoCloseable {

    /** Health component name. */
    public static final String COMPONENT = "accounting.redemptions";

    private static final Logger LOG = LoggerFactory.getLogger(RedemptionService.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration REDIS_WAIT = Duration.ofSeconds(2);
    private static final String ACTOR = "chain";

    /**
     * Retry spacing: {@code first} after the first failure, doubling up to {@code max}.
     *
     * @param first wait after the first failure
     * @param max   longest wait
     */
    public record Backoff(Duration first, Duration max) {

        /** Rejects non-positive durations and a cap below the first wait. */
        public Backoff {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(max, "max");
            if (first.isZero() || first.isNegative() || max.compareTo(first) < 0) {
                throw new IllegalArgumentException("backoff needs 0 < first <= max: " + first + ", " + max);
            }
        }

        /** @return the wait before attempt {@code failures + 1} */
        public Duration after(int failures) {
            Duration wait = first;
            for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(max) > 0 ? max : wait;
        }
    }

    private final Redeemer redeemer;
    private final Erc20Client collateral;
    private final RedisStore redis;
    private final RedemptionRecords redemptions;
    private final PositionRecords positions;
    private final AuditTrail audit;
    private final HealthRegistry health;
    private final AccountingListener listener;
    private final Backoff backoff;

    private final Map<Hash32, OutcomePositions> markets = new ConcurrentHashMap<>();
    private final Map<Hash32, PendingTransaction> inFlight = new ConcurrentHashMap<>();
    private final Map<Hash32, String> failing = new ConcurrentHashMap<>();
    private final Set<Hash32> queuedIds = ConcurrentHashMap.newKeySet();
    private final DelayQueue<Task> queue = new DelayQueue<>();
    private final AtomicLong redeemed = new AtomicLong();
    private final AtomicLong paidMicros = new AtomicLong();
    private final Thread worker;
    private volatile ResolutionListener resolutions;
    private volatile boolean running;

    /**
     * @param redeemer    sends redemptions for the wallet
     * @param collateral  the collateral token, to read the wallet's balance after each redemption
     * @param redis       where {@code sys:bankroll:usdc} is published
     * @param redemptions the {@code redemptions} table
     * @param positions   the {@code positions} table
     * @param audit       the audit log
     * @param health      where state is reported
     * @param listener    told about resolutions and bankroll changes (the engine, via the app)
     * @param backoff     retry spacing
     */
    public RedemptionService(Redeemer redeemer, Erc20Client collateral, RedisStore redis, RedemptionRecords redemptions,
            PositionRecords positions, AuditTrail audit, HealthRegistry health, AccountingListener listener,
            Backoff backoff) {
        this.redeemer = Objects.requireNonNull(redeemer, "redeemer");
        this.collateral = Objects.requireNonNull(collateral, "collateral");
        this.redis = Objects.requireNonNull(redis, "redis");
        this.redemptions = Objects.requireNonNull(redemptions, "redemptions");
        this.positions = Objects.requireNonNull(positions, "positions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.health = Objects.requireNonNull(health, "health");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.backoff = Objects.requireNonNull(backoff, "backoff");
        this.worker = new Thread(this::run, "redemption-worker");
        this.worker.setDaemon(true);
    }

    /**
     * Connects the listener whose watch list {@link #track} maintains. Call before {@link #track}.
     *
     * @param listener the resolution listener feeding this service
     */
    public void attach(ResolutionListener listener) {
        this.resolutions = Objects.requireNonNull(listener, "listener");
        markets.keySet().forEach(listener::watch);
    }

    /**
     * A position is held in this market: watch for its resolution and redeem then.
     *
     * @param market the market's outcome tokens
     */
    public void track(OutcomePositions market) {
        markets.put(market.conditionId(), market);
        ResolutionListener listening = resolutions;
        if (listening != null) {
            listening.watch(market.conditionId());
        }
    }

    /**
     * Redeems a market now (it is known to be resolved, e.g. found by startup recovery).
     *
     * @param market the market's outcome tokens
     * @param why    for the log
     */
    public void redeemNow(OutcomePositions market, String why) {
        markets.put(market.conditionId(), market);
        LOG.info("Redemption of {} queued: {}", market.conditionId(), why);
        enqueue(market.conditionId());
    }

    /**
     * Continues a redemption broadcast by an earlier run instead of sending another. The market
     * must be known ({@link #redeemNow}) for the bookkeeping once it is mined.
     *
     * @param market  the market
     * @param pending the transaction restored from the transaction table
     */
    public void resume(OutcomePositions market, PendingTransaction pending) {
        markets.put(market.conditionId(), market);
        inFlight.put(market.conditionId(), pending);
        LOG.info("Following redemption {} of {} sent before the restart (nonce {})", pending.latestHash(),
                market.conditionId(), pending.nonce());
        enqueue(market.conditionId());
    }

    @Override
    public void onResolved(ResolvedCondition resolution) {
        Hash32 id = resolution.conditionId();
        listener.onMarketResolved(id.hex(), resolution.winningSlot(),
                "chain" + resolution.transactionHash().map(h -> " tx " + h).orElse(" state at block "
                        + resolution.blockNumber()));
        if (markets.containsKey(id)) {
            enqueue(id);
        } else {
            LOG.warn("Resolution of {} arrived for a market no position is tracked in; nothing to redeem", id);
        }
    }

    /** Starts the worker thread. */
    public synchronized RedemptionService start() {
        if (!running) {
            running = true;
            worker.start();
            reportHealth();
        }
        return this;
    }

    /** @return redemptions completed since start */
    public long redeemedCount() {
        return redeemed.get();
    }

    /** @return conditions waiting for (another) attempt */
    public int queued() {
        return queuedIds.size();
    }

    /** @return conditions whose last attempt failed, with the reason */
    public Map<Hash32, String> failing() {
        return Map.copyOf(failing);
    }

    @Override
    public void close() {
        running = false;
        worker.interrupt();
        try {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ worker

    /** One attempt for one condition, due at {@code dueNanos}; {@code booking} retries bookkeeping only. */
    private record Task(Hash32 conditionId, int failures, long dueNanos, Optional<RedemptionResult> booking)
            implements Delayed {
        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(dueNanos, ((Task) other).dueNanos);
        }
    }

    private void enqueue(Hash32 id) {
        if (queuedIds.add(id)) {
            queue.add(new Task(id, 0, System.nanoTime(), Optional.empty()));
        }
    }

    private void run() {
        while (running) {
            Task task;
            try {
                task = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                process(task);
            } catch (RuntimeException e) {
                LOG.error("Redemption worker failed on {}; continuing", task.conditionId(), e);
                retry(task, "unexpected error: " + e, Optional.empty());
            }
            reportHealth();
        }
    }

    private void process(Task task) {
        Hash32 id = task.conditionId();
        OutcomePositions market = markets.get(id);
        if (task.booking().isPresent()) {
            book(task, market, task.booking().get());
            return;
        }
        RedemptionResult result;
        try {
            PendingTransaction pending = inFlight.get(id);
            RedemptionPlan plan = redeemer.plan(market);
            if (pending == null) {
                switch (plan.status()) {
                    case NOT_RESOLVED, APPROVAL_MISSING -> {
                        retry(task, plan.detail(), Optional.empty());
                        writeState(market, plan, null, "failed");
                        return;
                    }
                    case NOTHING_HELD -> {
                        finishEmpty(market);
                        return;
                    }
                    case READY -> {
                        pending = redeemer.broadcast(plan);
                        inFlight.put(id, pending);
                        writeState(market, plan, pending.latestHash(), "pending");
                    }
                }
            }
            result = redeemer.await(plan, pending);
            inFlight.remove(id);
        } catch (TransactionPendingException e) {
            // Still in the mempool (with replacements): follow it again later, never send a second one.
            retry(task, e.getMessage(), Optional.empty());
            return;
        } catch (TransactionDroppedException e) {
            inFlight.remove(id);
            retry(task, e.getMessage(), Optional.empty());
            return;
        } catch (RuntimeException e) {
            if (e instanceof TransactionRevertedException) {
                inFlight.remove(id);
            }
            retry(task, describe(e), Optional.empty());
            return;
        }
        book(task, market, result);
    }

    /** Everything that follows a mined redemption; retried alone if a store fails. */
    private void book(Task task, OutcomePositions market, RedemptionResult result) {
        Hash32 id = market.conditionId();
        String hash = result.transaction().hash();
        try {
            long payout = result.payout().longValueExact();
            long bankroll = collateral.balanceOf(redeemer.owner()).longValueExact();
            redis.setBankrollMicros(bankroll).toCompletableFuture().get(REDIS_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            listener.onBankroll(bankroll, "redemption " + hash);
            redemptions.upsert(redemptionId(id), id.hex(), hash, payout, market.negRisk(), "confirmed");
            positions.markRedeemed(id.hex());
            audit.record(ACTOR, "redemption.confirmed", "redeemed " + id.hex() + " for " + payout + " micro-USD",
                    detail(result, bankroll));
            failing.remove(id);
            queuedIds.remove(id);
            redeemed.incrementAndGet();
            paidMicros.addAndGet(payout);
            LOG.info("Redeemed {} for {} micro-USD in {}; bankroll now {} micro-USD; {}", id, payout, hash, bankroll,
                    result.transaction().gas().describe());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            retry(task, "interrupted while publishing the bankroll", Optional.of(result));
        } catch (Exception e) {
            retry(task, "redeemed in " + hash + " but bookkeeping failed: " + describe(e), Optional.of(result));
        }
    }

    private void finishEmpty(OutcomePositions market) {
        Hash32 id = market.conditionId();
        positions.markRedeemed(id.hex());
        audit.record(ACTOR, "redemption.skipped", "nothing of " + id.hex() + " is held by " + redeemer.owner(), "");
        failing.remove(id);
        queuedIds.remove(id);
        LOG.info("Nothing of {} is held; no redemption needed", id);
    }

    private void retry(Task task, String reason, Optional<RedemptionResult> booking) {
        if (!running) {
            // Shutdown interrupted the attempt: not a failure. A broadcast transaction is in the
            // transaction table and is followed again at the next start.
            LOG.info("Redemption of {} stopped by shutdown ({}); it continues at the next start", task.conditionId(),
                    reason);
            return;
        }
        int failures = task.failures() + 1;
        Duration wait = backoff.after(failures);
        failing.put(task.conditionId(), reason + " (attempt " + failures + ", next in " + wait.toMillis() + " ms)");
        if (failures == 1) {
            audit.record(ACTOR, "redemption.failed", "redemption of " + task.conditionId().hex() + " failed: " + reason,
                    "");
        }
        LOG.warn("Redemption of {} failed (attempt {}): {}; retrying in {} ms", task.conditionId(), failures, reason,
                wait.toMillis());
        queue.add(new Task(task.conditionId(), failures, System.nanoTime() + wait.toNanos(), booking));
    }

    private void writeState(OutcomePositions market, RedemptionPlan plan, String hash, String state) {
        try {
            redemptions.upsert(redemptionId(market.conditionId()), market.conditionId().hex(), hash,
                    plan.expectedPayout().longValueExact(), market.negRisk(), state);
        } catch (RuntimeException e) {
            // The chain is the truth and reconciliation rereads it: a lost row must not stop the redemption.
            LOG.error("Could not write redemption state {} of {}: {}", state, market.conditionId(), e.getMessage());
        }
    }

    private String redemptionId(Hash32 id) {
        return RedemptionRecords.redemptionId(id.hex(), redeemer.owner().getValue());
    }

    private void reportHealth() {
        if (failing.isEmpty()) {
            health.report(COMPONENT, HealthState.UP, "redeemed " + redeemed.get() + " markets for "
                    + paidMicros.get() + " micro-USD; " + queuedIds.size() + " queued; " + inFlight.size()
                    + " transactions in flight");
            return;
        }
        StringBuilder detail = new StringBuilder();
        List<Map.Entry<Hash32, String>> entries = List.copyOf(failing.entrySet());
        for (int i = 0; i < Math.min(3, entries.size()); i++) {
            if (i > 0) {
                detail.append("; ");
            }
            detail.append("redemption of ").append(entries.get(i).getKey().hex(), 0, 10).append("…: ")
                    .append(entries.get(i).getValue());
        }
        if (entries.size() > 3) {
            detail.append("; and ").append(entries.size() - 3).append(" more");
        }
        health.report(COMPONENT, HealthState.DEGRADED, detail.toString());
    }

    private String detail(RedemptionResult result, long bankroll) {
        RedemptionPlan plan = result.plan();
        GasUsage gas = result.transaction().gas();
        ObjectNode node = JSON.createObjectNode();
        node.put("conditionId", plan.conditionId().hex());
        node.put("wallet", plan.owner().getValue());
        node.put("route", plan.route().name());
        node.put("contract", plan.contract().getValue());
        node.put("txHash", result.transaction().hash());
        node.put("block", result.transaction().blockNumber().longValueExact());
        node.put("payoutMicros", result.payout().longValueExact());
        node.put("expectedMicros", plan.expectedPayout().longValueExact());
        node.put("upBalance", plan.upBalance().toString());
        node.put("downBalance", plan.downBalance().toString());
        node.put("payoutNumerators", plan.payoutNumerators().toString());
        node.put("gasEstimate", gas.estimate().longValueExact());
        node.put("nodeGasEstimate", gas.nodeEstimate().longValueExact());
        node.put("gasLimit", gas.limit().longValueExact());
        node.put("gasUsed", gas.used().longValueExact());
        node.put("gasDeviationPercent", gas.deviationPercent());
        node.put("effectiveGasPriceWei", gas.effectiveGasPrice().toString());
        node.put("replacements", result.transaction().replacements());
        node.put("bankrollMicros", bankroll);
        node.put("negRisk", plan.route() == RedemptionRoute.NEG_RISK_ADAPTER);
        return node.toString();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** @return micro-USD paid out by redemptions since start */
    public long paidMicros() {
        return paidMicros.get();
    }

}
