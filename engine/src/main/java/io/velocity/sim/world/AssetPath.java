package io.velocity.sim.world;

import io.velocity.config.SimConfig;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * The price path of one asset: a jump-diffusion whose volatility switches between regimes and
 * whose drift is a hidden mean-reverting trend (the part of the future the Allora signal can
 * see). Every random draw comes from this asset's own generator, so adding an asset or calling
 * the world at a different cadence never changes another asset's path.
 */
public final class AssetPath {
    private static final double SECONDS_PER_YEAR = 365.0 * 86_400.0;
    private static final double LN2 = Math.log(2.0);

    private final String name;
    private final String symbol;
    private final double tick;
    private final BigDecimal tickDecimal;
    private final int spreadTicks;
    private final SplittableRandom rng;
    private final SecondBars bars;

    private final double sigmaPerSqrtSecond;
    private final double calm;
    private final double storm;
    private final double switchPerSecond;
    private final double stormShare;
    private final double trendHalfLifeSeconds;
    private final double trendStdev;
    private final double jumpsPerSecond;
    private final double jumpStdev;
    private final double tradesPerSecond;
    private final double meanTradeUnits;

    private final double[] midRing;
    private int ringHead;
    private int ringSize;

    private double logMid;
    private Regime regime = Regime.NORMAL;
    private double trend;
    private long bidTicks;
    private long askTicks;
    private long lastTradeTicks;
    private long nextAggId = 1;
    private long nextTradeId = 1;
    private long nextUpdateId = 1;

    AssetPath(String name, String symbol, SimConfig.Asset p, SimConfig.Regimes r, double compression, long seed,
              int historySeconds, int lagSteps) {
        this.name = name;
        this.symbol = symbol;
        this.tick = p.tickSize();
        this.tickDecimal = BigDecimal.valueOf(p.tickSize()).stripTrailingZeros();
        this.spreadTicks = p.spreadTicks();
        this.rng = new SplittableRandom(seed);
        this.bars = new SecondBars(historySeconds);
        // A compressed window must look like a real one: variance per real second grows with the
        // compression, and jumps and regime switches come proportionally more often.
        this.sigmaPerSqrtSecond = p.annualVolatility() / Math.sqrt(SECONDS_PER_YEAR) * Math.sqrt(compression);
        this.calm = r.calmMultiplier();
        this.storm = r.stormMultiplier();
        this.switchPerSecond = compression / (r.meanDuration().toMillis() / 1000.0);
        this.stormShare = r.stormShare();
        this.trendHalfLifeSeconds = r.trendHalfLife().toMillis() / 1000.0 / compression;
        this.trendStdev = r.trendStrength() * sigmaPerSqrtSecond / Math.sqrt(trendHalfLifeSeconds);
        this.jumpsPerSecond = p.jumpsPerDay() * compression / 86_400.0;
        this.jumpStdev = p.jumpStdev();
        this.tradesPerSecond = p.tradesPerSecond();
        this.meanTradeUnits = p.meanTradeSize() * 1e8;
        this.midRing = new double[Math.max(4, lagSteps)];
        this.logMid = Math.log(p.startPrice());
        quote();
        this.lastTradeTicks = bidTicks;
    }

    /** Advances this asset by {@code dtMillis} ending at {@code time}; reports trades and the new top of book. */
    void step(long time, long dtMillis, MarketDataListener listener) {
        double dt = dtMillis / 1000.0;
        if (rng.nextDouble() < switchPerSecond * dt) {
            double u = rng.nextDouble();
            regime = u < stormShare ? Regime.STORM : (u < stormShare + (1 - stormShare) / 2 ? Regime.CALM : Regime.NORMAL);
        }
        double a = Math.exp(-LN2 * dt / trendHalfLifeSeconds);
        trend = a * trend + trendStdev * Math.sqrt(1 - a * a) * rng.nextGaussian();
        double sigma = sigmaPerSqrtSecond * multiplier();
        double dLog = trend * dt - 0.5 * sigma * sigma * dt + sigma * Math.sqrt(dt) * rng.nextGaussian();
        if (rng.nextDouble() < jumpsPerSecond * dt) {
            dLog += jumpStdev * rng.nextGaussian();
        }
        logMid += dLog;
        quote();

        long sec = Math.floorDiv(time - 1, 1000L);
        if (bars.lastSecond() != sec) {
            bars.open(sec, lastTradeTicks, mid());
        }
        int n = poisson(tradesPerSecond * dt);
        for (int i = 0; i < n; i++) {
            boolean buyerIsMaker = rng.nextBoolean();
            long price = buyerIsMaker ? bidTicks : askTicks;
            long qty = Math.max(1_000L, Math.round(-Math.log(1 - rng.nextDouble()) * meanTradeUnits / 1_000.0) * 1_000L);
            int fills = 1 + rng.nextInt(3);
            // Trades print inside the step, strictly before its end, so they fall in the second
            // that the step's interval (time - dt, time) belongs to.
            AggTrade t = new AggTrade(nextAggId++, price, qty, nextTradeId, nextTradeId + fills - 1, time - 1, buyerIsMaker);
            nextTradeId += fills;
            lastTradeTicks = price;
            bars.trade(price, qty, price * tick * (qty / 1e8), buyerIsMaker, fills);
            if (listener != null) {
                listener.onTrade(this, t);
            }
        }
        ringHead = (ringHead + 1) % midRing.length;
        midRing[ringHead] = mid();
        ringSize = Math.min(ringSize + 1, midRing.length);
        if (time % 1000 == 0) {
            // The bar of the second starting now records the price at its first instant:
            // window opens and closes are read from it.
            bars.open(time / 1000, lastTradeTicks, mid());
        }
        if (listener != null) {
            long bidQty = Math.round((0.5 + 3 * rng.nextDouble()) * meanTradeUnits / 1_000.0) * 1_000L + 1_000L;
            long askQty = Math.round((0.5 + 3 * rng.nextDouble()) * meanTradeUnits / 1_000.0) * 1_000L + 1_000L;
            listener.onBookTop(this, new BookTop(nextUpdateId++, bidTicks, bidQty, askTicks, askQty, time));
        } else {
            nextUpdateId++;
        }
    }

    private void quote() {
        double midTicks = Math.exp(logMid) / tick;
        bidTicks = Math.max(1, (long) Math.floor(midTicks - spreadTicks / 2.0));
        askTicks = bidTicks + spreadTicks;
    }

    private double multiplier() {
        return switch (regime) {
            case CALM -> calm;
            case NORMAL -> 1.0;
            case STORM -> storm;
        };
    }

    private int poisson(double lambda) {
        double limit = Math.exp(-lambda);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit && k < 1_000) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }

    /** Lower-case asset name, e.g. {@code btc}. */
    public String name() {
        return name;
    }

    /** Upper-case spot symbol, e.g. {@code BTCUSDT}. */
    public String symbol() {
        return symbol;
    }

    public double tickSize() {
        return tick;
    }

    public BigDecimal tickDecimal() {
        return tickDecimal;
    }

    /** Current fair mid price (between the best bid and ask of the spot book's model). */
    public double mid() {
        return Math.exp(logMid);
    }

    public long bidTicks() {
        return bidTicks;
    }

    public long askTicks() {
        return askTicks;
    }

    public long lastTradeTicks() {
        return lastTradeTicks;
    }

    public Regime regime() {
        return regime;
    }

    /** The hidden trend: expected log-return per second of real time. */
    public double trendPerSecond() {
        return trend;
    }

    /** Diffusion volatility per square-root second of real time in the current regime. */
    public double sigmaPerSqrtSecond() {
        return sigmaPerSqrtSecond * multiplier();
    }

    /** Diffusion volatility per square-root second in the normal regime (what a market maker assumes). */
    public double baseSigmaPerSqrtSecond() {
        return sigmaPerSqrtSecond;
    }

    public SecondBars bars() {
        return bars;
    }

    /** Mid price {@code stepsBack} world steps ago (the oldest remembered when further back). */
    public double midStepsAgo(int stepsBack) {
        if (ringSize == 0) {
            return mid();
        }
        int back = Math.min(Math.max(stepsBack, 0), ringSize - 1);
        return midRing[Math.floorMod(ringHead - back, midRing.length)];
    }
}
