package io.velocity.strategy;

import io.velocity.config.StrategyConfig;

/**
 * Turns one market's inputs into a decision: Snipe, Ladder or nothing (with the reason).
 * Runs on the engine thread for every relevant tick, so it allocates nothing and touches no I/O.
 *
 * <p>Velocity only ever <em>buys</em> outcome tokens (Up or Down) and holds them to resolution:
 * buying Down is the economic equivalent of selling Up without needing inventory.
 *
 * <ul>
 *   <li><b>Snipe</b> when, for the better outcome, {@code edge > takerFee + gas + snipeThreshold},
 *       all per share, with edge = fair probability − depth-aware average ask for the Kelly size.</li>
 *   <li><b>Ladder</b> otherwise, when a resting bid one tick above the best bid (never crossing the ask,
 *       never above {@code fair − minMakerEdge}) still has a positive maker edge; makers pay no fee.</li>
 *   <li>Nothing otherwise, with the first blocking reason.</li>
 * </ul>
 */
public final class TradeDecider {
    private static final long SHARE_STEP_MICROS = 10_000; // sizes have 2 decimals on the venue
    private static final long MIN_MARKETABLE_NOTIONAL_MICROS = 1_000_000; // $1 minimum for FOK/FAK (POLYMARKET.md)

    private final Sizer sizer;
    private double snipeThreshold;
    private double minMakerEdge;
    private double alloraWeight;
    private long ladderCutoffMillis;
    private long gasMicros;

    public TradeDecider(Sizer sizer, StrategyConfig strategy, long gasMicrosPerTrade) {
        this.sizer = sizer;
        configure(strategy, gasMicrosPerTrade);
    }

    /** Applies new tunables (on the engine thread, after a config reload). */
    public void configure(StrategyConfig strategy, long gasMicrosPerTrade) {
        this.snipeThreshold = strategy.snipeThreshold();
        this.minMakerEdge = strategy.ladder().minMakerEdge();
        this.alloraWeight = strategy.alloraWeight();
        this.ladderCutoffMillis = strategy.ladder().cancelBeforeEnd().toMillis();
        this.gasMicros = gasMicrosPerTrade;
    }

    /** The configured Allora weight (the engine multiplies it by the signal's staleness decay). */
    public double alloraWeight() {
        return alloraWeight;
    }

    /** Evaluates {@code in} at {@code nowMillis} into {@code out}. */
    public void evaluate(MarketInputs in, long nowMillis, Analysis out) {
        out.reset();
        out.secondsLeft = (in.windowEndMillis - nowMillis) / 1000.0;
        out.bidUp = in.upBidDepth > 0 ? in.upBidPrices[0] / 1e4 : Double.NaN;
        out.askUp = in.upAskDepth > 0 ? in.upAskPrices[0] / 1e4 : Double.NaN;
        out.bidDown = in.downBidDepth > 0 ? in.downBidPrices[0] / 1e4 : Double.NaN;
        out.askDown = in.downAskDepth > 0 ? in.downAskPrices[0] / 1e4 : Double.NaN;

        if (Double.isNaN(in.spot)) {
            out.reason = NoTradeReason.NO_SPOT_PRICE;
            return;
        }
        if (!(in.volPerSqrtSecond > 0)) {
            out.reason = NoTradeReason.NO_VOLATILITY;
            return;
        }
        if (nowMillis < in.windowStartMillis) {
            out.reason = NoTradeReason.WINDOW_NOT_STARTED;
            return;
        }
        if (Double.isNaN(in.open)) {
            out.reason = NoTradeReason.NO_WINDOW_OPEN;
            return;
        }
        out.signalWeight = in.signalWeight;
        out.fairUp = FairValueModel.blended(in.spot, in.open, in.volPerSqrtSecond, out.secondsLeft,
                in.signalLogReturn, in.signalHorizonSeconds, in.signalWeight);
        if (out.secondsLeft <= 0) {
            out.reason = NoTradeReason.WINDOW_CLOSING;
            return;
        }
        if (in.upAskDepth == 0 && in.downAskDepth == 0 && in.upBidDepth == 0 && in.downBidDepth == 0) {
            out.reason = NoTradeReason.NO_BOOK;
            return;
        }

        // Snipe candidates: take the better of buying Up and buying Down.
        double bestNet = Double.NEGATIVE_INFINITY;
        NoTradeReason blocking = NoTradeReason.EDGE_BELOW_THRESHOLD;
        for (int side = 0; side < 2; side++) {
            boolean up = side == 0;
            long[] prices = up ? in.upAskPrices : in.downAskPrices;
            long[] sizes = up ? in.upAskSizes : in.downAskSizes;
            int depth = up ? in.upAskDepth : in.downAskDepth;
            if (depth == 0) {
                continue;
            }
            double q = up ? out.fairUp : 1.0 - out.fairUp;
            double best = prices[0] / 1e4;
            double fee0 = TakerFee.perShare(best, in.feeRate, in.feeExponent);
            if (q - best <= fee0) {
                continue; // no edge even at the best level
            }
            long stake = sizer.stakeMicros(best, q, fee0);
            if (stake <= 0) {
                blocking = NoTradeReason.KELLY_SIZE_ZERO;
                continue;
            }
            long shares = roundShares((long) (stake / (best + fee0)));
            long available = roundShares(DepthPricer.availableMicros(prices, sizes, depth, true, Long.MAX_VALUE));
            shares = Math.min(shares, available);
            if (shares <= 0) {
                blocking = NoTradeReason.BOOK_TOO_THIN;
                continue;
            }
            double avg = DepthPricer.averagePriceE4(prices, sizes, depth, shares, true, Long.MAX_VALUE) / 1e4;
            double fee = TakerFee.perShare(avg, in.feeRate, in.feeExponent);
            double gas = (double) gasMicros / shares;
            double edge = q - avg;
            double net = edge - fee - gas;
            if (net > bestNet) {
                bestNet = net;
                out.outcome = up ? Outcome.UP : Outcome.DOWN;
                out.implied = avg;
                out.edge = edge;
                out.takerFee = fee;
                out.gasPerShare = gas;
                out.sharesMicros = shares;
                out.stakeMicros = stake;
                double cost = avg + fee + gas;
                out.evPerDollar = (q - cost) / cost;
            }
        }
        if (Double.isNaN(out.edge)) {
            describeBestLevels(in, out);
        }
        if (!Double.isNaN(out.edge) && out.edge > out.takerFee + out.gasPerShare + snipeThreshold) {
            if ((long) (out.sharesMicros * out.implied) < MIN_MARKETABLE_NOTIONAL_MICROS) {
                out.reason = NoTradeReason.BELOW_MIN_SIZE;
                return;
            }
            out.decision = Decision.SNIPE;
            out.reason = NoTradeReason.TRADE;
            return;
        }

        if (out.secondsLeft * 1000.0 <= ladderCutoffMillis) {
            out.reason = NoTradeReason.WINDOW_CLOSING;
            return;
        }
        if (ladder(in, out)) {
            return;
        }
        out.reason = blocking;
    }

    /** With no positive taker edge anywhere, still show the trader the edge at the best asks. */
    private static void describeBestLevels(MarketInputs in, Analysis out) {
        double edgeUp = out.fairUp - out.askUp;
        double edgeDown = (1.0 - out.fairUp) - out.askDown;
        boolean up = Double.isNaN(edgeDown) || (!Double.isNaN(edgeUp) && edgeUp >= edgeDown);
        double price = up ? out.askUp : out.askDown;
        if (Double.isNaN(price)) {
            return;
        }
        out.outcome = up ? Outcome.UP : Outcome.DOWN;
        out.implied = price;
        out.edge = up ? edgeUp : edgeDown;
        out.takerFee = TakerFee.perShare(price, in.feeRate, in.feeExponent);
        double q = up ? out.fairUp : 1.0 - out.fairUp;
        double cost = price + out.takerFee;
        out.evPerDollar = (q - cost) / cost;
    }

    /** Picks the outcome and price of the top ladder level; true when a ladder is decided. */
    private boolean ladder(MarketInputs in, Analysis out) {
        double bestEdge = 0;
        long bestPrice = 0;
        Outcome bestOutcome = null;
        for (int side = 0; side < 2; side++) {
            boolean up = side == 0;
            double q = up ? out.fairUp : 1.0 - out.fairUp;
            long bestBid = (up ? in.upBidDepth : in.downBidDepth) > 0 ? (up ? in.upBidPrices[0] : in.downBidPrices[0]) : 0;
            long bestAsk = (up ? in.upAskDepth : in.downAskDepth) > 0 ? (up ? in.upAskPrices[0] : in.downAskPrices[0]) : 10_000;
            long tick = in.tickE4;
            long cap = (long) Math.floor((q - minMakerEdge) * 1e4 / tick) * tick;
            long price = Math.min(bestBid + tick, cap);
            price = Math.min(price, bestAsk - tick); // post-only: never cross
            if (price < tick || price > 10_000 - tick) {
                continue;
            }
            double edge = q - price / 1e4;
            if (edge > bestEdge) {
                bestEdge = edge;
                bestPrice = price;
                bestOutcome = up ? Outcome.UP : Outcome.DOWN;
            }
        }
        if (bestOutcome == null) {
            return false;
        }
        double q = bestOutcome == Outcome.UP ? out.fairUp : 1.0 - out.fairUp;
        long stake = sizer.stakeMicros(bestPrice / 1e4, q, 0.0);
        long shares = roundShares((long) (stake / (bestPrice / 1e4)));
        out.makerEdge = bestEdge;
        out.ladderPriceE4 = bestPrice;
        if (shares < Math.max(in.minOrderSizeMicros, SHARE_STEP_MICROS)) {
            out.reason = stake <= 0 ? NoTradeReason.KELLY_SIZE_ZERO : NoTradeReason.BELOW_MIN_SIZE;
            return true;
        }
        out.outcome = bestOutcome;
        out.sharesMicros = shares;
        out.stakeMicros = stake;
        out.decision = Decision.LADDER;
        out.reason = NoTradeReason.TRADE;
        return true;
    }

    private static long roundShares(long micros) {
        return micros / SHARE_STEP_MICROS * SHARE_STEP_MICROS;
    }
}
