package io.velocity.chain;

import java.math.BigInteger;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A transaction that was mined successfully.
 *
 * @param request      what was sent
 * @param from         the sender
 * @param hash         the hash that was mined (the last replacement or an earlier one)
 * @param nonce        its nonce
 * @param receipt      the receipt (logs, block)
 * @param gas          estimate vs actual
 * @param replacements how many times it was re-sent with higher fees before being mined
 */
public record MinedTransaction(TransactionRequest request, Address from, String hash, BigInteger nonce, TransactionReceipt receipt,
        GasUsage gas, int replacements) {

    /** Rejects missing values. */
    public MinedTransaction {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(receipt, "receipt");
        Objects.requireNonNull(gas, "gas");
    }

    /** @return the block the transaction was mined in */
    public BigInteger blockNumber() {
        return receipt.getBlockNumber();
    }
}
