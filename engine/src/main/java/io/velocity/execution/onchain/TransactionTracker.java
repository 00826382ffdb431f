package io.velocity.execution.onchain;

import io.velocity.chain.RpcClient;
import io.velocity.chain.RpcException;
import io.velocity.risk.KillSwitch;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches Rail B's pending transactions until they mine, and replaces one that has not mined
 * within {@code replaceAfter}: same nonce, both fees raised by {@code feeBumpPercent} (at least
 * 12.5 %, what nodes require), up to {@code maxFeeBumps} times and never above the fee cap. Every
 * version's hash is remembered, since any of them may be the one that mines. When the kill switch
 * is engaged the replacement is a cancellation (a zero-value transfer to self) instead, so a halt
 * also stops fills already on their way. A transaction past its last bump is reported as stuck
 * (health DEGRADED) and still watched: pending transactions are never abandoned.
 *
 * <p>One scheduler thread owns the pending set; {@link #track} may be called from any thread.
 */
public final class TransactionTracker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(TransactionTracker.class);
    static final String HEALTH = "rail-b-transactions";
    private static final long CANCEL_GAS = 21_000;

    private final RpcClient rpc;
    private final Eip1559Signer signer;
    private final Broadcaster broadcaster;
    private final KillSwitch killSwitch;
    private final HealthRegistry health;
    private final Settings settings;
    private final ScheduledExecutorService scheduler;
    private final Map<Long, Pending> pending = new ConcurrentSkipListMap<>();

    /**
     * Replacement policy.
     *
     * @param replaceAfter   age (since the last broadcast) at which a transaction is replaced
     * @param feeBumpPercent fee increase per replacement, >= 12.5
     * @param maxFeeBumps    replacements before the transaction is reported stuck
     * @param feeCapWei      max fee per gas never exceeded
     * @param pollInterval   receipt polling period
     */
    public record Settings(Duration replaceAfter, double feeBumpPercent, int maxFeeBumps, BigInteger feeCapWei,
                           Duration pollInterval) {
        public Settings {
            if (feeBumpPercent < 12.5) {
                throw new IllegalArgumentException("feeBumpPercent: nodes refuse replacements below 12.5 %, was " + feeBumpPercent);
            }
        }
    }

    private static final class Pending {
        final CompletableFuture<Mined> result = new CompletableFuture<>();
        final List<SignedTransaction> versions = new ArrayList<>();
        SignedTransaction current;
        long lastSentNanos;
        int bumps;
        boolean cancelled;
        boolean stuckReported;

        Pending(SignedTransaction tx, long sentNanos) {
            this.current = tx;
            this.versions.add(tx);
            this.lastSentNanos = sentNanos;
        }
    }

    public TransactionTracker(RpcClient rpc, Eip1559Signer signer, Broadcaster broadcaster, KillSwitch killSwitch,
                              HealthRegistry health, Settings settings) {
        this.rpc = rpc;
        this.signer = signer;
        this.broadcaster = broadcaster;
        this.killSwitch = killSwitch;
        this.health = health;
        this.settings = settings;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("rail-b-tracker").daemon().unstarted(r));
        long period = Math.max(10, settings.pollInterval().toMillis());
        scheduler.scheduleWithFixedDelay(this::pollSafely, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Watches {@code tx}, already broadcast; the future completes when one of its versions mines,
     * or exceptionally when its nonce was taken by a transaction this tracker did not send.
     */
    public CompletableFuture<Mined> track(SignedTransaction tx) {
        Pending p = new Pending(tx, System.nanoTime());
        Pending previous = pending.putIfAbsent(tx.nonce(), p);
        if (previous != null) {
            throw new IllegalStateException("nonce " + tx.nonce() + " is already tracked by " + previous.current.hash());
        }
        return p.result;
    }

    /** Nonces still pending, lowest first (for health views and tests). */
    public List<Long> pendingNonces() {
        return List.copyOf(pending.keySet());
    }

    /** The latest broadcast version of the pending transaction with {@code nonce}. */
    public Optional<SignedTransaction> current(long nonce) {
        Pending p = pending.get(nonce);
        return p == null ? Optional.empty() : Optional.of(p.current);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("rail B transaction watch failed this round: {}", e.getMessage());
        }
    }

    private void poll() {
        if (pending.isEmpty()) {
            return;
        }
        long latestNonce = -1;
        for (Pending p : List.copyOf(pending.values())) {
            Optional<Mined> mined = minedVersion(p);
            if (mined.isPresent()) {
                finish(p, mined.get());
                continue;
            }
            if (latestNonce < 0) {
                latestNonce = rpc.send("eth_getTransactionCount",
                        w -> w.ethGetTransactionCount(signer.address().toLowerHex(), DefaultBlockParameterName.LATEST))
                        .getTransactionCount().longValueExact();
            }
            if (latestNonce > p.current.nonce()) {
                // A block took the nonce; re-check our hashes once more (the receipt may have landed meanwhile).
                mined = minedVersion(p);
                if (mined.isPresent()) {
                    finish(p, mined.get());
                } else {
                    pending.remove(p.current.nonce());
                    p.result.completeExceptionally(new RpcException("nonce " + p.current.nonce()
                            + " was used by a transaction Rail B did not send; " + p.current.hash() + " will never mine"));
                }
                continue;
            }
            if (System.nanoTime() - p.lastSentNanos >= settings.replaceAfter().toNanos()) {
                replace(p);
            }
        }
        if (pending.isEmpty()) {
            health.report(HEALTH, HealthState.UP, "no transaction pending");
        }
    }

    private Optional<Mined> minedVersion(Pending p) {
        for (int i = p.versions.size() - 1; i >= 0; i--) {
            SignedTransaction v = p.versions.get(i);
            Optional<TransactionReceipt> receipt = rpc.transactionReceipt(v.hash());
            if (receipt.isPresent()) {
                return Optional.of(new Mined(receipt.get(), v, p.bumps, "0x".equals(v.data())));
            }
        }
        return Optional.empty();
    }

    private void finish(Pending p, Mined mined) {
        pending.remove(p.current.nonce());
        if (mined.replacements() > 0) {
            log.info("rail B transaction nonce {} mined as {} after {} replacement(s){}", p.current.nonce(),
                    mined.transaction().hash(), mined.replacements(), mined.cancelled() ? " (cancelled)" : "");
        }
        p.result.complete(mined);
    }

    private void replace(Pending p) {
        if (p.bumps >= settings.maxFeeBumps()) {
            reportStuck(p, "not mined after " + p.bumps + " fee bumps");
            return;
        }
        Fees fees = p.current.fees().bumped(settings.feeBumpPercent(), settings.feeCapWei());
        if (fees == null) {
            reportStuck(p, "fee cap " + settings.feeCapWei() + " wei leaves no room for another "
                    + settings.feeBumpPercent() + " % bump");
            return;
        }
        boolean cancel = p.cancelled || killSwitch.isHalted();
        SignedTransaction next = cancel
                ? signer.sign(p.current.nonce(), fees, CANCEL_GAS, signer.address().toLowerHex(), "0x")
                : signer.sign(p.current.nonce(), fees, p.current.gasLimit(), p.current.to(), p.current.data());
        p.bumps++;
        p.lastSentNanos = System.nanoTime();
        p.current = next;
        p.versions.add(next);
        p.cancelled = cancel;
        try {
            broadcaster.broadcast(next);
            log.warn("rail B transaction nonce {} not mined after {} ms: replaced by {} ({}, bump {}/{}){}",
                    next.nonce(), settings.replaceAfter().toMillis(), next.hash(), fees, p.bumps, settings.maxFeeBumps(),
                    cancel ? " as a cancellation (kill switch)" : "");
            health.report(HEALTH, HealthState.DEGRADED, "nonce " + next.nonce() + " replaced " + p.bumps + " time(s)");
        } catch (RpcException e) {
            // An underpriced refusal is retried with a higher bump next round; a "nonce too low" means a version mined.
            log.warn("rail B replacement of nonce {} refused: {}", next.nonce(), e.getMessage());
        }
    }

    private void reportStuck(Pending p, String why) {
        if (!p.stuckReported) {
            p.stuckReported = true;
            log.error("ALERT rail B transaction {} (nonce {}) is stuck: {}; still watching it", p.current.hash(),
                    p.current.nonce(), why);
            health.report(HEALTH, HealthState.DEGRADED, "transaction nonce " + p.current.nonce() + " stuck: " + why);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        for (Pending p : pending.values()) {
            p.result.completeExceptionally(new RpcException("rail B closed while transaction nonce " + p.current.nonce()
                    + " (" + p.current.hash() + ") was pending"));
        }
    }
}
