package io.velocity.strategy;

/**
 * Fair probability that an Up/Down window closes Up.
 *
 * <p>Binance alone: {@code P(up) = Φ( ln(S/S0) / (σ·√τ) )} with S the current price, S0 the
 * window's open, σ the realized volatility per √second and τ the seconds left: under a driftless
 * log-normal walk, the close is above the open when the remaining move does not undo the distance
 * already travelled.
 *
 * <p>With a valid Allora forecast of the log return over its horizon h, the forecast is scaled to
 * the remaining time (μ = r·τ/h) and enters as a drift: {@code P_a = Φ((ln(S/S0) + μ)/(σ√τ))}.
 * The result blends both, {@code (1−w)·P + w·P_a}, where w is the configured Allora weight times
 * the signal's staleness decay, so a fresh signal counts fully and an aging one fades out.
 */
public final class FairValueModel {
    /** Probabilities are clamped away from 0 and 1: the venue never trades outside [tick, 1−tick]. */
    public static final double MIN_P = 1e-6;

    private FairValueModel() {
    }

    /**
     * Binance-only probability of Up.
     *
     * @param price            current price S
     * @param open             window open S0
     * @param volPerSqrtSecond σ
     * @param secondsLeft      τ
     * @return P(up) in [MIN_P, 1−MIN_P], or NaN when inputs are unusable
     */
    public static double probabilityUp(double price, double open, double volPerSqrtSecond, double secondsLeft) {
        return probabilityUp(price, open, volPerSqrtSecond, secondsLeft, 0.0);
    }

    /** Probability of Up with an additional expected log return {@code drift} over the remaining time. */
    public static double probabilityUp(double price, double open, double volPerSqrtSecond, double secondsLeft,
                                       double drift) {
        if (!(price > 0) || !(open > 0) || !(volPerSqrtSecond > 0) || Double.isNaN(secondsLeft) || Double.isNaN(drift)) {
            return Double.NaN;
        }
        double logDistance = Math.log(price / open) + drift;
        if (secondsLeft <= 0) {
            // At the close the outcome is decided: Up when close >= open (ties resolve Up).
            return clamp(logDistance >= 0 ? 1.0 : 0.0);
        }
        return clamp(NormalCdf.phi(logDistance / (volPerSqrtSecond * Math.sqrt(secondsLeft))));
    }

    /**
     * Blends the Binance probability with the Allora-drifted one.
     *
     * @param alloraLogReturn forecast log return over {@code horizonSeconds}
     * @param weight          effective Allora weight in [0,1] (configured weight × staleness decay)
     */
    public static double blended(double price, double open, double volPerSqrtSecond, double secondsLeft,
                                 double alloraLogReturn, double horizonSeconds, double weight) {
        double base = probabilityUp(price, open, volPerSqrtSecond, secondsLeft);
        if (!(weight > 0) || Double.isNaN(alloraLogReturn) || !(horizonSeconds > 0) || Double.isNaN(base)) {
            return base;
        }
        double w = Math.min(1.0, weight);
        double drift = alloraLogReturn * Math.max(0.0, secondsLeft) / horizonSeconds;
        double withSignal = probabilityUp(price, open, volPerSqrtSecond, secondsLeft, drift);
        return clamp((1.0 - w) * base + w * withSignal);
    }

    private static double clamp(double p) {
        return Math.max(MIN_P, Math.min(1.0 - MIN_P, p));
    }
}
