package io.velocity.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Signs and sends EIP-1559 transactions from one key and waits for their receipts.
 *
 * <p>Meant for straightforward, low-rate transactions (deployments, approvals, splits,
 * redemptions): the nonce is read from the node's pending count for each transaction and
 * transactions from one submitter are serialised. High-rate order flow with replace-by-fee
 * belongs to the execution layer's nonce manager.
 *
 * <p>Every transaction is first estimated: a transaction that would revert fails with
 * {@link ExecutionRevertedException} before any gas is spent. The key never leaves the
 * {@link Credentials} object and is never logged.
 */
public final class TransactionSubmitter {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionSubmitter.class);

    /** Gas limit = estimate × 5/4: state can change between estimate and inclusion. */
    private static final long GAS_HEADROOM_NUMERATOR = 5;
    private static final long GAS_HEADROOM_DENOMINATOR = 4;
    /** Max fee = 2 × base fee + tip: still includable after ~6 consecutive full blocks (+12.5 % each). */
    private static final BigInteger BASE_FEE_MULTIPLIER = BigInteger.TWO;

    private final RpcClient rpc;
    private final Credentials credentials;
    private final Duration receiptTimeout;
    private final Duration pollInterval;

    /**
     * @param rpc            client for the chain to send to
     * @param credentials    the signing key
     * @param receiptTimeout how long to wait for a receipt before reporting the transaction as pending
     * @param pollInterval   how often to ask for the receipt
     */
    public TransactionSubmitter(RpcClient rpc, Credentials credentials, Duration receiptTimeout, Duration pollInterval) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.receiptTimeout = Objects.requireNonNull(receiptTimeout, "receiptTimeout");
        this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("pollInterval must be positive");
        }
    }

    /** @return the sender address ({@code 0x}-hex, lowercase) */
    public String address() {
        return credentials.getAddress();
    }

    /**
     * Sends a contract call and waits until it is mined.
     *
     * @param to   contract address
     * @param data ABI-encoded call data
     * @return the successful receipt
     * @throws ExecutionRevertedException   if the estimate shows the call would revert (nothing sent)
     * @throws TransactionRevertedException if it was mined and reverted
     * @throws TransactionPendingException  if no receipt appeared in time
     */
    public TransactionReceipt execute(String to, String data) {
        Objects.requireNonNull(to, "to");
        return submit(to, data);
    }

    /**
     * Deploys a contract and waits until it is mined.
     *
     * @param creationCode bytecode followed by the ABI-encoded constructor arguments
     * @return the successful receipt; {@link TransactionReceipt#getContractAddress()} is the new contract
     */
    public TransactionReceipt deploy(String creationCode) {
        return submit(null, creationCode);
    }

    private synchronized TransactionReceipt submit(String to, String data) {
        String from = credentials.getAddress();
        BigInteger estimate = rpc.estimateGas(from, to, data, BigInteger.ZERO);
        BigInteger gasLimit = estimate.multiply(BigInteger.valueOf(GAS_HEADROOM_NUMERATOR))
                .divide(BigInteger.valueOf(GAS_HEADROOM_DENOMINATOR));
        BigInteger tip = rpc.maxPriorityFeePerGas();
        BigInteger baseFee = Optional.ofNullable(rpc.latestBlock().getBaseFeePerGas()).orElse(BigInteger.ZERO);
        BigInteger maxFee = baseFee.multiply(BASE_FEE_MULTIPLIER).add(tip);
        BigInteger nonce = rpc.pendingNonce(from);

        RawTransaction raw = RawTransaction.createTransaction(rpc.chainId(), nonce, gasLimit,
                to == null ? "" : to, BigInteger.ZERO, data, tip, maxFee);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, credentials));
        String hash = broadcast(signed);
        LOG.info("Sent transaction {} from {} to {} (nonce {}, gas limit {})", hash, from,
                to == null ? "<create>" : to, nonce, gasLimit);

        TransactionReceipt receipt = awaitReceipt(hash);
        if (!receipt.isStatusOK()) {
            RevertReason reason = replayForReason(from, to, data, receipt.getBlockNumber());
            LOG.warn("Transaction {} reverted in block {}: {}", hash, receipt.getBlockNumber(), reason.message());
            throw new TransactionRevertedException(hash, reason);
        }
        return receipt;
    }

    private String broadcast(String signed) {
        // The hash is a function of the signed bytes, so it is known even if the node's answer is lost.
        String localHash = Hash.sha3(signed);
        try {
            String nodeHash = rpc.sendRawTransaction(signed);
            return nodeHash == null ? localHash : nodeHash;
        } catch (RpcErrorException e) {
            // A retried broadcast of bytes the node already has is a success, not a failure.
            if (e.getMessage().toLowerCase(Locale.ROOT).contains("already known")) {
                return localHash;
            }
            throw e;
        }
    }

    private TransactionReceipt awaitReceipt(String hash) {
        long deadline = System.nanoTime() + receiptTimeout.toNanos();
        while (true) {
            Optional<TransactionReceipt> receipt = rpc.transactionReceipt(hash);
            if (receipt.isPresent()) {
                return receipt.get();
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new TransactionPendingException(hash,
                        "no receipt for " + hash + " after " + receiptTimeout.toMillis() + " ms; still pending");
            }
            try {
                TimeUnit.NANOSECONDS.sleep(pollInterval.toNanos());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransactionPendingException(hash, "interrupted while waiting for " + hash);
            }
        }
    }

    private RevertReason replayForReason(String from, String to, String data, BigInteger blockNumber) {
        if (to == null) {
            return new RevertReason("contract creation reverted", RevertReason.Kind.NO_DATA, "");
        }
        // Replay on the state before the block: the state after it already contains the effects of the block.
        BigInteger parent = blockNumber.signum() > 0 ? blockNumber.subtract(BigInteger.ONE) : blockNumber;
        try {
            rpc.call(from, to, data, DefaultBlockParameter.valueOf(parent));
            // The replay passing means the revert depended on transactions earlier in the same block.
            return new RevertReason("reverted in block " + blockNumber + " (replay succeeds; order-dependent)",
                    RevertReason.Kind.NO_DATA, "");
        } catch (ExecutionRevertedException e) {
            return e.reason();
        }
    }
}
