package io.velocity.execution.signing;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * Ethereum-style secp256k1 signatures over 32-byte digests: deterministic nonces (RFC 6979 with
 * HMAC-SHA256, as eth-account, ethers and viem use), low-s normalisation (EIP-2) and a 65-byte
 * {@code r || s || v} result with {@code v} = 27 or 28. The same key and digest always give the
 * same signature, byte for byte.
 *
 * <p><b>Key handling.</b> The signer keeps one private copy of the caller's 32 key bytes and
 * zeroes it in {@link #close()}; the caller should zero its own array once the signer exists.
 * Signing briefly needs the key as a {@code BigInteger} (Bouncy Castle's ECDSA works on those);
 * such transient copies cannot be wiped in Java and become garbage as soon as the call returns.
 * The key never appears in {@link #toString()}, logs or exception messages.
 *
 * <p><b>Threads.</b> Signing and closing are {@code synchronized}: one instance may be shared, at
 * the cost of serialising signatures. {@link #recoverAddress(byte[], byte[])} is static and
 * thread-safe.
 */
public final class Secp256k1Signer implements AutoCloseable {

    /** Length of an {@code r || s || v} signature in bytes. */
    public static final int SIGNATURE_LENGTH = 65;

    private final byte[] privateKey;
    private final ECPoint publicPoint;
    private final EthAddress address;
    /** Fixed-base comb multiplication with precomputation cached on the generator, as ECDSASigner uses. */
    private static final ECMultiplier BASE_MULTIPLIER = new FixedPointCombMultiplier();

    private final HMacDSAKCalculator kCalculator = new HMacDSAKCalculator(new SHA256Digest());
    private boolean closed;

    private Secp256k1Signer(byte[] privateKey, BigInteger d) {
        this.privateKey = privateKey;
        this.publicPoint = Secp256k1.publicPoint(d);
        this.address = Secp256k1.addressOf(publicPoint);
    }

    /**
     * A signer for a 32-byte private key. The bytes are copied; the caller keeps ownership of (and
     * should zero) its array.
     *
     * @throws IllegalArgumentException when the key is not 32 bytes or not in [1, n-1]; the message
     *                                  never contains key material
     */
    public static Secp256k1Signer fromPrivateKey(byte[] privateKey) {
        BigInteger d = Secp256k1.privateScalar(privateKey);
        return new Secp256k1Signer(privateKey.clone(), d);
    }

    /** The address this key controls. Still available after {@link #close()}. */
    public EthAddress address() {
        return address;
    }

    /**
     * Signs a 32-byte digest.
     *
     * @return a new 65-byte {@code r || s || v} signature, s in the lower half of the group order
     * @throws IllegalArgumentException when the digest is not 32 bytes
     * @throws IllegalStateException    when the signer is closed
     */
    public byte[] sign(byte[] digest) {
        byte[] out = new byte[SIGNATURE_LENGTH];
        sign(digest, out, 0);
        return out;
    }

    /**
     * Signs a 32-byte digest into {@code out[offset .. offset+65)}.
     *
     * @throws IllegalArgumentException when the digest is not 32 bytes or {@code out} is too short
     * @throws IllegalStateException    when the signer is closed
     */
    public synchronized void sign(byte[] digest, byte[] out, int offset) {
        checkDigest(digest);
        if (out == null || offset < 0 || out.length - offset < SIGNATURE_LENGTH) {
            throw new IllegalArgumentException("signature buffer: needs " + SIGNATURE_LENGTH + " bytes from offset");
        }
        if (closed) {
            throw new IllegalStateException("signer for " + address + " is closed");
        }
        BigInteger n = Secp256k1.N;
        BigInteger d = new BigInteger(1, privateKey);
        BigInteger e = new BigInteger(1, digest); // a 256-bit digest for a 256-bit order: no truncation
        kCalculator.init(n, d, digest);
        while (true) {
            // ECDSA as Bouncy Castle's ECDSASigner computes it (same RFC 6979 k, same r and s), but
            // keeping R: its y-parity is the recovery id, so v costs no second point multiplication.
            BigInteger k = kCalculator.nextK();
            ECPoint bigR = BASE_MULTIPLIER.multiply(Secp256k1.DOMAIN.getG(), k).normalize();
            BigInteger x = bigR.getAffineXCoord().toBigInteger();
            BigInteger r = x.mod(n);
            if (r.signum() == 0) {
                continue;
            }
            BigInteger s = BigIntegers.modOddInverse(n, k).multiply(e.add(d.multiply(r))).mod(n);
            if (s.signum() == 0) {
                continue;
            }
            if (x.compareTo(n) >= 0) {
                // R.x in [n, p): probability about 2^-128. Ethereum's ecrecover only takes v = 27/28,
                // so such a signature is unusable; a different salt gives a different digest.
                throw new IllegalStateException("signature needs recovery id >= 2, which ecrecover cannot accept; re-sign with a new salt");
            }
            int recoveryId = bigR.getAffineYCoord().testBitZero() ? 1 : 0;
            // EIP-2: Ethereum rejects s > n/2 for transactions and OpenZeppelin's ECDSA for messages;
            // (r, n - s) is the other valid signature for the same key and digest, made by -R.
            if (s.compareTo(Secp256k1.HALF_N) > 0) {
                s = n.subtract(s);
                recoveryId ^= 1;
            }
            Words.putUint(r, out, offset);
            Words.putUint(s, out, offset + 32);
            out[offset + 64] = (byte) (27 + recoveryId);
            return;
        }
    }

    /**
     * Recovers the address that produced {@code signature} over {@code digest}, with the semantics of
     * Ethereum's {@code ecrecover} precompile: {@code v} must be 27 or 28 and r, s in [1, n-1].
     * High-s signatures recover like the precompile does; use {@link #isLowS(byte[])} to apply the
     * stricter EIP-2 rule. Thread-safe.
     *
     * @param digest    the 32-byte digest that was signed
     * @param signature a 65-byte {@code r || s || v} signature (untrusted input is fine)
     * @return the signing address, or empty when the signature is malformed or recovers no key
     * @throws IllegalArgumentException when the digest is not 32 bytes (a caller bug, not bad input)
     */
    public static Optional<EthAddress> recoverAddress(byte[] digest, byte[] signature) {
        checkDigest(digest);
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return Optional.empty();
        }
        int v = signature[64] & 0xff;
        if (v != 27 && v != 28) {
            return Optional.empty();
        }
        BigInteger n = Secp256k1.N;
        BigInteger r = Words.readUnsigned(signature, 0);
        BigInteger s = Words.readUnsigned(signature, 32);
        if (r.signum() == 0 || r.compareTo(n) >= 0 || s.signum() == 0 || s.compareTo(n) >= 0) {
            return Optional.empty();
        }
        // R is the curve point with x = r (v 27/28 never encode x = r + n) and y parity v - 27.
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (v == 27 ? 0x02 : 0x03);
        System.arraycopy(signature, 0, compressed, 1, 32);
        ECPoint bigR;
        try {
            bigR = Secp256k1.DOMAIN.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException notOnCurve) {
            return Optional.empty();
        }
        // Q = r^-1 · (s·R - e·G)
        BigInteger e = new BigInteger(1, digest);
        BigInteger rInv = r.modInverse(n);
        BigInteger gFactor = e.negate().multiply(rInv).mod(n);
        BigInteger rFactor = s.multiply(rInv).mod(n);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(Secp256k1.DOMAIN.getG(), gFactor, bigR, rFactor).normalize();
        if (q.isInfinity()) {
            return Optional.empty();
        }
        return Optional.of(Secp256k1.addressOf(q));
    }

    /**
     * True when {@code signature} is 65 bytes with s &lt;= n/2 (EIP-2 canonical form). Signatures
     * from {@link #sign(byte[])} always are; a high-s one was made or altered elsewhere.
     */
    public static boolean isLowS(byte[] signature) {
        if (signature == null || signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        BigInteger s = Words.readUnsigned(signature, 32);
        return s.signum() > 0 && s.compareTo(Secp256k1.HALF_N) <= 0;
    }

    /** True once {@link #close()} has run. */
    public synchronized boolean isClosed() {
        return closed;
    }

    /** Zeroes this signer's copy of the private key; later {@code sign} calls fail. Idempotent. */
    @Override
    public synchronized void close() {
        Arrays.fill(privateKey, (byte) 0);
        closed = true;
    }

    /** Names the address only; never the key. */
    @Override
    public String toString() {
        return "Secp256k1Signer[" + address + "]";
    }

    private static void checkDigest(byte[] digest) {
        if (digest == null || digest.length != Keccak256.HASH_LENGTH) {
            throw new IllegalArgumentException("digest: must be " + Keccak256.HASH_LENGTH + " bytes, got "
                    + (digest == null ? "null" : digest.length + " bytes"));
        }
    }
}
