package io.velocity.execution.signing;

/**
 * Signs CLOB V2 orders for one exchange on one chain with one key. Precomputes the EIP-712 domain
 * separator and type hash (via {@link OrderHasher}) and refuses orders the exchange would reject
 * for an address mismatch, so a wiring mistake fails here and not as a venue rejection.
 *
 * <p>The key is borrowed, not owned: several signers (ordinary and neg-risk exchange) can share one
 * {@link Secp256k1Signer}, and closing that key disables them all.
 *
 * <p><b>Not thread-safe</b>: an instance reuses its hashing buffers. Keep one per sending thread
 * (Rail A's sender owns its own) or synchronise externally.
 */
public final class OrderSigner {

    private final OrderHasher hasher;
    private final Secp256k1Signer key;

    /**
     * A signer for orders on {@code exchange} at {@code chainId}, signed by {@code key}.
     *
     * @throws IllegalArgumentException when {@code chainId} is not positive or an argument is null
     */
    public OrderSigner(long chainId, EthAddress exchange, Secp256k1Signer key) {
        if (key == null) {
            throw new IllegalArgumentException("key: required");
        }
        this.hasher = new OrderHasher(chainId, exchange);
        this.key = key;
    }

    /** The address of the signing key; {@code order.signer()} must equal it except for POLY_1271. */
    public EthAddress signerAddress() {
        return key.address();
    }

    /** The chain id of the signing domain. */
    public long chainId() {
        return hasher.chainId();
    }

    /** The exchange (verifying contract) of the signing domain. */
    public EthAddress exchange() {
        return hasher.exchange();
    }

    /** The EIP-712 order hash this signer would sign for {@code order}. */
    public byte[] orderHash(ClobOrder order) {
        return hasher.orderHash(order);
    }

    /**
     * Hashes and signs {@code order}.
     *
     * @throws IllegalArgumentException when {@code order.signer()} is not this key's address (for
     *                                  EOA, POLY_PROXY and POLY_GNOSIS_SAFE), or when maker and
     *                                  signer differ for EOA and POLY_1271 — the exchange rejects
     *                                  both
     * @throws IllegalStateException    when the key is closed
     */
    public SignedOrder sign(ClobOrder order) {
        if (order == null) {
            throw new IllegalArgumentException("order: required");
        }
        SignatureType type = order.signatureType();
        if (type.signerIsKeyAddress() && !order.signer().equals(key.address())) {
            throw new IllegalArgumentException("order.signer: " + order.signer() + " is not the signing key's address "
                    + key.address() + "; the exchange would reject the signature");
        }
        if ((type == SignatureType.EOA || type == SignatureType.POLY_1271) && !order.maker().equals(order.signer())) {
            throw new IllegalArgumentException("order.maker: must equal order.signer for signatureType " + type
                    + ", was " + order.maker() + " vs " + order.signer());
        }
        byte[] hash = hasher.orderHash(order);
        return new SignedOrder(order, hash, key.sign(hash));
    }

    @Override
    public String toString() {
        return "OrderSigner[chainId=" + hasher.chainId() + ", exchange=" + hasher.exchange()
                + ", signer=" + key.address() + "]";
    }
}
