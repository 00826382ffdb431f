package io.velocity.strategy;

/**
 * The latest analysis of one market: a mutable slot owned by the engine thread and overwritten
 * on every evaluation (no allocation per tick). Snapshots copy it into immutable rows.
 * Probabilities and prices are in probability points (0..1).
 */
public final class Analysis {
    /** Fair P(up), NaN when unknown. */
    public double fairUp = Double.NaN;
    /** Best ask of Up and of Down, NaN when that side is empty. */
    public double askUp = Double.NaN;
    public double askDown = Double.NaN;
    /** Best bid of Up and of Down. */
    public double bidUp = Double.NaN;
    public double bidDown = Double.NaN;
    /** The outcome the analysis favours. */
    public Outcome outcome = Outcome.UP;
    /** Depth-aware implied probability (average price) of buying {@link #outcome} at the intended size. */
    public double implied = Double.NaN;
    /** Fair probability of {@link #outcome} minus {@link #implied}. */
    public double edge = Double.NaN;
    /** Taker fee per share at the implied price. */
    public double takerFee = Double.NaN;
    /** Gas per share (redemption / Rail B cost spread over the shares). */
    public double gasPerShare;
    /** Expected value per dollar spent on a taker buy, after fee and gas. */
    public double evPerDollar = Double.NaN;
    /** Kelly stake in micro-USD for the intended trade. */
    public long stakeMicros;
    /** Intended shares in micro-shares. */
    public long sharesMicros;
    /** Maker (ladder) price in 1e-4 units and its edge, when a ladder is possible. */
    public long ladderPriceE4;
    public double makerEdge = Double.NaN;
    public Decision decision = Decision.NONE;
    public NoTradeReason reason = NoTradeReason.NO_SPOT_PRICE;
    /** Seconds left in the window at evaluation. */
    public double secondsLeft;
    /** Effective Allora weight used (0 when no valid signal). */
    public double signalWeight;

    void reset() {
        fairUp = askUp = askDown = bidUp = bidDown = implied = edge = takerFee = evPerDollar = makerEdge = Double.NaN;
        outcome = Outcome.UP;
        gasPerShare = 0;
        stakeMicros = sharesMicros = ladderPriceE4 = 0;
        decision = Decision.NONE;
        signalWeight = 0;
    }
}
