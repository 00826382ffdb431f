package io.velocity.strategy;

/**
 * Everything the decider reads about one market, as the engine thread holds it. Book arrays are
 * best-first, prices in 1e-4 units, sizes in micro-shares.
 */
public final class MarketInputs {
    public long windowStartMillis;
    public long windowEndMillis;
    public int tickE4 = 100;
    public long minOrderSizeMicros;
    public double feeRate;
    public double feeExponent;

    public double spot = Double.NaN;
    public double open = Double.NaN;
    public double volPerSqrtSecond = Double.NaN;

    /** Allora forecast log return over {@link #signalHorizonSeconds}; weight 0 when none is valid. */
    public double signalLogReturn = Double.NaN;
    public double signalHorizonSeconds;
    public double signalWeight;

    public final long[] upAskPrices;
    public final long[] upAskSizes;
    public final long[] upBidPrices;
    public final long[] upBidSizes;
    public final long[] downAskPrices;
    public final long[] downAskSizes;
    public final long[] downBidPrices;
    public final long[] downBidSizes;
    public int upAskDepth;
    public int upBidDepth;
    public int downAskDepth;
    public int downBidDepth;

    public MarketInputs(int levels) {
        upAskPrices = new long[levels];
        upAskSizes = new long[levels];
        upBidPrices = new long[levels];
        upBidSizes = new long[levels];
        downAskPrices = new long[levels];
        downAskSizes = new long[levels];
        downBidPrices = new long[levels];
        downBidSizes = new long[levels];
    }

    /** Levels held per side. */
    public int levels() {
        return upAskPrices.length;
    }
}
