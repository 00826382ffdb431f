package io.velocity.chain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * A transaction that has been broadcast and not yet seen mined: its nonce, its gas, its current
 * fees and every hash it has been broadcast under (one more per replacement). Whichever of those
 * hashes is mined completes it.
 *
 * <p>Owned by the thread that runs {@link TransactionSender#await}; read it from others only
 * through the copies its getters return. Persist {@link #hashes()}, {@link #nonce()} and the
 * fees to resume tracking after a restart ({@link #restore}).
 */
public final class PendingTransaction {

    private final TransactionRequest request;
    private final Address from;
    private final BigInteger nonce;
    private final BigInteger gasEstimate;
    private final BigInteger nodeGasEstimate;
    private final BigInteger gasLimit;
    private final List<String> hashes = new ArrayList<>();
    private BigInteger maxPriorityFeePerGas;
    private BigInteger maxFeePerGas;
    private long lastBroadcastNanos;

    PendingTransaction(TransactionRequest request, Address from, BigInteger nonce, BigInteger gasEstimate,
            BigInteger nodeGasEstimate, BigInteger gasLimit, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas) {
        this.request = Objects.requireNonNull(request, "request");
        this.from = Objects.requireNonNull(from, "from");
        this.nonce = Objects.requireNonNull(nonce, "nonce");
        this.gasEstimate = Objects.requireNonNull(gasEstimate, "gasEstimate");
        this.nodeGasEstimate = Objects.requireNonNull(nodeGasEstimate, "nodeGasEstimate");
        this.gasLimit = Objects.requireNonNull(gasLimit, "gasLimit");
        this.maxPriorityFeePerGas = Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
        this.maxFeePerGas = Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    }

    /**
     * Rebuilds a transaction sent by an earlier run (from the transaction table), so its tracking
     * and replacement continue with the same nonce instead of sending a second transaction.
     *
     * @param request              what was sent
     * @param from                 the sender
     * @param nonce                its nonce
     * @param gasEstimate          the expected gas used it was sent with
     * @param nodeGasEstimate      the node's {@code eth_estimateGas} it was sent with
     * @param gasLimit             the gas limit it was signed with
     * @param maxPriorityFeePerGas the tip of the latest broadcast
     * @param maxFeePerGas         the fee cap of the latest broadcast
     * @param hashes               every hash broadcast so far, oldest first (at least one)
     * @return the pending transaction; the next replacement is due one
     *         {@link TransactionPolicy#replaceAfter()} after the call
     */
    public static PendingTransaction restore(TransactionRequest request, Address from, BigInteger nonce,
            BigInteger gasEstimate, BigInteger nodeGasEstimate, BigInteger gasLimit, BigInteger maxPriorityFeePerGas,
            BigInteger maxFeePerGas, List<String> hashes) {
        if (hashes.isEmpty()) {
            throw new IllegalArgumentException("a pending transaction has at least one hash");
        }
        PendingTransaction pending = new PendingTransaction(request, from, nonce, gasEstimate, nodeGasEstimate,
                gasLimit, maxPriorityFeePerGas, maxFeePerGas);
        pending.hashes.addAll(hashes);
        pending.lastBroadcastNanos = System.nanoTime();
        return pending;
    }

    /** @return what is being sent */
    public TransactionRequest request() {
        return request;
    }

    /** @return the sender */
    public Address from() {
        return from;
    }

    /** @return the nonce every broadcast of this transaction uses */
    public BigInteger nonce() {
        return nonce;
    }

    /** @return the expected gas used (see {@link GasUsage}) */
    public BigInteger gasEstimate() {
        return gasEstimate;
    }

    /** @return the node's {@code eth_estimateGas}, which the gas limit derives from */
    public BigInteger nodeGasEstimate() {
        return nodeGasEstimate;
    }

    /** @return the gas limit signed */
    public BigInteger gasLimit() {
        return gasLimit;
    }

    /** @return the tip of the latest broadcast */
    public synchronized BigInteger maxPriorityFeePerGas() {
        return maxPriorityFeePerGas;
    }

    /** @return the fee cap of the latest broadcast */
    public synchronized BigInteger maxFeePerGas() {
        return maxFeePerGas;
    }

    /** @return every hash broadcast, oldest first */
    public synchronized List<String> hashes() {
        return List.copyOf(hashes);
    }

    /** @return the latest hash broadcast */
    public synchronized String latestHash() {
        return hashes.get(hashes.size() - 1);
    }

    /** @return how many times the transaction was replaced with higher fees */
    public synchronized int replacements() {
        return Math.max(0, hashes.size() - 1);
    }

    synchronized void broadcastAs(String hash, BigInteger tip, BigInteger feeCap, long nanos) {
        if (!hashes.contains(hash)) {
            hashes.add(hash);
        }
        this.maxPriorityFeePerGas = tip;
        this.maxFeePerGas = feeCap;
        this.lastBroadcastNanos = nanos;
    }

    synchronized void markReplacementAttempt(long nanos) {
        this.lastBroadcastNanos = nanos;
    }

    synchronized long lastBroadcastNanos() {
        return lastBroadcastNanos;
    }

    @Override
    public synchronized String toString() {
        return "PendingTransaction[" + request.purpose() + " " + request.reference() + ", from " + from
                + ", nonce " + nonce + ", hashes " + hashes + "]";
    }
}
