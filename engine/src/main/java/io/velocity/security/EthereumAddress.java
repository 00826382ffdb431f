package io.velocity.security;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.KeccakDigest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

import java.math.BigInteger;

/**
 * Derives the Ethereum/Polygon address of a secp256k1 private key: public key = d·G, address =
 * the last 20 bytes of Keccak-256 of the uncompressed point without its 0x04 prefix, written with
 * the EIP-55 mixed-case checksum. Kept deliberately tiny and private to the keystore so that
 * {@code keytool list} can show which wallet a key belongs to; signing lives elsewhere.
 *
 * <p>Bouncy Castle's point arithmetic needs the scalar as a {@link BigInteger}, which cannot be
 * zeroed; it is short-lived and unreachable as soon as the derivation returns.
 */
final class EthereumAddress {
    private static final X9ECParameters SECP256K1 = CustomNamedCurves.getByName("secp256k1");

    private EthereumAddress() {
    }

    /** True when {@code key} is 32 bytes with 0 &lt; d &lt; n (a usable secp256k1 private key). */
    static boolean isValidPrivateKey(byte[] key) {
        if (key.length != 32) {
            return false;
        }
        BigInteger d = new BigInteger(1, key);
        return d.signum() > 0 && d.compareTo(SECP256K1.getN()) < 0;
    }

    /** The EIP-55 address ({@code 0x} + 40 hex digits) of a valid 32-byte private key. */
    static String fromPrivateKey(byte[] key) {
        if (!isValidPrivateKey(key)) {
            throw new IllegalArgumentException("not a valid secp256k1 private key");
        }
        byte[] point = new FixedPointCombMultiplier()
                .multiply(SECP256K1.getG(), new BigInteger(1, key))
                .normalize()
                .getEncoded(false);
        byte[] hash = keccak256(point, 1, point.length - 1);
        byte[] address = new byte[20];
        System.arraycopy(hash, hash.length - 20, address, 0, 20);
        return checksummed(address);
    }

    /** EIP-55: upper-case a hex letter when the matching nibble of Keccak-256(lower-case hex) is ≥ 8. */
    static String checksummed(byte[] address) {
        char[] lower = SecretBytes.hex(address, false);
        byte[] ascii = new byte[lower.length];
        for (int i = 0; i < lower.length; i++) {
            ascii[i] = (byte) lower[i];
        }
        byte[] hash = keccak256(ascii, 0, ascii.length);
        StringBuilder sb = new StringBuilder(42).append("0x");
        for (int i = 0; i < lower.length; i++) {
            int nibble = (hash[i / 2] >> (i % 2 == 0 ? 4 : 0)) & 0xF;
            char c = lower[i];
            sb.append(c >= 'a' && nibble >= 8 ? Character.toUpperCase(c) : c);
        }
        return sb.toString();
    }

    private static byte[] keccak256(byte[] in, int off, int len) {
        KeccakDigest k = new KeccakDigest(256);
        k.update(in, off, len);
        byte[] out = new byte[32];
        k.doFinal(out, 0);
        return out;
    }
}
