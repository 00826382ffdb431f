package io.velocity.chain;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The Conditional Tokens id derivations, computed locally so the engine knows its ERC-1155
 * token ids without a round trip. They agree bit for bit with the production CTF on Polygon and
 * with the local {@code ConditionalTokens} contract:
 * <pre>
 * conditionId  = keccak256(oracle ‖ questionId ‖ uint256(outcomeSlotCount))
 * collectionId = compress(hashToCurve(keccak256(conditionId ‖ uint256(indexSet))) + decompress(parent))
 * positionId   = uint256(keccak256(collateralToken ‖ collectionId))
 * </pre>
 * The curve is alt_bn128 (y² = x³ + 3 over the 254-bit prime field). Hash-to-curve takes the
 * first x = h + k mod p (k ≥ 1) with x³ + 3 a square, and picks the root whose parity equals the top
 * bit of h. A point is compressed to x with bit 254 set when y is odd; the top-level parent
 * (zero) is the point at infinity, i.e. adds nothing.
 */
public final class CtfPositionIds {

    /** alt_bn128 base field modulus. */
    static final BigInteger FIELD_MODULUS =
            new BigInteger("21888242871839275222246405745257275088696311157297823662689037894645226208583");
    /** p ≡ 3 (mod 4), so a square root of a residue a is a^((p + 1) / 4). */
    private static final BigInteger SQRT_EXPONENT = FIELD_MODULUS.add(BigInteger.ONE).shiftRight(2);
    private static final BigInteger CURVE_B = BigInteger.valueOf(3);
    private static final int PARITY_BIT = 254;

    private CtfPositionIds() {
    }

    /**
     * @param oracle           the address allowed to report payouts
     * @param questionId       the question (for Polymarket, set by the UMA adapter)
     * @param outcomeSlotCount number of outcomes (2 for Up/Down)
     * @return the condition id
     */
    public static Hash32 conditionId(Address oracle, Hash32 questionId, int outcomeSlotCount) {
        if (outcomeSlotCount < 2 || outcomeSlotCount > 256) {
            throw new IllegalArgumentException("outcomeSlotCount must be 2..256: " + outcomeSlotCount);
        }
        ByteBuffer packed = ByteBuffer.allocate(20 + 32 + 32);
        packed.put(addressBytes(oracle));
        packed.put(questionId.bytes());
        packed.put(uint256(BigInteger.valueOf(outcomeSlotCount)));
        return Hash32.of(Hash.sha3(packed.array()));
    }

    /**
     * @param parentCollectionId {@link Hash32#ZERO} for a top-level position
     * @param conditionId        the condition
     * @param indexSet           bit mask of outcome slots (1 = first outcome, 2 = second, 3 = both)
     * @return the collection id
     * @throws IllegalArgumentException if the parent is not a valid compressed curve point
     */
    public static Hash32 collectionId(Hash32 parentCollectionId, Hash32 conditionId, BigInteger indexSet) {
        Objects.requireNonNull(parentCollectionId, "parentCollectionId");
        if (indexSet.signum() <= 0 || indexSet.bitLength() > 256) {
            throw new IllegalArgumentException("indexSet must be a positive uint256: " + indexSet);
        }
        ByteBuffer packed = ByteBuffer.allocate(64);
        packed.put(conditionId.bytes());
        packed.put(uint256(indexSet));
        BigInteger hashed = new BigInteger(1, Hash.sha3(packed.array()));

        Point point = hashToCurve(hashed);
        BigInteger parent = parentCollectionId.toUint256();
        if (parent.signum() != 0) {
            point = add(point, decompress(parent));
        }
        return Hash32.ofUint256(compress(point));
    }

    /**
     * @param collateralToken the ERC-20 the position is backed by
     * @param collectionId    the collection
     * @return the ERC-1155 token id of the position
     */
    public static BigInteger positionId(Address collateralToken, Hash32 collectionId) {
        ByteBuffer packed = ByteBuffer.allocate(20 + 32);
        packed.put(addressBytes(collateralToken));
        packed.put(collectionId.bytes());
        return new BigInteger(1, Hash.sha3(packed.array()));
    }

    /**
     * Token id of a top-level outcome position, the kind Polymarket trades.
     *
     * @param collateralToken the ERC-20 the CTF positions are backed by
     * @param conditionId     the market's condition
     * @param indexSet        {@code 1} for the first outcome ("Up"/"Yes"), {@code 2} for the second
     * @return the ERC-1155 token id
     */
    public static BigInteger outcomePositionId(Address collateralToken, Hash32 conditionId, BigInteger indexSet) {
        return positionId(collateralToken, collectionId(Hash32.ZERO, conditionId, indexSet));
    }

    /** @return the index set selecting only outcome slot {@code slot} (0-based) */
    public static BigInteger indexSetOf(int slot) {
        if (slot < 0 || slot > 255) {
            throw new IllegalArgumentException("slot must be 0..255: " + slot);
        }
        return BigInteger.ONE.shiftLeft(slot);
    }

    // ------------------------------------------------------------------ curve arithmetic

    private record Point(BigInteger x, BigInteger y) {
        static final Point INFINITY = new Point(BigInteger.ZERO, BigInteger.ZERO);

        boolean isInfinity() {
            return x.signum() == 0 && y.signum() == 0;
        }
    }

    private static Point hashToCurve(BigInteger hashed) {
        boolean wantOddY = hashed.testBit(255);
        BigInteger x = hashed;
        while (true) {
            x = x.add(BigInteger.ONE).mod(FIELD_MODULUS);
            BigInteger ySquared = curveRightHandSide(x);
            BigInteger y = ySquared.modPow(SQRT_EXPONENT, FIELD_MODULUS);
            if (y.multiply(y).mod(FIELD_MODULUS).equals(ySquared)) {
                return new Point(x, withParity(y, wantOddY));
            }
        }
    }

    private static Point decompress(BigInteger compressed) {
        boolean oddY = compressed.shiftRight(PARITY_BIT).signum() != 0;
        BigInteger x = compressed.and(BigInteger.ONE.shiftLeft(PARITY_BIT).subtract(BigInteger.ONE));
        BigInteger ySquared = curveRightHandSide(x);
        BigInteger y = ySquared.modPow(SQRT_EXPONENT, FIELD_MODULUS);
        if (!y.multiply(y).mod(FIELD_MODULUS).equals(ySquared)) {
            throw new IllegalArgumentException("invalid parent collection ID: not a point on alt_bn128");
        }
        return new Point(x, withParity(y, oddY));
    }

    private static BigInteger compress(Point point) {
        return point.y().testBit(0) ? point.x().setBit(PARITY_BIT) : point.x();
    }

    /** Affine addition with the same conventions as the EVM's ecAdd precompile (infinity = (0, 0)). */
    private static Point add(Point a, Point b) {
        if (a.isInfinity()) {
            return b;
        }
        if (b.isInfinity()) {
            return a;
        }
        BigInteger p = FIELD_MODULUS;
        BigInteger slope;
        if (a.x().equals(b.x())) {
            if (a.y().add(b.y()).mod(p).signum() == 0) {
                return Point.INFINITY;
            }
            BigInteger numerator = a.x().pow(2).multiply(BigInteger.valueOf(3)).mod(p);
            slope = numerator.multiply(a.y().shiftLeft(1).modInverse(p)).mod(p);
        } else {
            slope = b.y().subtract(a.y()).multiply(b.x().subtract(a.x()).mod(p).modInverse(p)).mod(p);
        }
        BigInteger x = slope.pow(2).subtract(a.x()).subtract(b.x()).mod(p);
        BigInteger y = slope.multiply(a.x().subtract(x)).subtract(a.y()).mod(p);
        return new Point(x, y);
    }

    private static BigInteger curveRightHandSide(BigInteger x) {
        return x.modPow(BigInteger.valueOf(3), FIELD_MODULUS).add(CURVE_B).mod(FIELD_MODULUS);
    }

    private static BigInteger withParity(BigInteger y, boolean odd) {
        return y.testBit(0) == odd ? y : FIELD_MODULUS.subtract(y);
    }

    private static byte[] addressBytes(Address address) {
        return Numeric.toBytesPadded(address.toUint().getValue(), 20);
    }

    private static byte[] uint256(BigInteger value) {
        return Numeric.toBytesPadded(value, 32);
    }
}
