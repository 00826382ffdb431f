package io.velocity.marketdata.binance;

/**
 * Rolling realized volatility of an asset from its trades, per √second.
 *
 * <p>Estimator: the realized variance of trade-to-trade log returns over a trailing window,
 * divided by the time the window actually covers:
 *
 * <pre>
 *   r_i  = ln(p_i / p_{i-1})                       (attributed to trade i's time t_i)
 *   σ²/s = Σ_{t_i > now − W} r_i²  /  (now − max(now − W, start))      now = newest trade time
 *   σ    = √(σ²/s)
 * </pre>
 *
 * where {@code start} is the first trade's time (warm-up) or, if the buffer ever overflowed, the
 * time of the newest return dropped for capacity. Normalising by elapsed time rather than by the
 * number of trades makes it time-weighted: a burst of trades in one second adds its returns but
 * not extra weight, and quiet periods count as the time they last. Sum of squared returns over
 * time converges to the integrated variance (the diffusion's σ²), which is what the fair-value
 * model {@code Φ(ln(S/S0)/(σ√τ))} needs.
 *
 * <p>Cost: O(1) amortised per trade (one log, a ring-buffer push, evictions from the head), no
 * allocation after construction. The running sum is recomputed from the buffer once every
 * {@code capacity} evictions so floating-point drift cannot accumulate. Not thread-safe.
 */
public final class RealizedVolatility {
    private final long windowMillis;
    private final long minCoverageMillis;
    private final long[] times;
    private final double[] squares;
    private final int mask;
    private int head;
    private int size;
    private double sum;
    private long evictions;
    private double lastPrice = Double.NaN;
    private long lastTime = Long.MIN_VALUE;
    private long coverageStart = Long.MIN_VALUE;

    /**
     * @param windowMillis      trailing window W (60 000 for the 1-minute volatility)
     * @param minCoverageMillis report NaN until the returns cover at least this long
     * @param capacityPow2      returns kept (a power of two); beyond it the window shortens
     */
    public RealizedVolatility(long windowMillis, long minCoverageMillis, int capacityPow2) {
        if (Integer.bitCount(capacityPow2) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacityPow2);
        }
        if (windowMillis <= 0 || minCoverageMillis <= 0 || minCoverageMillis > windowMillis) {
            throw new IllegalArgumentException("need 0 < minCoverage <= window");
        }
        this.windowMillis = windowMillis;
        this.minCoverageMillis = minCoverageMillis;
        this.times = new long[capacityPow2];
        this.squares = new double[capacityPow2];
        this.mask = capacityPow2 - 1;
    }

    /** The 1-minute estimator of the issue: W = 60 s, warm after 15 s, 65 536 returns. */
    public static RealizedVolatility oneMinute() {
        return new RealizedVolatility(60_000, 15_000, 1 << 16);
    }

    /** Adds a trade. Out-of-order times are clamped to the newest seen; non-positive prices are ignored. */
    public void onTrade(long timeMillis, double price) {
        if (!(price > 0) || Double.isInfinite(price)) {
            return;
        }
        if (lastTime == Long.MIN_VALUE) {
            lastTime = timeMillis;
            lastPrice = price;
            coverageStart = timeMillis;
            return;
        }
        long t = Math.max(timeMillis, lastTime);
        double r = Math.log(price / lastPrice);
        lastPrice = price;
        lastTime = t;
        if (size == times.length) {
            coverageStart = Math.max(coverageStart, times[head]);
            evictHead();
        }
        int tail = (head + size) & mask;
        times[tail] = t;
        squares[tail] = r * r;
        size++;
        sum += r * r;
        long windowStart = t - windowMillis;
        while (size > 0 && times[head] <= windowStart) {
            evictHead();
        }
    }

    private void evictHead() {
        sum -= squares[head];
        head = (head + 1) & mask;
        size--;
        if (++evictions % times.length == 0) {
            recomputeSum();
        }
    }

    private void recomputeSum() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += squares[(head + i) & mask];
        }
        sum = s;
    }

    /** Time the current estimate covers, in ms (0 before two trades). */
    public long coverageMillis() {
        if (lastTime == Long.MIN_VALUE) {
            return 0;
        }
        return lastTime - Math.max(lastTime - windowMillis, coverageStart);
    }

    /** Realized variance of log returns per second; NaN until warm. */
    public double variancePerSecond() {
        long covered = coverageMillis();
        if (covered < minCoverageMillis) {
            return Double.NaN;
        }
        return Math.max(sum, 0.0) / (covered / 1000.0);
    }

    /** Realized volatility of log returns per √second; NaN until warm. */
    public double volPerSqrtSecond() {
        return Math.sqrt(variancePerSecond());
    }

    /** Newest trade time, or {@link Long#MIN_VALUE} before the first. */
    public long lastTradeMillis() {
        return lastTime;
    }

    /** Forgets everything (e.g. after a long outage, so old returns are not mixed with new ones). */
    public void reset() {
        head = 0;
        size = 0;
        sum = 0;
        lastPrice = Double.NaN;
        lastTime = Long.MIN_VALUE;
        coverageStart = Long.MIN_VALUE;
    }
}
