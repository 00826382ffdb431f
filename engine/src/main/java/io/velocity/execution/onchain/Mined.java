package io.velocity.execution.onchain;

import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A tracked transaction that made it into a block.
 *
 * @param receipt      its receipt
 * @param transaction  the version that was mined (the original or a fee-bumped replacement)
 * @param replacements how many times it was replaced before mining
 * @param cancelled    true when the mined version is a cancellation (a zero-value self-transfer
 *                     that took the nonce because the kill switch was engaged)
 */
public record Mined(TransactionReceipt receipt, SignedTransaction transaction, int replacements, boolean cancelled) {
}
