package io.velocity.execution.signing;

/** Names of the CLOB authentication headers (L1 and L2). */
public final class ClobHeaders {

    /** The wallet address (L1 and L2). */
    public static final String POLY_ADDRESS = "POLY_ADDRESS";
    /** EIP-712 signature (L1) or HMAC-SHA256 signature (L2). */
    public static final String POLY_SIGNATURE = "POLY_SIGNATURE";
    /** Unix time in seconds, as a decimal string (L1 and L2). */
    public static final String POLY_TIMESTAMP = "POLY_TIMESTAMP";
    /** The ClobAuth nonce (L1 only). */
    public static final String POLY_NONCE = "POLY_NONCE";
    /** The API key (L2 only). */
    public static final String POLY_API_KEY = "POLY_API_KEY";
    /** The API passphrase (L2 only). */
    public static final String POLY_PASSPHRASE = "POLY_PASSPHRASE";

    private ClobHeaders() {
    }
}
