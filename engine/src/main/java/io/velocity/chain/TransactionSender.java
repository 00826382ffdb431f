package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Sends EIP-1559 contract calls from one account and follows each until it is mined:
 * gas estimated and multiplied by a safety margin, nonce from a {@link NonceSource}, fees from the
 * node capped by policy, and replace-by-fee (same nonce, fees raised) whenever a transaction has
 * no receipt after {@link TransactionPolicy#replaceAfter()}.
 *
 * <p>Each step is reported to a {@link TransactionObserver}, so estimates and actual gas are
 * recorded for every transaction and a transaction still pending at shutdown can be resumed
 * ({@link PendingTransaction#restore}). Calls block the calling thread (never the engine thread).
 * Safe for several threads: each transaction is followed by the thread that sent it.
 *
 * <p>Broadcasting is idempotent where the chain allows: a broadcast whose reply was lost and that
 * is retried is recognised ("already known", or "nonce too low" for a transaction the node
 * already holds) instead of being sent again under a new nonce.
 */
public final class TransactionSender {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionSender.class);
    /** Max fee = 2 × base fee + tip: still includable after ~6 consecutive full blocks (+12.5 % each). */
    private static final BigInteger BASE_FEE_MULTIPLIER = BigInteger.TWO;
    private static final int MAX_NONCE_RETRIES = 3;

    private final RpcClient rpc;
    private final TransactionSigner signer;
    private final NonceSource nonces;
    private final TransactionPolicy policy;
    private final TransactionObserver observer;

    /**
     * @param rpc      the chain
     * @param signer   the paying account
     * @param nonces   where nonces come from
     * @param policy   gas margin, fee cap, replacement and timeout settings
     * @param observer told about every broadcast and outcome
     */
    public TransactionSender(RpcClient rpc, TransactionSigner signer, NonceSource nonces, TransactionPolicy policy,
            TransactionObserver observer) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.signer = Objects.requireNonNull(signer, "signer");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /** @return the account that sends */
    public Address address() {
        return signer.address();
    }

    /** @return the policy in use */
    public TransactionPolicy policy() {
        return policy;
    }

    /**
     * Broadcasts and waits until mined: {@link #broadcast} then {@link #await}.
     *
     * @param request the call
     * @return the mined transaction
     */
    public MinedTransaction send(TransactionRequest request) {
        return await(broadcast(request));
    }

    /**
     * Estimates, signs and broadcasts a call.
     *
     * @param request the call
     * @return the broadcast transaction, to pass to {@link #await}
     * @throws ExecutionRevertedException if the estimate shows the call would revert (nothing sent)
     * @throws RpcErrorException          if the node refused the transaction (nonce released)
     */
    public PendingTransaction broadcast(TransactionRequest request) {
        Address from = signer.address();
        BigInteger nodeEstimate = rpc.estimateGas(from.getValue(), request.to().getValue(), request.data(),
                BigInteger.ZERO);
        BigInteger gasLimit = policy.gasLimit(nodeEstimate);
        BigInteger estimate = rpc.simulatedGasUsed(from.getValue(), request.to().getValue(), request.data())
                .orElse(nodeEstimate);
        Fees fees = initialFees();
        for (int attempt = 1; ; attempt++) {
            BigInteger nonce = nonces.reserve(from);
            PendingTransaction pending = new PendingTransaction(request, from, nonce, estimate, nodeEstimate, gasLimit,
                    fees.tip, fees.cap);
            String signed = sign(pending, fees);
            String hash = Hash.sha3(signed);
            try {
                rpc.sendRawTransaction(signed);
            } catch (RpcErrorException e) {
                if (isAlreadyKnown(e) || (isNonceTooLow(e) && nodeHas(hash))) {
                    LOG.debug("{} {} was already with the node ({})", request.purpose(), hash, e.getMessage());
                } else if (isNonceTooLow(e) && attempt < MAX_NONCE_RETRIES) {
                    LOG.warn("Nonce {} of {} is already used; asking the chain for a fresh one", nonce, from);
                    nonces.resync(from);
                    continue;
                } else {
                    nonces.release(from, nonce);
                    throw e;
                }
            } catch (RpcTransportException e) {
                // The node may have taken it before the reply was lost: track the hash; if it never
                // appears, the replacement with the same nonce covers the other case.
                LOG.warn("Broadcast of {} {} (nonce {}) is unconfirmed: {}; tracking it", request.purpose(), hash, nonce,
                        e.getMessage());
            }
            pending.broadcastAs(hash, fees.tip, fees.cap, System.nanoTime());
            LOG.info("Sent {} {} as {} from {} (nonce {}, gas estimate {}, eth_estimateGas {}, limit {}, tip {} wei, "
                    + "fee cap {} wei)", request.purpose(), request.reference(), hash, from, nonce, estimate, nodeEstimate,
                    gasLimit, fees.tip, fees.cap);
            notifyObserver(() -> observer.onBroadcast(pending));
            return pending;
        }
    }

    /**
     * Follows a broadcast transaction until one of its hashes is mined, replacing it with higher
     * fees whenever it waits longer than {@link TransactionPolicy#replaceAfter()}.
     *
     * @param pending from {@link #broadcast} or {@link PendingTransaction#restore}
     * @return the mined transaction with its gas usage
     * @throws TransactionRevertedException if it was mined and reverted
     * @throws TransactionDroppedException  if its nonce was used by another transaction
     * @throws TransactionPendingException  if nothing was mined within {@link TransactionPolicy#timeout()};
     *                                      call again later with the same {@code pending}
     */
    public MinedTransaction await(PendingTransaction pending) {
        long deadline = System.nanoTime() + policy.timeout().toNanos();
        while (true) {
            Optional<Mined> mined = findReceipt(pending);
            if (mined.isPresent()) {
                return complete(pending, mined.get());
            }
            if (rpc.minedNonce(pending.from().getValue()).compareTo(pending.nonce()) > 0) {
                // The nonce is used. Look once more: the receipt may have appeared after the first look.
                mined = findReceipt(pending);
                if (mined.isPresent()) {
                    return complete(pending, mined.get());
                }
                notifyObserver(() -> observer.onDropped(pending));
                throw new TransactionDroppedException(pending.request().purpose() + " " + pending.request().reference()
                        + ": nonce " + pending.nonce() + " of " + pending.from()
                        + " was used by another transaction; none of " + pending.hashes() + " can be mined");
            }
            long now = System.nanoTime();
            if (now - pending.lastBroadcastNanos() >= policy.replaceAfter().toNanos()) {
                replace(pending, now);
            }
            if (now - deadline >= 0) {
                throw new TransactionPendingException(pending.latestHash(), pending.request().purpose() + " "
                        + pending.request().reference() + " still pending after " + policy.timeout().toSeconds()
                        + " s (nonce " + pending.nonce() + ", " + pending.replacements() + " replacements)");
            }
            pause();
        }
    }

    // ------------------------------------------------------------------ internals

    private record Fees(BigInteger tip, BigInteger cap) {
    }

    private record Mined(String hash, TransactionReceipt receipt) {
    }

    private Fees initialFees() {
        BigInteger tip = rpc.maxPriorityFeePerGas();
        BigInteger baseFee = rpc.latestBaseFee();
        BigInteger cap = baseFee.multiply(BASE_FEE_MULTIPLIER).add(tip);
        if (cap.compareTo(policy.maxFeePerGasWei()) > 0) {
            cap = policy.maxFeePerGasWei();
            LOG.warn("Fee cap limited to {} wei by policy (base fee {} wei, tip {} wei)", cap, baseFee, tip);
        }
        if (cap.compareTo(baseFee) < 0) {
            LOG.warn("Fee cap {} wei is below the base fee {} wei: the transaction waits until the base fee falls",
                    cap, baseFee);
        }
        return new Fees(tip.min(cap), cap);
    }

    private String sign(PendingTransaction pending, Fees fees) {
        RawTransaction raw = RawTransaction.createTransaction(rpc.chainId(), pending.nonce(), pending.gasLimit(),
                pending.request().to().getValue(), BigInteger.ZERO, pending.request().data(), fees.tip, fees.cap);
        return signer.sign(raw);
    }

    private Optional<Mined> findReceipt(PendingTransaction pending) {
        List<String> hashes = pending.hashes();
        // Newest first: after a replacement, the replacement is the likely one to be mined.
        for (int i = hashes.size() - 1; i >= 0; i--) {
            String hash = hashes.get(i);
            Optional<TransactionReceipt> receipt = rpc.transactionReceipt(hash);
            if (receipt.isPresent()) {
                return Optional.of(new Mined(hash, receipt.get()));
            }
        }
        return Optional.empty();
    }

    private MinedTransaction complete(PendingTransaction pending, Mined mined) {
        TransactionReceipt receipt = mined.receipt();
        GasUsage gas = new GasUsage(pending.gasEstimate(), pending.nodeGasEstimate(), pending.gasLimit(),
                receipt.getGasUsed(), effectiveGasPrice(receipt, pending));
        TransactionRequest request = pending.request();
        if (!receipt.isStatusOK()) {
            RevertReason reason = replayForReason(pending, receipt.getBlockNumber());
            LOG.warn("{} {} ({}) reverted in block {}: {}; {}", request.purpose(), request.reference(), mined.hash(),
                    receipt.getBlockNumber(), reason.message(), gas.describe());
            notifyObserver(() -> observer.onReverted(pending, mined.hash(), gas, reason));
            throw new TransactionRevertedException(mined.hash(), reason);
        }
        MinedTransaction result = new MinedTransaction(request, pending.from(), mined.hash(), pending.nonce(), receipt, gas,
                pending.replacements());
        LOG.info("{} {} mined as {} in block {}: {}{}", request.purpose(), request.reference(), mined.hash(),
                receipt.getBlockNumber(), gas.describe(),
                result.replacements() == 0 ? "" : " after " + result.replacements() + " fee replacements");
        notifyObserver(() -> observer.onMined(result));
        return result;
    }

    private void replace(PendingTransaction pending, long now) {
        BigInteger suggestedTip = rpc.maxPriorityFeePerGas();
        BigInteger baseFee = rpc.latestBaseFee();
        BigInteger minimumCap = policy.bump(pending.maxFeePerGas());
        BigInteger tip = policy.bump(pending.maxPriorityFeePerGas()).max(suggestedTip);
        BigInteger cap = minimumCap.max(baseFee.multiply(BASE_FEE_MULTIPLIER).add(tip));
        if (cap.compareTo(policy.maxFeePerGasWei()) > 0) {
            cap = policy.maxFeePerGasWei();
        }
        if (cap.compareTo(minimumCap) < 0) {
            pending.markReplacementAttempt(now);
            LOG.warn("{} {} ({}) has waited {} s but cannot be replaced: the next fee cap would exceed the policy's {} wei",
                    pending.request().purpose(), pending.request().reference(), pending.latestHash(),
                    policy.replaceAfter().toSeconds(), policy.maxFeePerGasWei());
            return;
        }
        Fees fees = new Fees(tip.min(cap), cap);
        String signed = sign(pending, fees);
        String hash = Hash.sha3(signed);
        try {
            rpc.sendRawTransaction(signed);
        } catch (RpcErrorException e) {
            if (isAlreadyKnown(e)) {
                LOG.debug("Replacement {} was already with the node", hash);
            } else if (isUnderpriced(e)) {
                // Remember the attempted fees so the next bump starts above them.
                pending.broadcastAs(pending.latestHash(), fees.tip, fees.cap, now);
                LOG.warn("Replacement of {} refused as underpriced ({}); bumping further next time", pending.latestHash(),
                        e.getMessage());
                return;
            } else {
                // Typically "nonce too low": one of the earlier hashes has just been mined; the next poll finds it.
                pending.markReplacementAttempt(now);
                LOG.warn("Replacement of {} refused: {}", pending.latestHash(), e.getMessage());
                return;
            }
        } catch (RpcTransportException e) {
            LOG.warn("Broadcast of replacement {} is unconfirmed: {}; tracking it", hash, e.getMessage());
        }
        String replaced = pending.latestHash();
        pending.broadcastAs(hash, fees.tip, fees.cap, now);
        LOG.info("Replaced {} {} ({}) with {} (nonce {}, tip {} wei, fee cap {} wei)", pending.request().purpose(),
                pending.request().reference(), replaced, hash, pending.nonce(), fees.tip, fees.cap);
        notifyObserver(() -> observer.onBroadcast(pending));
    }

    private boolean nodeHas(String hash) {
        try {
            return rpc.transactionByHash(hash).isPresent() || rpc.transactionReceipt(hash).isPresent();
        } catch (RpcException e) {
            LOG.warn("Cannot check whether the node holds {}: {}", hash, e.getMessage());
            return false;
        }
    }

    private RevertReason replayForReason(PendingTransaction pending, BigInteger blockNumber) {
        // Replay on the state before the block: the state after it already contains the effects of the block.
        BigInteger parent = blockNumber.signum() > 0 ? blockNumber.subtract(BigInteger.ONE) : blockNumber;
        try {
            rpc.call(pending.from().getValue(), pending.request().to().getValue(), pending.request().data(),
                    DefaultBlockParameter.valueOf(parent));
            return new RevertReason("reverted in block " + blockNumber + " (replay succeeds; order-dependent)",
                    RevertReason.Kind.NO_DATA, "");
        } catch (ExecutionRevertedException e) {
            return e.reason();
        } catch (RpcException e) {
            return new RevertReason("reverted in block " + blockNumber + " (replay failed: " + e.getMessage() + ")",
                    RevertReason.Kind.NO_DATA, "");
        }
    }

    private static BigInteger effectiveGasPrice(TransactionReceipt receipt, PendingTransaction pending) {
        String raw = receipt.getEffectiveGasPrice();
        return raw == null || raw.isBlank() ? pending.maxFeePerGas() : Numeric.decodeQuantity(raw);
    }

    private void pause() {
        try {
            TimeUnit.NANOSECONDS.sleep(policy.receiptPollInterval().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTransportException("interrupted while waiting for a transaction receipt", e);
        }
    }

    private void notifyObserver(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("Transaction observer failed; the transaction is unaffected", e);
        }
    }

    private static boolean isAlreadyKnown(RpcErrorException e) {
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("already known") || message.contains("already imported")
                || message.contains("known transaction");
    }

    private static boolean isNonceTooLow(RpcErrorException e) {
        String message = e.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("nonce too low") || message.contains("nonce has already been used")
                || message.contains("oldnonce");
    }

    private static boolean isUnderpriced(RpcErrorException e) {
        return e.getMessage().toLowerCase(Locale.ROOT).contains("underpriced");
    }
}
