package io.velocity.execution.signing;

import java.util.Optional;

/**
 * EIP-712 hashing of CLOB V2 orders for one exchange contract on one chain: domain
 * {@code Polymarket CTF Exchange}, version {@code 2}, the chain id and the exchange as verifying
 * contract. The ordinary and neg-risk exchanges are different domains, so an order hashed for
 * one is worthless on the other: hash with the exchange the market trades on.
 *
 * <p>The type hash and domain separator are computed once; each order hash then fills one
 * reusable 384-byte buffer and runs two Keccak passes with no allocation beyond encoding a
 * {@code tokenId} (and a salt wider than 63 bits).
 *
 * <p><b>Not thread-safe</b> (the buffers and digest are reused): give each thread its own
 * instance — they are cheap — or synchronise externally.
 */
public final class OrderHasher {

    /** The EIP-712 type string of the CLOB V2 order; its Keccak-256 is the type hash. */
    public static final String ORDER_TYPE = "Order(uint256 salt,address maker,address signer,uint256 tokenId,"
            + "uint256 makerAmount,uint256 takerAmount,uint8 side,uint8 signatureType,uint256 timestamp,"
            + "bytes32 metadata,bytes32 builder)";

    /** EIP-712 domain name of the CTF exchange. */
    public static final String DOMAIN_NAME = "Polymarket CTF Exchange";

    /** EIP-712 domain version of the V2 exchanges. */
    public static final String DOMAIN_VERSION = "2";

    private static final byte[] ORDER_TYPE_HASH = Keccak256.hash(ORDER_TYPE);
    private static final int FIELDS = 12; // type hash + 11 order fields

    private final long chainId;
    private final EthAddress exchange;
    private final Keccak256 keccak = new Keccak256();
    private final byte[] structBuffer = new byte[FIELDS * Words.WORD];
    // 0x19 0x01 || domainSeparator || structHash: the first 34 bytes never change.
    private final byte[] digestBuffer;

    /**
     * A hasher for orders on {@code exchange} at {@code chainId}.
     *
     * @throws IllegalArgumentException when {@code chainId} is not positive or {@code exchange} is null
     */
    public OrderHasher(long chainId, EthAddress exchange) {
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId: must be positive, was " + chainId);
        }
        if (exchange == null) {
            throw new IllegalArgumentException("exchange: required");
        }
        this.chainId = chainId;
        this.exchange = exchange;
        this.digestBuffer = Eip712.messageBuffer(Eip712.domainSeparator(DOMAIN_NAME, DOMAIN_VERSION, chainId, exchange));
        System.arraycopy(ORDER_TYPE_HASH, 0, structBuffer, 0, Words.WORD);
    }

    /** The chain id of this domain. */
    public long chainId() {
        return chainId;
    }

    /** The exchange (verifying contract) of this domain. */
    public EthAddress exchange() {
        return exchange;
    }

    /** A copy of the 32-byte EIP-712 domain separator. */
    public byte[] domainSeparator() {
        byte[] out = new byte[Words.WORD];
        System.arraycopy(digestBuffer, 2, out, 0, Words.WORD);
        return out;
    }

    /** {@code hashStruct(order)}: Keccak-256 of the type hash followed by the 11 encoded fields. */
    public byte[] structHash(ClobOrder order) {
        byte[] out = new byte[Words.WORD];
        structHash(order, out, 0);
        return out;
    }

    /**
     * The order hash: the EIP-712 digest {@code keccak256(0x1901 || domainSeparator || hashStruct(order))}.
     * It is what the key signs, what the exchange's {@code hashOrder} returns and what the venue
     * reports as the order's hash.
     */
    public byte[] orderHash(ClobOrder order) {
        byte[] out = new byte[Words.WORD];
        orderHash(order, out, 0);
        return out;
    }

    /** Writes the 32-byte order hash to {@code out} at {@code offset}; allocation-free for long-sized salts. */
    public void orderHash(ClobOrder order, byte[] out, int offset) {
        structHash(order, digestBuffer, Eip712.STRUCT_HASH_OFFSET);
        keccak.update(digestBuffer, 0, digestBuffer.length).digestInto(out, offset);
    }

    /**
     * The address that signed {@code order} with {@code signature}, by {@code ecrecover} semantics
     * (see {@link Secp256k1Signer#recoverAddress(byte[], byte[])}). For signature types EOA,
     * POLY_PROXY and POLY_GNOSIS_SAFE the exchange accepts the order only when this equals
     * {@code order.signer()}; for POLY_1271 the wallet contract decides and recovery alone proves
     * nothing.
     *
     * @return the recovered address, or empty for a malformed or unrecoverable signature
     */
    public Optional<EthAddress> recoverSigner(ClobOrder order, byte[] signature) {
        return Secp256k1Signer.recoverAddress(orderHash(order), signature);
    }

    private void structHash(ClobOrder order, byte[] out, int offset) {
        byte[] b = structBuffer; // word 0 holds the type hash, written once in the constructor
        Words.putUint(order.salt(), b, Words.WORD);
        Words.putAddress(order.maker(), b, 2 * Words.WORD);
        Words.putAddress(order.signer(), b, 3 * Words.WORD);
        Words.putUint(order.tokenId(), b, 4 * Words.WORD);
        Words.putUint(order.makerAmount(), b, 5 * Words.WORD);
        Words.putUint(order.takerAmount(), b, 6 * Words.WORD);
        Words.putUint(order.side().code(), b, 7 * Words.WORD);
        Words.putUint(order.signatureType().code(), b, 8 * Words.WORD);
        Words.putUint(order.timestamp(), b, 9 * Words.WORD);
        order.copyMetadataTo(b, 10 * Words.WORD);
        order.copyBuilderTo(b, 11 * Words.WORD);
        keccak.update(b, 0, b.length).digestInto(out, offset);
    }
}
