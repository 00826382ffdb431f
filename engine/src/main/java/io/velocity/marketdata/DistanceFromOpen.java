package io.velocity.marketdata;

/**
 * Distance From Open (DFO): how far the spot price has moved from the window's open, in three
 * units. Pure functions of doubles: the engine calls them per tick without allocating (the
 * {@link #of} record form is for tools and tests).
 *
 * <p>σ units use the <em>time remaining</em>: {@code ln(S/S0) / (σ·√τ)} with σ the realized
 * volatility per √second and τ the seconds left in the window. That is the z-score inside the
 * fair value {@code P(up) = Φ(z)}: how many standard deviations of the move still possible the
 * price already is from the open. (Scaling by elapsed time instead would measure how unusual
 * the move so far was, which is not what decides the outcome.)
 *
 * @param absolute spot − open, in the quote currency
 * @param percent  (spot − open) / open × 100
 * @param sigmas   ln(spot / open) / (σ·√τ); ±∞ when τ or σ is 0 with a non-zero move; NaN when unknown
 */
public record DistanceFromOpen(double absolute, double percent, double sigmas) {

    /** All three units at once. */
    public static DistanceFromOpen of(double spot, double open, double volPerSqrtSecond, double secondsRemaining) {
        return new DistanceFromOpen(absolute(spot, open), percent(spot, open),
                sigmas(spot, open, volPerSqrtSecond, secondsRemaining));
    }

    /** spot − open. */
    public static double absolute(double spot, double open) {
        return spot - open;
    }

    /** (spot − open) / open × 100; NaN when the open is not positive. */
    public static double percent(double spot, double open) {
        return open > 0 ? (spot - open) / open * 100.0 : Double.NaN;
    }

    /**
     * ln(spot / open) / (σ·√τ).
     *
     * @param volPerSqrtSecond realized volatility of log returns per √second (NaN while warming up gives NaN)
     * @param secondsRemaining τ, seconds until the window ends (clamped at 0)
     */
    public static double sigmas(double spot, double open, double volPerSqrtSecond, double secondsRemaining) {
        if (!(spot > 0) || !(open > 0) || Double.isNaN(volPerSqrtSecond) || Double.isNaN(secondsRemaining)) {
            return Double.NaN;
        }
        double move = Math.log(spot / open);
        double scale = volPerSqrtSecond * Math.sqrt(Math.max(secondsRemaining, 0.0));
        if (scale == 0) {
            return move == 0 ? 0.0 : Math.copySign(Double.POSITIVE_INFINITY, move);
        }
        return move / scale;
    }
}
