package io.velocity.strategy;

/**
 * The venue's taker fee: {@code fee = shares × r × (p·(1−p))^e}, with rate r and exponent e read
 * per market (POLYMARKET.md, "Fees"). Makers pay nothing.
 */
public final class TakerFee {
    private TakerFee() {
    }

    /** Fee per share, in probability points (dollars per share), at price {@code p}. */
    public static double perShare(double p, double rate, double exponent) {
        if (!(p > 0) || !(p < 1) || !(rate > 0)) {
            return 0.0;
        }
        return rate * Math.pow(p * (1.0 - p), exponent);
    }

    /**
     * Fee in micro-USD for {@code sharesMicros} micro-shares at {@code p}, rounded up to the next
     * micro-dollar so the model never understates a cost.
     */
    public static long micros(long sharesMicros, double p, double rate, double exponent) {
        double fee = (sharesMicros / 1_000_000.0) * perShare(p, rate, exponent) * 1_000_000.0;
        return (long) Math.ceil(fee - 1e-9);
    }
}
