package io.velocity.execution.onchain;

import io.velocity.chain.RpcClient;
import io.velocity.chain.RpcErrorException;
import io.velocity.chain.RpcException;
import io.velocity.chain.RpcTransportException;
import io.velocity.chain.Simulation;
import io.velocity.execution.ChainFill;
import io.velocity.execution.PreparedOrder;
import io.velocity.execution.RailB;
import io.velocity.risk.KillSwitch;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Rail B: raw EIP-1559 transactions calling the exchange's {@code fillOrders} with the very order
 * Rail A was given (same signature, same hash), the sender being the counterparty. Each attempt:
 * {@code eth_call} simulation (a revert refuses the attempt before anything is sent, and the rail
 * reports itself unavailable with the reason), gas estimate with headroom under the configured
 * cap, fees from the latest base fee, a nonce from the {@link NonceSource}, the kill-switch check,
 * the broadcast (RPC or private relay), then the {@link TransactionTracker} until it mines.
 *
 * <p>Blocking chain calls run on the rail's own thread; {@link #fill} returns at once.
 */
public final class ChainRail implements RailB {
    private static final Logger log = LoggerFactory.getLogger(ChainRail.class);
    static final String HEALTH = "rail-b";
    private static final BigInteger GAS_HEADROOM_NUM = BigInteger.valueOf(5);
    private static final BigInteger GAS_HEADROOM_DEN = BigInteger.valueOf(4);

    private final RpcClient rpc;
    private final Eip1559Signer signer;
    private final NonceSource nonces;
    private final Broadcaster broadcaster;
    private final TransactionTracker tracker;
    private final KillSwitch killSwitch;
    private final HealthRegistry health;
    private final Limits limits;
    private final ExecutorService executor =
            Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("rail-b").daemon().unstarted(r));
    private volatile String unavailable;

    /**
     * Gas and fee limits.
     *
     * @param maxGasLimit largest gas limit sent
     * @param minTipWei   lowest priority fee per gas
     * @param feeCapWei   highest max fee per gas
     */
    public record Limits(long maxGasLimit, BigInteger minTipWei, BigInteger feeCapWei) {
    }

    public ChainRail(RpcClient rpc, Eip1559Signer signer, NonceSource nonces, Broadcaster broadcaster,
                     TransactionTracker tracker, KillSwitch killSwitch, HealthRegistry health, Limits limits) {
        this.rpc = rpc;
        this.signer = signer;
        this.nonces = nonces;
        this.broadcaster = broadcaster;
        this.tracker = tracker;
        this.killSwitch = killSwitch;
        this.health = health;
        this.limits = limits;
    }

    @Override
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public CompletableFuture<ChainFill> fill(PreparedOrder order) {
        return CompletableFuture.supplyAsync(() -> send(order), executor)
                .thenCompose(f -> f)
                .exceptionally(e -> {
                    Throwable cause = e.getCause() != null ? e.getCause() : e;
                    return ChainFill.failed(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
                });
    }

    private CompletableFuture<ChainFill> send(PreparedOrder order) {
        String from = signer.address().toLowerHex();
        String exchange = order.exchange();
        long making = order.signed().order().makerAmount();
        String data = ExchangeCalls.fillOrders(List.of(order.signed()), List.of(making));

        Simulation simulation = rpc.simulate(from, exchange, data);
        if (simulation.reverted()) {
            String reason = simulation.revert().map(r -> r.message()).orElse("reverted");
            unavailable = reason + " (eth_call from " + signer.address() + " to the exchange reverted)";
            health.report(HEALTH, HealthState.DOWN, "refused in simulation: " + reason);
            log.warn("rail B refused order {}: simulation reverted with '{}'; nothing sent", order.orderId(), reason);
            return CompletableFuture.completedFuture(ChainFill.refused(reason));
        }
        unavailable = null;
        BigInteger estimate = rpc.estimateGas(from, exchange, data, BigInteger.ZERO);
        BigInteger gasLimit = estimate.multiply(GAS_HEADROOM_NUM).divide(GAS_HEADROOM_DEN);
        if (gasLimit.compareTo(BigInteger.valueOf(limits.maxGasLimit())) > 0) {
            return CompletableFuture.completedFuture(ChainFill.refused("gas estimate " + estimate
                    + " with headroom exceeds execution.railB.maxGasLimit " + limits.maxGasLimit()));
        }
        BigInteger baseFee = Optional.ofNullable(rpc.latestBlock().getBaseFeePerGas()).orElse(BigInteger.ZERO);
        Fees fees = Fees.initial(baseFee, rpc.maxPriorityFeePerGas(), limits.minTipWei(), limits.feeCapWei());
        long floor = rpc.pendingNonce(from).longValueExact();

        long nonce = nonces.next(signer.chainId(), from, floor);
        SignedTransaction tx = signer.sign(nonce, fees, gasLimit.longValueExact(), exchange, data);
        // The kill-switch check immediately before the transaction leaves the process.
        if (killSwitch.isHalted()) {
            nonces.reset(signer.chainId(), from, nonce); // this thread is the only allocator user: give it back
            return CompletableFuture.completedFuture(ChainFill.failed("kill switch engaged"));
        }
        try {
            broadcaster.broadcast(tx);
        } catch (RpcErrorException e) {
            // The node refused the bytes: the nonce was not consumed.
            nonces.reset(signer.chainId(), from, nonce);
            health.report(HEALTH, HealthState.DEGRADED, "broadcast refused: " + e.getMessage());
            return CompletableFuture.completedFuture(ChainFill.failed("broadcast refused: " + e.getMessage()));
        } catch (RpcTransportException e) {
            // The node may hold it: watch the hash (the tracker rebroadcasts it bumped if it never shows up).
            log.warn("rail B broadcast of {} (nonce {}) got no answer; watching it: {}", tx.hash(), nonce, e.getMessage());
        }
        health.report(HEALTH, HealthState.UP, "sent " + tx.hash());
        log.info("rail B sent fill of order {} as {} (nonce {}, gas {}, {})", order.orderId(), tx.hash(), nonce,
                gasLimit, fees);
        return tracker.track(tx).handle((mined, error) -> error != null
                ? new ChainFill(ChainFill.Outcome.FAILED, tx.hash(), describe(error), 0, 0, 0, BigInteger.ZERO, 0)
                : result(order, mined));
    }

    private ChainFill result(PreparedOrder order, Mined mined) {
        TransactionReceipt r = mined.receipt();
        BigInteger gasUsed = r.getGasUsed() == null ? BigInteger.ZERO : r.getGasUsed();
        BigInteger price = r.getEffectiveGasPrice() == null ? BigInteger.ZERO : Numeric.decodeQuantity(r.getEffectiveGasPrice());
        BigInteger cost = gasUsed.multiply(price);
        String hash = mined.transaction().hash();
        if (mined.cancelled()) {
            return new ChainFill(ChainFill.Outcome.REVERTED, hash, "cancelled before it mined (kill switch)", 0, 0,
                    gasUsed.longValue(), cost, mined.replacements());
        }
        if (!r.isStatusOK()) {
            return new ChainFill(ChainFill.Outcome.REVERTED, hash, "reverted on chain in block " + r.getBlockNumber(),
                    0, 0, gasUsed.longValue(), cost, mined.replacements());
        }
        String orderHash = order.orderId().toLowerCase(Locale.ROOT);
        for (Log l : r.getLogs()) {
            List<String> topics = l.getTopics();
            if (topics.size() >= 2 && ExchangeCalls.ORDER_FILLED_TOPIC.equalsIgnoreCase(topics.get(0))
                    && orderHash.equalsIgnoreCase(topics.get(1))) {
                byte[] words = Numeric.hexStringToByteArray(l.getData());
                long making = word(words, 2);
                long taking = word(words, 3);
                return new ChainFill(ChainFill.Outcome.FILLED, hash, "", making, taking, gasUsed.longValue(), cost,
                        mined.replacements());
            }
        }
        return new ChainFill(ChainFill.Outcome.REVERTED, hash, "mined without an OrderFilled event for the order", 0, 0,
                gasUsed.longValue(), cost, mined.replacements());
    }

    private static long word(byte[] data, int index) {
        return new BigInteger(1, java.util.Arrays.copyOfRange(data, index * 32, index * 32 + 32)).longValueExact();
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && !(error instanceof RpcException) ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        tracker.close();
    }
}
