package io.velocity.engine;

import io.velocity.marketdata.MarketInfo;
import io.velocity.strategy.Analysis;
import io.velocity.strategy.MarketInputs;

/** One market as the engine thread holds it. */
final class MarketState {
    MarketInfo info;
    final MarketInputs inputs;
    final Analysis analysis = new Analysis();
    long lastUpBookNanos;
    long lastDownBookNanos;
    /** Receive time of the earliest unprocessed event that changed this market; 0 when clean. */
    long dirtySinceNanos;
    boolean expired;
    /** Id of the sizing request in flight to the Python strategy, 0 when none. */
    long pendingSizing;
    /** Spot at the window end, captured for the paper resolver. */
    double closePrice = Double.NaN;

    MarketState(MarketInfo info, int levels) {
        this.info = info;
        this.inputs = new MarketInputs(levels);
        apply(info);
    }

    void apply(MarketInfo i) {
        this.info = i;
        inputs.windowStartMillis = i.windowStartMillis();
        inputs.windowEndMillis = i.windowEndMillis();
        inputs.tickE4 = i.tickE4();
        inputs.minOrderSizeMicros = i.minOrderSizeMicros();
        inputs.feeRate = i.feeRate();
        inputs.feeExponent = i.feeExponent();
    }

    void markDirty(long nanos) {
        if (dirtySinceNanos == 0 || nanos < dirtySinceNanos) {
            dirtySinceNanos = nanos == 0 ? 1 : nanos;
        }
    }
}
