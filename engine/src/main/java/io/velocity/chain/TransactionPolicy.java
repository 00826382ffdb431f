package io.velocity.chain;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link TransactionSender} prices, limits and chases a transaction.
 *
 * @param gasSafetyMargin     gas limit = node estimate × this (≥ 1): state can change between
 *                            estimate and inclusion
 * @param receiptPollInterval how often receipts are asked for
 * @param replaceAfter        a transaction without a receipt this long is re-sent with the same
 *                            nonce and higher fees (replace-by-fee)
 * @param feeBumpPercent      fee increase per replacement; nodes refuse less than 10 %
 * @param maxFeePerGasWei     hard cap of {@code maxFeePerGas}, replacements included
 * @param timeout             how long one {@link TransactionSender#await} waits before reporting
 *                            the transaction as still pending
 */
public record TransactionPolicy(
        double gasSafetyMargin,
        Duration receiptPollInterval,
        Duration replaceAfter,
        int feeBumpPercent,
        BigInteger maxFeePerGasWei,
        Duration timeout) {

    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    /** @throws IllegalArgumentException naming the first invalid setting */
    public TransactionPolicy {
        if (!(gasSafetyMargin >= 1.0 && gasSafetyMargin <= 3.0)) {
            throw new IllegalArgumentException("gasSafetyMargin must be 1.0..3.0: " + gasSafetyMargin);
        }
        requirePositive(receiptPollInterval, "receiptPollInterval");
        requirePositive(replaceAfter, "replaceAfter");
        requirePositive(timeout, "timeout");
        if (feeBumpPercent < 10) {
            throw new IllegalArgumentException("feeBumpPercent must be at least 10 (nodes refuse smaller bumps): "
                    + feeBumpPercent);
        }
        Objects.requireNonNull(maxFeePerGasWei, "maxFeePerGasWei");
        if (maxFeePerGasWei.signum() <= 0) {
            throw new IllegalArgumentException("maxFeePerGasWei must be positive");
        }
    }

    /**
     * @param gwei an amount in gwei
     * @return the amount in wei
     */
    public static BigInteger gwei(long gwei) {
        return BigInteger.valueOf(gwei).multiply(GWEI);
    }

    /**
     * @param estimate the node's gas estimate
     * @return the gas limit to sign: the estimate times the margin, rounded up
     */
    public BigInteger gasLimit(BigInteger estimate) {
        // Per-mille integer arithmetic: exact for the margins config allows (three decimals).
        long perMille = Math.round(gasSafetyMargin * 1000);
        BigInteger[] qr = estimate.multiply(BigInteger.valueOf(perMille)).divideAndRemainder(BigInteger.valueOf(1000));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    /**
     * @param fee a fee per gas
     * @return the fee raised by {@link #feeBumpPercent}, rounded up
     */
    public BigInteger bump(BigInteger fee) {
        BigInteger[] qr = fee.multiply(BigInteger.valueOf(100L + feeBumpPercent)).divideAndRemainder(BigInteger.valueOf(100));
        return qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
