package io.velocity.execution.signing;

import java.util.Arrays;

/**
 * An order with its EIP-712 order hash and 65-byte signature, ready for the POST body. Immutable;
 * arrays are copied in and out.
 *
 * @param order     the signed order
 * @param orderHash the 32-byte EIP-712 digest that was signed
 * @param signature the 65-byte {@code r || s || v} signature, v = 27 or 28
 */
public record SignedOrder(ClobOrder order, byte[] orderHash, byte[] signature) {

    /**
     * Copies and checks the arrays.
     *
     * @throws IllegalArgumentException when a field is missing or has the wrong length
     */
    public SignedOrder {
        if (order == null) {
            throw new IllegalArgumentException("order: required");
        }
        if (orderHash == null || orderHash.length != Keccak256.HASH_LENGTH) {
            throw new IllegalArgumentException("orderHash: must be " + Keccak256.HASH_LENGTH + " bytes");
        }
        if (signature == null || signature.length != Secp256k1Signer.SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature: must be " + Secp256k1Signer.SIGNATURE_LENGTH + " bytes");
        }
        orderHash = orderHash.clone();
        signature = signature.clone();
    }

    /** A copy of the 32-byte order hash. */
    @Override
    public byte[] orderHash() {
        return orderHash.clone();
    }

    /** A copy of the 65-byte signature. */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The order hash as {@code 0x} + 64 lower-case hex digits. */
    public String orderHashHex() {
        return Hex.encode(orderHash);
    }

    /** The signature as {@code 0x} + 130 lower-case hex digits, the form the POST body carries. */
    public String signatureHex() {
        return Hex.encode(signature);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SignedOrder o
                && order.equals(o.order)
                && Arrays.equals(orderHash, o.orderHash)
                && Arrays.equals(signature, o.signature);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * order.hashCode() + Arrays.hashCode(orderHash)) + Arrays.hashCode(signature);
    }

    @Override
    public String toString() {
        return "SignedOrder[orderHash=" + orderHashHex() + ", signature=" + signatureHex() + ", order=" + order + "]";
    }
}
