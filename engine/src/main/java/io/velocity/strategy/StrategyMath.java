package io.velocity.strategy;

/**
 * Kelly sizing, Allora signal staleness and signal validation: the Java twin of
 * {@code python/strategy.py}, used when Python is slow, fails or is not installed.
 *
 * <h2>Parity with Python</h2>
 * Both implementations must return bit-identical numbers ({@code python/tests/vectors.json} is
 * checked against both by {@code StrategyParityTest}). That holds because each rule is written as
 * the same sequence of IEEE-754 double operations in both languages, evaluated left to right:
 * {@code + - * /} and {@code sqrt} are correctly rounded in Java and in CPython (which runs each
 * operator as its own C call, so nothing is fused into an FMA or kept in extended precision), and
 * integers are converted with {@code (double)} / {@code float()} only below 2<sup>53</sup>, where
 * the conversion is exact. No transcendental function is used: {@code exp} or {@code log} are
 * not correctly rounded and could differ between libm and {@link Math}. Change a formula here only
 * together with {@code strategy.py}, then regenerate the vectors with
 * {@code python/tests/make_vectors.py}.
 *
 * <p>All methods are pure and thread-safe; {@link #kellyStakeMicros}, {@link #signalWeight} and
 * {@link #validateSignal} allocate nothing.
 */
public final class StrategyMath {
    /**
     * Largest bankroll accepted, 2<sup>53</sup> micro-USD (about 9.007 billion USD): every integer
     * up to it converts to a double exactly, in Java and in Python alike.
     */
    public static final long MAX_EXACT_MICROS = 1L << 53;
    /**
     * A signal stamped later than now by more than this is refused. Two honest clocks (ours,
     * NTP-synchronised, and the Allora network's) disagree by far less.
     */
    public static final long FUTURE_TOLERANCE_MS = 2_000;
    /** {@link #validateSignal} refuses a forecast larger than this many tolerance bands. */
    public static final double MAGNITUDE_BANDS = 4.0;

    /** Reasons, word for word as {@code strategy.py} returns them. */
    public static final String REASON_WINDOW_OVER = "window over";
    public static final String REASON_FROM_FUTURE = "signal from the future";
    public static final String REASON_STALE = "stale";
    public static final String REASON_BAD_MAX_RATIO = "max_ratio must be a finite number > 0";
    public static final String REASON_DIRECTION = "direction disagrees";
    public static final String REASON_MAGNITUDE = "magnitude implausible";

    private static final StalenessResult WINDOW_OVER =
            new StalenessResult(Double.POSITIVE_INFINITY, 0.0, false, REASON_WINDOW_OVER);

    private static final SignalCheck DIRECTION_DISAGREES = new SignalCheck(false, REASON_DIRECTION);
    private static final SignalCheck MAGNITUDE_IMPLAUSIBLE = new SignalCheck(false, REASON_MAGNITUDE);
    private static final SignalCheck SIGNAL_NOT_FINITE = notFinite("signal_log_return");
    private static final SignalCheck HORIZON_NOT_FINITE = notFinite("horizon_seconds");
    private static final SignalCheck DFO_NOT_FINITE = notFinite("dfo_log");
    private static final SignalCheck VOL_NOT_FINITE = notFinite("vol_per_sqrt_s");
    private static final SignalCheck REMAINING_NOT_FINITE = notFinite("seconds_remaining");
    private static final SignalCheck TOLERANCE_NOT_FINITE = notFinite("tolerance_sigma");
    private static final SignalCheck HORIZON_NOT_POSITIVE = new SignalCheck(false, "horizon_seconds must be > 0");
    private static final SignalCheck VOL_NOT_POSITIVE = new SignalCheck(false, "vol_per_sqrt_s must be > 0");
    private static final SignalCheck REMAINING_NOT_POSITIVE = new SignalCheck(false, "seconds_remaining must be > 0");
    private static final SignalCheck TOLERANCE_NEGATIVE = new SignalCheck(false, "tolerance_sigma must be >= 0");

    private StrategyMath() {
    }

    /**
     * Stake in micro-USD for buying a binary contract that pays 1.0 if it wins. Rules, in order:
     * <ol>
     *   <li>Invalid input gives 0: any double NaN; {@code price} not in (0, 1); {@code winProb}
     *       not in [0, 1]; {@code feePerShare} negative or infinite; {@code kellyFraction} or
     *       {@code maxBankrollFraction} not in (0, 1]; {@code bankrollMicros} not in
     *       (0, {@link #MAX_EXACT_MICROS}].</li>
     *   <li>Effective cost per share {@code c = price + feePerShare}; {@code c >= 1} gives 0.</li>
     *   <li>Full Kelly {@code f = (winProb - c) / (1 - c)}; {@code f <= 0} (no edge or a negative
     *       edge) gives 0.</li>
     *   <li>The stake is {@code floor(min(kellyFraction * f * bankroll, maxBankrollFraction * bankroll,
     *       maxOrderMicros))}, each term a double evaluated left to right, and never below 0.</li>
     * </ol>
     * Rounding: the floor of a double. Where the exact decimal result is an integer but the double
     * lands one ulp below it ({@code 0.29 * 100 == 28.999999999999996}) the stake is one micro-USD
     * smaller. No epsilon is added on purpose: it errs towards the smaller order and can never
     * lift a stake over a cap, and Python computes the same double, so both agree.
     *
     * @param price               ask price of one share, probability units
     * @param winProb             our probability that the share pays 1.0
     * @param bankrollMicros      bankroll in micro-USD
     * @param kellyFraction       fraction of full Kelly to bet
     * @param maxBankrollFraction largest fraction of the bankroll in one order
     * @param maxOrderMicros      largest single order in micro-USD; {@code <= 0} gives 0
     * @param feePerShare         taker fee per share in probability units (0 for a maker)
     * @return the stake in micro-USD, 0 when nothing should be bought
     */
    public static long kellyStakeMicros(double price, double winProb, long bankrollMicros, double kellyFraction,
                                        double maxBankrollFraction, long maxOrderMicros, double feePerShare) {
        // Written as "not inside the valid range" so that NaN, which fails every comparison, is refused.
        if (!(price > 0.0 && price < 1.0)
                || !(winProb >= 0.0 && winProb <= 1.0)
                || !(feePerShare >= 0.0 && feePerShare < Double.POSITIVE_INFINITY)
                || !(kellyFraction > 0.0 && kellyFraction <= 1.0)
                || !(maxBankrollFraction > 0.0 && maxBankrollFraction <= 1.0)
                || bankrollMicros <= 0 || bankrollMicros > MAX_EXACT_MICROS) {
            return 0;
        }
        double cost = price + feePerShare;
        if (cost >= 1.0) {
            return 0;
        }
        double fullKelly = (winProb - cost) / (1.0 - cost);
        if (!(fullKelly > 0.0)) {
            return 0;
        }
        double bankroll = (double) bankrollMicros;
        double kellyStake = kellyFraction * fullKelly * bankroll;
        double bankrollCap = maxBankrollFraction * bankroll;
        double stake = Math.min(Math.min(kellyStake, bankrollCap), (double) maxOrderMicros);
        if (stake <= 0.0) {
            return 0;
        }
        return (long) Math.floor(stake);
    }

    /**
     * How stale an Allora signal is relative to the time left in the candle, and the weight it
     * keeps. Times are epoch milliseconds (their differences must fit in a {@code long}, which
     * real timestamps always do; Python's integers cannot overflow at all). Rules, in order:
     * <ol>
     *   <li>{@code remaining = windowEndMs - nowMs}; {@code remaining <= 0} gives
     *       {@code (Infinity, 0, false, "window over")}.</li>
     *   <li>{@code age = max(0, nowMs - signalTsMs)}; {@code ratio = (double) age / (double) remaining}.</li>
     *   <li>A signal stamped more than {@link #FUTURE_TOLERANCE_MS} after now gives
     *       {@code (ratio, 0, false, "signal from the future")}; within the tolerance it counts as age 0.</li>
     *   <li>{@code maxRatio} NaN, infinite or {@code <= 0} gives {@code (ratio, 0, false, }{@link #REASON_BAD_MAX_RATIO}{@code )}.</li>
     *   <li>{@code ratio > maxRatio} gives {@code (ratio, 0, false, "stale")}: with a limit of 0.05,
     *       exactly 0.05 is accepted, 0.0501 is not.</li>
     *   <li>Otherwise accepted with {@code weight = max(0, 1 - ratio / maxRatio)}: linear decay from
     *       1 for a brand-new signal to 0 at the limit, so a signal fades out of fair value instead
     *       of dropping out all at once.</li>
     * </ol>
     */
    public static StalenessResult staleness(long nowMs, long signalTsMs, long windowEndMs, double maxRatio) {
        String reason = stalenessReason(nowMs, signalTsMs, windowEndMs, maxRatio);
        if (REASON_WINDOW_OVER.equals(reason)) {
            return WINDOW_OVER;
        }
        double ratio = stalenessRatio(nowMs, signalTsMs, windowEndMs);
        return reason.isEmpty()
                ? new StalenessResult(ratio, decayedWeight(ratio, maxRatio), true, reason)
                : new StalenessResult(ratio, 0.0, false, reason);
    }

    /** The {@code weight} of {@link #staleness} without allocating: 0 whenever the signal is refused. */
    public static double signalWeight(long nowMs, long signalTsMs, long windowEndMs, double maxRatio) {
        if (!stalenessReason(nowMs, signalTsMs, windowEndMs, maxRatio).isEmpty()) {
            return 0.0;
        }
        return decayedWeight(stalenessRatio(nowMs, signalTsMs, windowEndMs), maxRatio);
    }

    /** The {@code ratio} of {@link #staleness}: signal age over time remaining, infinite once the window is over. */
    public static double stalenessRatio(long nowMs, long signalTsMs, long windowEndMs) {
        long remaining = windowEndMs - nowMs;
        if (remaining <= 0) {
            return Double.POSITIVE_INFINITY;
        }
        long age = Math.max(0, nowMs - signalTsMs);
        return (double) age / (double) remaining;
    }

    /** The {@code reason} of {@link #staleness} (one of the {@code REASON_} constants, "" when accepted). */
    private static String stalenessReason(long nowMs, long signalTsMs, long windowEndMs, double maxRatio) {
        if (windowEndMs - nowMs <= 0) {
            return REASON_WINDOW_OVER;
        }
        if (signalTsMs - nowMs > FUTURE_TOLERANCE_MS) {
            return REASON_FROM_FUTURE;
        }
        if (!(maxRatio > 0.0 && maxRatio < Double.POSITIVE_INFINITY)) {
            return REASON_BAD_MAX_RATIO;
        }
        return stalenessRatio(nowMs, signalTsMs, windowEndMs) > maxRatio ? REASON_STALE : "";
    }

    private static double decayedWeight(double ratio, double maxRatio) {
        return Math.max(0.0, 1.0 - ratio / maxRatio);
    }

    /**
     * Whether an Allora forecast is consistent with what Binance shows right now.
     *
     * <p>{@code dfoLog} is the distance from the window's open, {@code ln(S / S0)}. The forecast
     * of the log return over {@code horizonSeconds} is scaled to the time left,
     * {@code mu = signalLogReturn * secondsRemaining / horizonSeconds} (multiply, then divide),
     * and compared with the tolerance band
     * {@code band = toleranceSigma * volPerSqrtS * sqrt(secondsRemaining)}, a move of
     * {@code toleranceSigma} standard deviations over the time left. First match wins:
     * <ol>
     *   <li>any argument NaN or infinite: invalid, {@code "<argument> is not finite"} (Python's
     *       argument names, e.g. {@code "vol_per_sqrt_s is not finite"});</li>
     *   <li>{@code horizonSeconds <= 0}, {@code volPerSqrtS <= 0}, {@code secondsRemaining <= 0} or
     *       {@code toleranceSigma < 0}: invalid, the reason names the argument
     *       ({@code "vol_per_sqrt_s must be > 0"});</li>
     *   <li>{@code mu} and {@code dfoLog} strictly of opposite signs and {@code |mu| > band}:
     *       invalid, {@code "direction disagrees"}. A price exactly at the open ({@code dfoLog == 0})
     *       has no direction to contradict, so it never disagrees;</li>
     *   <li>{@code |mu| > 4 * band}: invalid, {@code "magnitude implausible"};</li>
     *   <li>otherwise {@link SignalCheck#VALID}.</li>
     * </ol>
     * Comparisons are strict: a value exactly on a band edge is still valid. With
     * {@code toleranceSigma == 0} only a zero forecast is valid.
     */
    public static SignalCheck validateSignal(double signalLogReturn, double horizonSeconds, double dfoLog,
                                             double volPerSqrtS, double secondsRemaining, double toleranceSigma) {
        if (!Double.isFinite(signalLogReturn)) {
            return SIGNAL_NOT_FINITE;
        }
        if (!Double.isFinite(horizonSeconds)) {
            return HORIZON_NOT_FINITE;
        }
        if (!Double.isFinite(dfoLog)) {
            return DFO_NOT_FINITE;
        }
        if (!Double.isFinite(volPerSqrtS)) {
            return VOL_NOT_FINITE;
        }
        if (!Double.isFinite(secondsRemaining)) {
            return REMAINING_NOT_FINITE;
        }
        if (!Double.isFinite(toleranceSigma)) {
            return TOLERANCE_NOT_FINITE;
        }
        if (horizonSeconds <= 0.0) {
            return HORIZON_NOT_POSITIVE;
        }
        if (volPerSqrtS <= 0.0) {
            return VOL_NOT_POSITIVE;
        }
        if (secondsRemaining <= 0.0) {
            return REMAINING_NOT_POSITIVE;
        }
        if (toleranceSigma < 0.0) {
            return TOLERANCE_NEGATIVE;
        }
        double mu = signalLogReturn * secondsRemaining / horizonSeconds;
        double band = toleranceSigma * volPerSqrtS * Math.sqrt(secondsRemaining);
        boolean opposite = (mu > 0.0 && dfoLog < 0.0) || (mu < 0.0 && dfoLog > 0.0);
        if (opposite && Math.abs(mu) > band) {
            return DIRECTION_DISAGREES;
        }
        if (Math.abs(mu) > MAGNITUDE_BANDS * band) {
            return MAGNITUDE_IMPLAUSIBLE;
        }
        return SignalCheck.VALID;
    }

    private static SignalCheck notFinite(String argument) {
        return new SignalCheck(false, argument + " is not finite");
    }
}
