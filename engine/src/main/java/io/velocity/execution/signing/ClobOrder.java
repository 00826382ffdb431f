package io.velocity.execution.signing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Polymarket CLOB V2 order exactly as the CTF exchange hashes it (EIP-712 type
 * {@link OrderHasher#ORDER_TYPE}). Immutable; the two {@code bytes32} fields are copied in and out.
 *
 * <p>Field types follow what each value can hold: {@code salt} and {@code tokenId} are full
 * {@code uint256} values ({@link BigInteger}); amounts are micro-units (6 decimals) and the
 * timestamp is milliseconds, all {@code long} — 2^63 micro-units is 9.2 trillion pUSD, so a
 * {@code long} never truncates a real order.
 *
 * <p>Not signed in V2 and therefore not here: expiration, taker, nonce and fee rate. Rail A still
 * sends {@code expiration} in the POST body.
 *
 * @param salt          random uint256 making otherwise equal orders distinct
 * @param maker         the funds' owner: the EOA, proxy, safe or 1271 wallet
 * @param signer        the address whose signature the exchange checks (see {@link SignatureType})
 * @param tokenId       the CTF outcome token id (uint256)
 * @param makerAmount   micro-units the maker gives: pUSD for BUY, shares for SELL
 * @param takerAmount   micro-units the maker receives: shares for BUY, pUSD for SELL
 * @param side          BUY or SELL
 * @param signatureType how the exchange verifies the signature
 * @param timestamp     creation time in milliseconds since the epoch
 * @param metadata      32 opaque bytes (zero by default)
 * @param builder       32-byte builder code (zero by default)
 */
public record ClobOrder(
        BigInteger salt,
        EthAddress maker,
        EthAddress signer,
        BigInteger tokenId,
        long makerAmount,
        long takerAmount,
        Side side,
        SignatureType signatureType,
        long timestamp,
        byte[] metadata,
        byte[] builder) {

    /** Length of the {@code metadata} and {@code builder} fields. */
    public static final int BYTES32 = 32;

    /**
     * Validates types and ranges (not economics: a zero amount hashes fine and is for risk checks
     * to refuse).
     *
     * @throws IllegalArgumentException naming the first offending field as {@code order.<field>}
     */
    public ClobOrder {
        requireUint256(salt, "order.salt");
        requirePresent(maker, "order.maker");
        requirePresent(signer, "order.signer");
        requireUint256(tokenId, "order.tokenId");
        requireNonNegative(makerAmount, "order.makerAmount");
        requireNonNegative(takerAmount, "order.takerAmount");
        requirePresent(side, "order.side");
        requirePresent(signatureType, "order.signatureType");
        requireNonNegative(timestamp, "order.timestamp");
        metadata = copyBytes32(metadata, "order.metadata");
        builder = copyBytes32(builder, "order.builder");
    }

    /** A copy of the 32 metadata bytes. */
    @Override
    public byte[] metadata() {
        return metadata.clone();
    }

    /** A copy of the 32 builder bytes. */
    @Override
    public byte[] builder() {
        return builder.clone();
    }

    /** Copies the metadata bytes into {@code dst} without allocating (for hashing). */
    void copyMetadataTo(byte[] dst, int offset) {
        System.arraycopy(metadata, 0, dst, offset, BYTES32);
    }

    /** Copies the builder bytes into {@code dst} without allocating (for hashing). */
    void copyBuilderTo(byte[] dst, int offset) {
        System.arraycopy(builder, 0, dst, offset, BYTES32);
    }

    /** A fresh builder with metadata and builder code defaulting to 32 zero bytes. */
    public static Builder newBuilder() {
        return new Builder();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClobOrder o
                && salt.equals(o.salt)
                && maker.equals(o.maker)
                && signer.equals(o.signer)
                && tokenId.equals(o.tokenId)
                && makerAmount == o.makerAmount
                && takerAmount == o.takerAmount
                && side == o.side
                && signatureType == o.signatureType
                && timestamp == o.timestamp
                && Arrays.equals(metadata, o.metadata)
                && Arrays.equals(builder, o.builder);
    }

    @Override
    public int hashCode() {
        int h = Objects.hash(salt, maker, signer, tokenId, makerAmount, takerAmount, side, signatureType, timestamp);
        return 31 * (31 * h + Arrays.hashCode(metadata)) + Arrays.hashCode(builder);
    }

    @Override
    public String toString() {
        return "ClobOrder[salt=" + salt + ", maker=" + maker + ", signer=" + signer + ", tokenId=" + tokenId
                + ", makerAmount=" + makerAmount + ", takerAmount=" + takerAmount + ", side=" + side
                + ", signatureType=" + signatureType + ", timestamp=" + timestamp
                + ", metadata=" + Hex.encode(metadata) + ", builder=" + Hex.encode(builder) + "]";
    }

    private static void requirePresent(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
    }

    private static void requireUint256(BigInteger value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (!Words.isUint256(value)) {
            throw new IllegalArgumentException(field + ": must be an integer in [0, 2^256)");
        }
    }

    private static void requireNonNegative(long value, String field) {
        if (value < 0) {
            throw new IllegalArgumentException(field + ": must be >= 0, was " + value);
        }
    }

    private static byte[] copyBytes32(byte[] value, String field) {
        if (value == null || value.length != BYTES32) {
            throw new IllegalArgumentException(field + ": must be " + BYTES32 + " bytes, got "
                    + (value == null ? "null" : value.length + " bytes"));
        }
        return value.clone();
    }

    /**
     * Assembles a {@link ClobOrder} step by step, typically from {@link OrderAmounts}. Not
     * thread-safe; {@link #build()} validates and names the first missing field.
     */
    public static final class Builder {
        private BigInteger salt;
        private EthAddress maker;
        private EthAddress signer;
        private BigInteger tokenId;
        private Long makerAmount;
        private Long takerAmount;
        private Side side;
        private SignatureType signatureType;
        private Long timestamp;
        private byte[] metadata = new byte[BYTES32];
        private byte[] builderCode = new byte[BYTES32];

        private Builder() {
        }

        /** Sets the uint256 salt. */
        public Builder salt(BigInteger value) {
            this.salt = value;
            return this;
        }

        /** Sets the salt from a non-negative long. */
        public Builder salt(long value) {
            return salt(BigInteger.valueOf(value));
        }

        /** Sets the maker (funds owner). */
        public Builder maker(EthAddress value) {
            this.maker = value;
            return this;
        }

        /** Sets the signer. */
        public Builder signer(EthAddress value) {
            this.signer = value;
            return this;
        }

        /** Sets the outcome token id. */
        public Builder tokenId(BigInteger value) {
            this.tokenId = value;
            return this;
        }

        /** Sets side, makerAmount and takerAmount from rounded amounts. */
        public Builder amounts(OrderAmounts amounts) {
            this.side = amounts.side();
            this.makerAmount = amounts.makerAmount();
            this.takerAmount = amounts.takerAmount();
            return this;
        }

        /** Sets the maker amount in micro-units. */
        public Builder makerAmount(long value) {
            this.makerAmount = value;
            return this;
        }

        /** Sets the taker amount in micro-units. */
        public Builder takerAmount(long value) {
            this.takerAmount = value;
            return this;
        }

        /** Sets the side. */
        public Builder side(Side value) {
            this.side = value;
            return this;
        }

        /** Sets the signature type. */
        public Builder signatureType(SignatureType value) {
            this.signatureType = value;
            return this;
        }

        /** Sets the timestamp in milliseconds. */
        public Builder timestamp(long epochMillis) {
            this.timestamp = epochMillis;
            return this;
        }

        /** Sets the 32 metadata bytes (copied). */
        public Builder metadata(byte[] value) {
            this.metadata = value == null ? null : value.clone();
            return this;
        }

        /** Sets the 32-byte builder code (copied). */
        public Builder builderCode(byte[] value) {
            this.builderCode = value == null ? null : value.clone();
            return this;
        }

        /**
         * Builds the order.
         *
         * @throws IllegalArgumentException naming the first missing or invalid field
         */
        public ClobOrder build() {
            requirePresent(makerAmount, "order.makerAmount");
            requirePresent(takerAmount, "order.takerAmount");
            requirePresent(timestamp, "order.timestamp");
            return new ClobOrder(salt, maker, signer, tokenId, makerAmount, takerAmount, side, signatureType,
                    timestamp, metadata, builderCode);
        }
    }
}
