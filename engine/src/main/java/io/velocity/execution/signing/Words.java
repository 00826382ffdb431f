package io.velocity.execution.signing;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Writes 32-byte big-endian ABI words into a caller's buffer, so struct hashing can fill one
 * reusable array instead of concatenating fresh ones.
 */
final class Words {

    static final int WORD = 32;

    private Words() {
    }

    /** Writes a non-negative {@code long} as a {@code uint256} word. */
    static void putUint(long value, byte[] buf, int offset) {
        assert value >= 0 : "uint word from a negative long";
        Arrays.fill(buf, offset, offset + WORD - 8, (byte) 0);
        for (int i = 0; i < 8; i++) {
            buf[offset + WORD - 1 - i] = (byte) (value >>> (8 * i));
        }
    }

    /**
     * Writes a value in [0, 2^256) as a {@code uint256} word. Values that fit a {@code long} take an
     * allocation-free path; wider ones (token ids) cost one short-lived array from
     * {@link BigInteger#toByteArray()}, which is the only export {@code BigInteger} offers.
     */
    static void putUint(BigInteger value, byte[] buf, int offset) {
        assert value.signum() >= 0 && value.bitLength() <= 256 : "uint256 out of range";
        if (value.bitLength() < 64) {
            putUint(value.longValue(), buf, offset);
            return;
        }
        byte[] raw = value.toByteArray(); // big-endian two's complement; may carry one leading 0x00
        int skip = raw.length > WORD ? raw.length - WORD : 0;
        int len = raw.length - skip;
        Arrays.fill(buf, offset, offset + WORD - len, (byte) 0);
        System.arraycopy(raw, skip, buf, offset + WORD - len, len);
    }

    /** Writes an address left-padded with 12 zero bytes. */
    static void putAddress(EthAddress address, byte[] buf, int offset) {
        Arrays.fill(buf, offset, offset + WORD - EthAddress.LENGTH, (byte) 0);
        address.copyTo(buf, offset + WORD - EthAddress.LENGTH);
    }

    /** True when {@code value} is a valid {@code uint256}. */
    static boolean isUint256(BigInteger value) {
        return value.signum() >= 0 && value.bitLength() <= 256;
    }

    /** Reads 32 bytes at {@code offset} as an unsigned integer. */
    static BigInteger readUnsigned(byte[] buf, int offset) {
        return new BigInteger(1, Arrays.copyOfRange(buf, offset, offset + WORD));
    }
}
