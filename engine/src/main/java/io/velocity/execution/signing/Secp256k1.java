package io.velocity.execution.signing;

import java.math.BigInteger;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The secp256k1 curve constants and the few point operations the signing package needs. */
final class Secp256k1 {

    // CustomNamedCurves gives Bouncy Castle's specialised field arithmetic and GLV endomorphism for
    // secp256k1; the generic ECNamedCurveTable curve is several times slower for the same results.
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");

    static final ECDomainParameters DOMAIN =
            new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(), PARAMS.getN(), PARAMS.getH());

    /** Group order n. */
    static final BigInteger N = PARAMS.getN();

    /** n / 2: a signature is canonical ("low-s") when s &lt;= this (EIP-2). */
    static final BigInteger HALF_N = N.shiftRight(1);

    /** Field prime p. */
    static final BigInteger P = PARAMS.getCurve().getField().getCharacteristic();

    private Secp256k1() {
    }

    /** Public point d·G for a private scalar already validated to lie in [1, n-1]. */
    static ECPoint publicPoint(BigInteger d) {
        return new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    }

    /**
     * Validates a 32-byte private key and returns its scalar. The message never contains key
     * material, only what was wrong with its shape.
     */
    static BigInteger privateScalar(byte[] privateKey) {
        if (privateKey == null) {
            throw new IllegalArgumentException("privateKey: required (32 bytes)");
        }
        if (privateKey.length != 32) {
            throw new IllegalArgumentException("privateKey: must be 32 bytes, got " + privateKey.length);
        }
        BigInteger d = new BigInteger(1, privateKey);
        if (d.signum() == 0 || d.compareTo(N) >= 0) {
            throw new IllegalArgumentException("privateKey: not a valid secp256k1 private key (must be in [1, n-1])");
        }
        return d;
    }

    /** The Ethereum address of a public point: the last 20 bytes of Keccak-256 over the 64-byte X||Y encoding. */
    static EthAddress addressOf(ECPoint publicPoint) {
        byte[] uncompressed = publicPoint.normalize().getEncoded(false); // 0x04 || X || Y
        byte[] hash = new Keccak256().update(uncompressed, 1, 64).digest();
        byte[] address = new byte[EthAddress.LENGTH];
        System.arraycopy(hash, 12, address, 0, EthAddress.LENGTH);
        return EthAddress.wrap(address);
    }
}
