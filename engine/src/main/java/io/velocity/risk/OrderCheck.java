package io.velocity.risk;

/**
 * What pre-trade risk needs to know about one order. A mutable slot reused by the engine thread,
 * so checking an order allocates nothing. Money in micro-USD, prices in 1e-4 units.
 */
public final class OrderCheck {
    public long priceE4;
    public long sizeMicros;
    public boolean marketable;
    public int tickE4;
    public long minOrderSizeMicros;
    /** Fair probability of the outcome being bought. */
    public double fairProbability;
    public double secondsLeft;
    /** Cost basis already committed in this market (positions + open orders). */
    public long marketExposureMicros;
    /** Cost basis already committed across the market's window (all assets). */
    public long windowExposureMicros;
    /** Our best resting buy price on the other outcome of the same market, 0 when none. */
    public long oppositeRestingBuyE4;

    /** Notional in micro-USD: shares × price. */
    public long notionalMicros() {
        return Math.multiplyHigh(sizeMicros, priceE4) == 0 ? sizeMicros * priceE4 / 10_000 : Long.MAX_VALUE;
    }
}
