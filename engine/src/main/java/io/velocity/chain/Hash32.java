package io.velocity.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import org.web3j.abi.datatypes.generated.Bytes32;

/**
 * An immutable 32-byte value: a condition id, question id, collection id, order hash or
 * transaction hash. Compares by content and prints as {@code 0x}-prefixed lowercase hex.
 */
public final class Hash32 {

    /** Thirty-two zero bytes: the top-level parent collection id of the CTF. */
    public static final Hash32 ZERO = new Hash32(new byte[32]);

    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;

    private Hash32(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * @param bytes exactly 32 bytes; copied
     * @return the value
     * @throws IllegalArgumentException if the length is not 32
     */
    public static Hash32 of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != 32) {
            throw new IllegalArgumentException("expected 32 bytes, got " + bytes.length);
        }
        return new Hash32(bytes.clone());
    }

    /**
     * @param hex 64 hex digits, with or without a {@code 0x} prefix
     * @return the value
     * @throws IllegalArgumentException if the text is not 32 bytes of hex
     */
    public static Hash32 of(String hex) {
        Objects.requireNonNull(hex, "hex");
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        if (digits.length() != 64) {
            throw new IllegalArgumentException("expected 64 hex digits, got " + digits.length());
        }
        return new Hash32(HEX.parseHex(digits));
    }

    /** @return the value as a 256-bit unsigned integer, left-padded into 32 bytes */
    public static Hash32 ofUint256(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 256) {
            throw new IllegalArgumentException("not a uint256: " + value);
        }
        byte[] raw = value.toByteArray();
        byte[] padded = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, padded, 32 - copy, copy);
        return new Hash32(padded);
    }

    /** @return a copy of the 32 bytes */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** @return the bytes read as an unsigned big-endian integer */
    public BigInteger toUint256() {
        return new BigInteger(1, bytes);
    }

    /** @return {@code 0x} followed by 64 lowercase hex digits */
    public String hex() {
        return "0x" + HEX.formatHex(bytes);
    }

    /** @return true when all bytes are zero */
    public boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the web3j ABI type for encoding this value as {@code bytes32} */
    public Bytes32 toAbi() {
        return new Bytes32(bytes.clone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Hash32 that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
