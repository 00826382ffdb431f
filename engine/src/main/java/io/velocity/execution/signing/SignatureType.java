package io.velocity.execution.signing;

/**
 * How the exchange checks an order's signature ({@code uint8 signatureType}). It decides which
 * address goes in {@code maker} and which in {@code signer}.
 */
public enum SignatureType {
    /** Plain key: maker = signer = the key's address. */
    EOA(0),
    /** Polymarket proxy wallet (email/Magic accounts): maker = the proxy, signer = the key's address. */
    POLY_PROXY(1),
    /** Gnosis Safe wallet: maker = the safe, signer = the key's address (an owner). */
    POLY_GNOSIS_SAFE(2),
    /**
     * Smart-contract wallet verified through ERC-1271 {@code isValidSignature}: maker = signer = the
     * wallet contract, and the signing key belongs to whoever the wallet trusts.
     */
    POLY_1271(3);

    private final int code;

    SignatureType(int code) {
        this.code = code;
    }

    /** The on-chain code 0..3. */
    public int code() {
        return code;
    }

    /** True when the exchange recovers the signing key's address and compares it with {@code signer}. */
    public boolean signerIsKeyAddress() {
        return this != POLY_1271;
    }

    /**
     * The signature type for an on-chain code.
     *
     * @throws IllegalArgumentException when {@code code} is not 0..3
     */
    public static SignatureType fromCode(int code) {
        return switch (code) {
            case 0 -> EOA;
            case 1 -> POLY_PROXY;
            case 2 -> POLY_GNOSIS_SAFE;
            case 3 -> POLY_1271;
            default -> throw new IllegalArgumentException(
                    "signatureType: must be 0 (EOA), 1 (POLY_PROXY), 2 (POLY_GNOSIS_SAFE) or 3 (POLY_1271), was " + code);
        };
    }
}
