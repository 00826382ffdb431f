package io.velocity.execution.signing;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A 20-byte Ethereum address. Immutable and thread-safe; {@link #toString()} gives the EIP-55
 * checksummed form ({@code 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266}).
 *
 * <p>{@link #parse(String, String)} accepts all-lower-case and all-upper-case hex as unchecksummed
 * input, and validates the checksum of mixed-case input: mixed case is a checksum claim, and a
 * failed claim almost always means a typo that would send money to the wrong place.
 */
public final class EthAddress {

    /** Length of an address in bytes. */
    public static final int LENGTH = 20;

    /** The zero address {@code 0x0000000000000000000000000000000000000000}. */
    public static final EthAddress ZERO = wrap(new byte[LENGTH]);

    private final byte[] bytes;
    private final String checksummed;

    private EthAddress(byte[] bytes) {
        this.bytes = bytes;
        this.checksummed = checksum(bytes);
    }

    /** Wraps an array the caller will never touch again (no copy). */
    static EthAddress wrap(byte[] bytes) {
        return new EthAddress(bytes);
    }

    /**
     * An address from its 20 raw bytes (copied).
     *
     * @throws IllegalArgumentException when {@code bytes} is null or not 20 bytes long
     */
    public static EthAddress of(byte[] bytes) {
        if (bytes == null || bytes.length != LENGTH) {
            throw new IllegalArgumentException("address: must be " + LENGTH + " bytes, got "
                    + (bytes == null ? "null" : bytes.length + " bytes"));
        }
        return new EthAddress(bytes.clone());
    }

    /** Parses {@code text} as an address; errors name the field {@code address}. See {@link #parse(String, String)}. */
    public static EthAddress parse(String text) {
        return parse(text, "address");
    }

    /**
     * Parses {@code 0x} followed by 40 hex digits. All-lower-case or all-upper-case digits are
     * accepted as is; mixed case must be a valid EIP-55 checksum.
     *
     * @param text  the address text
     * @param field the field name for error messages, e.g. {@code order.maker}
     * @throws IllegalArgumentException naming {@code field} when the text is not a valid address;
     *                                  the message never repeats the input
     */
    public static EthAddress parse(String text, String field) {
        byte[] raw = Hex.decode(text, LENGTH, field);
        EthAddress address = new EthAddress(raw);
        boolean hasLower = false;
        boolean hasUpper = false;
        for (int i = 2; i < text.length(); i++) {
            char c = text.charAt(i);
            hasLower |= c >= 'a' && c <= 'f';
            hasUpper |= c >= 'A' && c <= 'F';
        }
        if (hasLower && hasUpper && !address.checksummed.equals(text)) {
            throw new IllegalArgumentException(field
                    + ": mixed-case address fails its EIP-55 checksum (a typo?); use the checksummed or all-lower-case form");
        }
        return address;
    }

    /**
     * The address controlled by a 32-byte secp256k1 private key. The key is read, not kept.
     *
     * @throws IllegalArgumentException when the key is not 32 bytes or not in [1, n-1]; the
     *                                  message never contains key material
     */
    public static EthAddress fromPrivateKey(byte[] privateKey) {
        BigInteger d = Secp256k1.privateScalar(privateKey);
        return Secp256k1.addressOf(Secp256k1.publicPoint(d));
    }

    /** A copy of the 20 address bytes. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Copies the 20 address bytes into {@code dst} at {@code offset}, for allocation-free ABI encoding. */
    public void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, LENGTH);
    }

    /** The EIP-55 checksummed form, e.g. {@code 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266}. */
    public String toChecksumHex() {
        return checksummed;
    }

    /** The all-lower-case form {@code 0x…}. */
    public String toLowerHex() {
        return Hex.encode(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EthAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** The EIP-55 checksummed form. */
    @Override
    public String toString() {
        return checksummed;
    }

    // EIP-55: hash the lower-case hex digits (ASCII, no 0x) and upper-case each letter whose
    // corresponding nibble of the hash is 8 or more.
    private static String checksum(byte[] address) {
        String lower = Hex.encode(address);
        byte[] ascii = new byte[2 * LENGTH];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) lower.charAt(2 + i);
        }
        byte[] hash = Keccak256.hash(ascii);
        char[] out = lower.toCharArray();
        for (int i = 0; i < ascii.length; i++) {
            char c = out[2 + i];
            int nibble = (i & 1) == 0 ? (hash[i >> 1] & 0xff) >>> 4 : hash[i >> 1] & 0x0f;
            if (c >= 'a' && nibble >= 8) {
                out[2 + i] = (char) (c - 'a' + 'A');
            }
        }
        return new String(out);
    }
}
