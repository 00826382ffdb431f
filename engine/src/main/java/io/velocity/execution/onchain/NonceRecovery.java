package io.velocity.execution.onchain;

import io.velocity.chain.RpcClient;
import io.velocity.chain.RpcErrorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameterName;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;

/**
 * Start-up reconciliation of Rail B's nonces after a crash. Every nonce from the account's mined
 * count up to the highest one ever handed out (the allocator's counter, or the node's pending
 * count when higher) is unresolved: either it was allocated but never reached the node (a gap,
 * which blocks every later transaction), or it is a transaction of the previous session still in
 * the mempool whose intent died with the process (its fill would be unaccounted for). Each one is
 * taken by a cancellation, a zero-value transfer to self, priced to replace whatever holds the
 * nonce; the allocator is then set past them. The cancellations are tracked like any transaction,
 * so they are bumped if they stall.
 */
public final class NonceRecovery {
    private static final Logger log = LoggerFactory.getLogger(NonceRecovery.class);
    private static final long CANCEL_GAS = 21_000;

    private final RpcClient rpc;
    private final Eip1559Signer signer;
    private final NonceSource nonces;
    private final Broadcaster broadcaster;
    private final TransactionTracker tracker;
    private final BigInteger minTipWei;
    private final BigInteger feeCapWei;
    private final double bumpPercent;
    private final int maxAttempts;

    /**
     * What recovery found and did.
     *
     * @param minedCount     the account's mined transaction count (the first unresolved nonce)
     * @param pendingCount   the node's pending count at start
     * @param allocatorNext  the allocator's next nonce at start, or -1 when it had none
     * @param cancelled      the nonces taken by cancellations
     * @param mined          completes when every cancellation mined
     */
    public record Report(long minedCount, long pendingCount, long allocatorNext, List<Long> cancelled,
                         CompletableFuture<Void> mined) {
        /** True when nothing was unresolved. */
        public boolean clean() {
            return cancelled.isEmpty();
        }
    }

    public NonceRecovery(RpcClient rpc, Eip1559Signer signer, NonceSource nonces, Broadcaster broadcaster,
                         TransactionTracker tracker, BigInteger minTipWei, BigInteger feeCapWei, double bumpPercent,
                         int maxAttempts) {
        this.rpc = rpc;
        this.signer = signer;
        this.nonces = nonces;
        this.broadcaster = broadcaster;
        this.tracker = tracker;
        this.minTipWei = minTipWei;
        this.feeCapWei = feeCapWei;
        this.bumpPercent = bumpPercent;
        this.maxAttempts = Math.max(1, maxAttempts);
    }

    /** Detects unresolved nonces and cancels them. Blocking (RPC calls); run once before Rail B is used. */
    public Report recover() {
        String address = signer.address().toLowerHex();
        long mined = rpc.send("eth_getTransactionCount",
                w -> w.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)).getTransactionCount().longValueExact();
        long pending = rpc.pendingNonce(address).longValueExact();
        OptionalLong allocated = nonces.peek(signer.chainId(), address);
        long top = Math.max(pending, allocated.orElse(pending));
        List<Long> cancelled = new ArrayList<>();
        List<CompletableFuture<Mined>> watches = new ArrayList<>();
        if (top > mined) {
            log.warn("rail B nonce recovery for {}: mined {}, pending {}, allocator {}: cancelling nonces {}..{}",
                    signer.address(), mined, pending, allocated.isPresent() ? allocated.getAsLong() : "none", mined, top - 1);
        }
        for (long n = mined; n < top; n++) {
            Optional<SignedTransaction> tx = cancelAt(n);
            if (tx.isPresent()) {
                cancelled.add(n);
                watches.add(tracker.track(tx.get()));
            }
        }
        nonces.reset(signer.chainId(), address, top);
        CompletableFuture<Void> all = CompletableFuture.allOf(watches.toArray(CompletableFuture[]::new));
        return new Report(mined, pending, allocated.isPresent() ? allocated.getAsLong() : -1, List.copyOf(cancelled), all);
    }

    /**
     * Broadcasts a cancellation at {@code nonce}, raising the fee while the node calls it
     * underpriced; empty when the nonce was mined meanwhile (what held it went through).
     */
    private Optional<SignedTransaction> cancelAt(long nonce) {
        BigInteger baseFee = Optional.ofNullable(rpc.latestBlock().getBaseFeePerGas()).orElse(BigInteger.ZERO);
        Fees fees = Fees.initial(baseFee, rpc.maxPriorityFeePerGas(), minTipWei, feeCapWei);
        String self = signer.address().toLowerHex();
        RpcErrorException last = null;
        for (int attempt = 0; attempt < maxAttempts && fees != null; attempt++) {
            SignedTransaction tx = signer.sign(nonce, fees, CANCEL_GAS, self, "0x");
            try {
                broadcaster.broadcast(tx);
                return Optional.of(tx);
            } catch (RpcErrorException e) {
                last = e;
                String message = e.getMessage().toLowerCase(Locale.ROOT);
                if (message.contains("nonce too low")) {
                    log.info("rail B nonce recovery: nonce {} was mined meanwhile", nonce);
                    return Optional.empty();
                }
                if (!message.contains("underpriced")) {
                    throw e;
                }
                fees = fees.bumped(bumpPercent, feeCapWei);
            }
        }
        throw new RpcErrorException("eth_sendRawTransaction", last == null ? 0 : last.code(),
                "cancellation of nonce " + nonce + " stayed underpriced up to the fee cap");
    }
}
