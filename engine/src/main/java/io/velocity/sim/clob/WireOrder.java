package io.velocity.sim.clob;

import java.math.BigInteger;

/**
 * The {@code order} object of a {@code POST /order} body, parsed but not yet trusted.
 *
 * @param side          BUY or SELL as sent
 * @param timestamp     milliseconds
 * @param expiration    seconds, 0 for none (sent but not signed in V2)
 * @param metadata      0x-prefixed 32-byte hex
 * @param builder       0x-prefixed 32-byte hex
 * @param signature     0x-prefixed 65-byte hex
 */
public record WireOrder(BigInteger salt, String maker, String signer, BigInteger tokenId, long makerAmount, long takerAmount,
                        String side, int signatureType, long timestamp, long expiration, String metadata, String builder,
                        String signature) {
}
