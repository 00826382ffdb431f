package io.velocity.sim.world;

/**
 * One-second OHLCV bars of one asset in a ring of primitive arrays, the source of Binance klines
 * and of window open/close prices. Prices are in ticks, quantities in 1e-8 base units. Owned by
 * the simulator loop thread.
 */
public final class SecondBars {
    private final int capacity;
    private final long[] second;
    private final long[] open;
    private final long[] high;
    private final long[] low;
    private final long[] close;
    private final long[] volume;
    private final double[] quoteVolume;
    private final long[] takerBuyVolume;
    private final double[] takerBuyQuote;
    private final int[] trades;
    private final double[] midAtStart;
    private final boolean[] traded;
    private long first = Long.MIN_VALUE;
    private long last = Long.MIN_VALUE;

    public SecondBars(int capacitySeconds) {
        this.capacity = capacitySeconds;
        second = new long[capacitySeconds];
        open = new long[capacitySeconds];
        high = new long[capacitySeconds];
        low = new long[capacitySeconds];
        close = new long[capacitySeconds];
        volume = new long[capacitySeconds];
        quoteVolume = new double[capacitySeconds];
        takerBuyVolume = new long[capacitySeconds];
        takerBuyQuote = new double[capacitySeconds];
        trades = new int[capacitySeconds];
        midAtStart = new double[capacitySeconds];
        traded = new boolean[capacitySeconds];
    }

    /** Opens the bar of {@code sec} (epoch seconds) at the previous close, remembering the mid at its start. */
    void open(long sec, long previousClose, double mid) {
        int i = slot(sec);
        second[i] = sec;
        open[i] = previousClose;
        high[i] = previousClose;
        low[i] = previousClose;
        close[i] = previousClose;
        volume[i] = 0;
        quoteVolume[i] = 0;
        takerBuyVolume[i] = 0;
        takerBuyQuote[i] = 0;
        trades[i] = 0;
        midAtStart[i] = mid;
        traded[i] = false;
        if (first == Long.MIN_VALUE || sec - first >= capacity) {
            first = first == Long.MIN_VALUE ? sec : sec - capacity + 1;
        }
        last = sec;
    }

    /** Adds one aggregated trade to the current bar. */
    void trade(long priceTicks, long qtyUnits, double quote, boolean buyerIsMaker, int fills) {
        int i = slot(last);
        if (!traded[i]) {
            open[i] = priceTicks;
            high[i] = priceTicks;
            low[i] = priceTicks;
            traded[i] = true;
        }
        high[i] = Math.max(high[i], priceTicks);
        low[i] = Math.min(low[i], priceTicks);
        close[i] = priceTicks;
        volume[i] += qtyUnits;
        quoteVolume[i] += quote;
        if (!buyerIsMaker) {
            takerBuyVolume[i] += qtyUnits;
            takerBuyQuote[i] += quote;
        }
        trades[i] += fills;
    }

    /** First second still held, or {@link Long#MIN_VALUE} when empty. */
    public long firstSecond() {
        return first;
    }

    /** Latest second opened, or {@link Long#MIN_VALUE} when empty. */
    public long lastSecond() {
        return last;
    }

    public boolean holds(long sec) {
        return first != Long.MIN_VALUE && sec >= first && sec <= last;
    }

    public long open(long sec) {
        return open[slot(sec)];
    }

    public long high(long sec) {
        return high[slot(sec)];
    }

    public long low(long sec) {
        return low[slot(sec)];
    }

    public long close(long sec) {
        return close[slot(sec)];
    }

    public long volume(long sec) {
        return volume[slot(sec)];
    }

    public double quoteVolume(long sec) {
        return quoteVolume[slot(sec)];
    }

    public long takerBuyVolume(long sec) {
        return takerBuyVolume[slot(sec)];
    }

    public double takerBuyQuote(long sec) {
        return takerBuyQuote[slot(sec)];
    }

    public int trades(long sec) {
        return trades[slot(sec)];
    }

    /** Mid price (in price units, not ticks) at the first instant of {@code sec}. */
    public double midAtStart(long sec) {
        return midAtStart[slot(sec)];
    }

    private int slot(long sec) {
        return (int) Math.floorMod(sec, (long) capacity);
    }
}
