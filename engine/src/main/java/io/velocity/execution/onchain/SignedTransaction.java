package io.velocity.execution.onchain;

/**
 * A signed EIP-1559 transaction ready to broadcast.
 *
 * @param rawHex   the signed, typed, RLP-encoded bytes as {@code 0x}-hex
 * @param hash     its transaction hash (known before broadcasting)
 * @param nonce    sender nonce
 * @param fees     fees per gas
 * @param gasLimit gas limit
 * @param to       recipient
 * @param data     call data
 */
public record SignedTransaction(String rawHex, String hash, long nonce, Fees fees, long gasLimit, String to,
                                String data) {
}
