package io.velocity.execution.signing;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Level-1 CLOB authentication: an EIP-712 {@code ClobAuth} signature proving control of a wallet,
 * used to create ({@code POST /auth/api-key}) or derive ({@code GET /auth/derive-api-key}) API
 * credentials. Domain {@code ClobAuthDomain}, version {@code 1}, the chain id and no verifying
 * contract.
 *
 * <p>Immutable and thread-safe; L1 calls are rare, so each call allocates its own digest.
 */
public final class L1Auth {

    /** EIP-712 domain name. */
    public static final String DOMAIN_NAME = "ClobAuthDomain";
    /** EIP-712 domain version. */
    public static final String DOMAIN_VERSION = "1";
    /** The EIP-712 type string of the signed message. */
    public static final String CLOB_AUTH_TYPE =
            "ClobAuth(address address,string timestamp,uint256 nonce,string message)";
    /** The fixed attestation text the venue expects in {@code message}. */
    public static final String MESSAGE = "This message attests that I control the given wallet";

    private static final byte[] CLOB_AUTH_TYPE_HASH = Keccak256.hash(CLOB_AUTH_TYPE);
    private static final byte[] MESSAGE_HASH = Keccak256.hash(MESSAGE);

    private final long chainId;
    private final byte[] domainSeparator;

    /**
     * L1 authentication for {@code chainId} (137 for Polygon).
     *
     * @throws IllegalArgumentException when {@code chainId} is not positive
     */
    public L1Auth(long chainId) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId: must be positive, was " + chainId);
        }
        this.chainId = chainId;
        this.domainSeparator = Eip712.domainSeparator(DOMAIN_NAME, DOMAIN_VERSION, chainId, null);
    }

    /** The chain id of the domain. */
    public long chainId() {
        return chainId;
    }

    /**
     * The EIP-712 digest of {@code ClobAuth(address, timestamp, nonce, MESSAGE)}; the timestamp is
     * signed as its decimal string, as the type declares.
     *
     * @throws IllegalArgumentException when the address is null or a number is negative
     */
    public byte[] digest(EthAddress address, long timestampSeconds, long nonce) {
        if (address == null) {
            throw new IllegalArgumentException("address: required");
        }
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("timestamp: must be >= 0, was " + timestampSeconds);
        }
        if (nonce < 0) {
            throw new IllegalArgumentException("nonce: must be >= 0, was " + nonce);
        }
        byte[] struct = new byte[5 * Words.WORD];
        System.arraycopy(CLOB_AUTH_TYPE_HASH, 0, struct, 0, Words.WORD);
        Words.putAddress(address, struct, Words.WORD);
        System.arraycopy(Keccak256.hash(Long.toString(timestampSeconds)), 0, struct, 2 * Words.WORD, Words.WORD);
        Words.putUint(nonce, struct, 3 * Words.WORD);
        System.arraycopy(MESSAGE_HASH, 0, struct, 4 * Words.WORD, Words.WORD);

        byte[] message = Eip712.messageBuffer(domainSeparator);
        new Keccak256().update(struct).digestInto(message, Eip712.STRUCT_HASH_OFFSET);
        return Keccak256.hash(message);
    }

    /** The 65-byte ClobAuth signature by {@code key} for its own address. */
    public byte[] sign(Secp256k1Signer key, long timestampSeconds, long nonce) {
        if (key == null) {
            throw new IllegalArgumentException("key: required");
        }
        return key.sign(digest(key.address(), timestampSeconds, nonce));
    }

    /**
     * The L1 header set, in this order: POLY_ADDRESS (checksummed), POLY_SIGNATURE (0x-hex),
     * POLY_TIMESTAMP, POLY_NONCE.
     *
     * @return an unmodifiable, insertion-ordered map
     */
    public Map<String, String> headers(Secp256k1Signer key, long timestampSeconds, long nonce) {
        byte[] signature = sign(key, timestampSeconds, nonce);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ClobHeaders.POLY_ADDRESS, key.address().toChecksumHex());
        headers.put(ClobHeaders.POLY_SIGNATURE, Hex.encode(signature));
        headers.put(ClobHeaders.POLY_TIMESTAMP, Long.toString(timestampSeconds));
        headers.put(ClobHeaders.POLY_NONCE, Long.toString(nonce));
        return Collections.unmodifiableMap(headers);
    }
}
