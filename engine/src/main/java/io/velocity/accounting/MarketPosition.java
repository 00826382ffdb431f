package io.velocity.accounting;

import io.velocity.strategy.Outcome;

/**
 * Shares held in one market and what they cost. Engine thread only. Sizes in micro-shares, money
 * in micro-USD.
 */
public final class MarketPosition {
    long upSharesMicros;
    long downSharesMicros;
    long costMicros;
    long feesMicros;

    public long upSharesMicros() {
        return upSharesMicros;
    }

    public long downSharesMicros() {
        return downSharesMicros;
    }

    /** Net money spent on the market (buys minus sells, fees included). */
    public long costMicros() {
        return costMicros;
    }

    public long feesMicros() {
        return feesMicros;
    }

    public boolean isFlat() {
        return upSharesMicros == 0 && downSharesMicros == 0;
    }

    /** Shares of one outcome. */
    public long sharesMicros(Outcome o) {
        return o == Outcome.UP ? upSharesMicros : downSharesMicros;
    }

    /** Value at fair probability minus cost. */
    public long unrealizedMicros(double fairUp) {
        if (Double.isNaN(fairUp)) {
            return 0;
        }
        double value = upSharesMicros * fairUp + downSharesMicros * (1.0 - fairUp);
        return Math.round(value) - costMicros;
    }

    /** What the position pays at resolution: $1 per winning share. */
    public long payoutMicros(boolean resolvedUp) {
        return resolvedUp ? upSharesMicros : downSharesMicros;
    }
}
