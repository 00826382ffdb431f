package io.velocity.engine;

import io.velocity.marketdata.AlloraSignal;

import java.util.HashMap;
import java.util.Map;

/** Binance and Allora state of one asset, engine thread only. */
final class AssetState {
    double mid = Double.NaN;
    double vol = Double.NaN;
    long lastSpotNanos;
    AlloraSignal signal;
    /** Opens by window start millis. */
    final Map<Long, Double> opens = new HashMap<>();
}
