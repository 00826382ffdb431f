package io.velocity.execution.onchain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * EIP-1559 fees per gas, in wei.
 *
 * @param tipWei    max priority fee per gas
 * @param maxFeeWei max fee per gas (base fee + tip ceiling)
 */
public record Fees(BigInteger tipWei, BigInteger maxFeeWei) {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger BASIS = BigInteger.valueOf(1_000_000);

    public Fees {
        Objects.requireNonNull(tipWei, "tipWei");
        Objects.requireNonNull(maxFeeWei, "maxFeeWei");
        if (tipWei.signum() < 0 || maxFeeWei.compareTo(tipWei) < 0) {
            throw new IllegalArgumentException("fees: need 0 <= tip <= maxFee, were tip=" + tipWei + " maxFee=" + maxFeeWei);
        }
    }

    public static BigInteger gwei(long gwei) {
        return BigInteger.valueOf(gwei).multiply(GWEI);
    }

    /**
     * Fees for a new transaction: tip = max(suggested, minimum tip), max fee = 2 × base fee + tip
     * (still includable after several full blocks), both capped at {@code capWei}.
     */
    public static Fees initial(BigInteger baseFeeWei, BigInteger suggestedTipWei, BigInteger minTipWei, BigInteger capWei) {
        BigInteger tip = suggestedTipWei.max(minTipWei).min(capWei);
        BigInteger max = baseFeeWei.shiftLeft(1).add(tip).min(capWei);
        return new Fees(tip, max.max(tip));
    }

    /**
     * Both fees raised by at least {@code percent} (rounded up, at least 1 wei), capped at
     * {@code capWei}; empty-handed (null) when the cap leaves no room for a full bump, because a
     * node refuses a smaller replacement anyway.
     */
    public Fees bumped(double percent, BigInteger capWei) {
        BigInteger factor = BigInteger.valueOf(Math.round(percent * 10_000)); // percent with 4 decimals, over 1e6
        BigInteger tip = bump(tipWei, factor);
        BigInteger max = bump(maxFeeWei, factor);
        if (max.compareTo(capWei) > 0) {
            return null;
        }
        return new Fees(tip.min(max), max);
    }

    private static BigInteger bump(BigInteger value, BigInteger factor) {
        BigInteger raised = value.multiply(BASIS.add(factor)).add(BASIS.subtract(BigInteger.ONE)).divide(BASIS);
        return raised.max(value.add(BigInteger.ONE));
    }

    /** Whether this raises both fees of {@code previous} by at least {@code percent}. */
    public boolean isBumpOf(Fees previous, double percent) {
        BigInteger factor = BigInteger.valueOf(Math.round(percent * 10_000));
        return tipWei.compareTo(bump(previous.tipWei, factor)) >= 0
                && maxFeeWei.compareTo(bump(previous.maxFeeWei, factor)) >= 0;
    }

    @Override
    public String toString() {
        return "Fees[tip=" + tipWei + " wei, maxFee=" + maxFeeWei + " wei]";
    }
}
