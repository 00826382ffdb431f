package io.velocity.marketdata.allora;

import io.velocity.marketdata.AlloraSignal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Validates decoded readings into {@link AlloraSignal}s: maps the topic to its asset and horizon
 * (config {@code venues.allora.topics}, keys {@code <asset>-<horizon>}), computes the staleness
 * ratio and rejects signals above the threshold ({@code venues.allora.maxStalenessRatio}, 5 %),
 * recording why. A ratio exactly at the threshold is accepted.
 */
public final class AlloraSignals {
    private final Map<Integer, String[]> topics = new HashMap<>();
    private final double maxStalenessRatio;

    /**
     * @param topics            {@code <asset>-<horizon>} → topic id
     * @param maxStalenessRatio reject above this ratio (e.g. 0.05)
     */
    public AlloraSignals(Map<String, Integer> topics, double maxStalenessRatio) {
        topics.forEach((key, id) -> {
            int dash = key.lastIndexOf('-');
            String asset = dash > 0 ? key.substring(0, dash) : key;
            String horizon = dash > 0 ? key.substring(dash + 1) : "";
            this.topics.put(id, new String[]{asset.toLowerCase(Locale.ROOT), horizon});
        });
        this.maxStalenessRatio = maxStalenessRatio;
    }

    /** Validates a reading at {@code nowMillis}. */
    public AlloraSignal validate(AlloraReading r, long nowMillis) {
        String[] ah = topics.get(r.topicId());
        String asset = ah == null ? "" : ah[0];
        String horizon = ah == null ? "" : ah[1];
        if (ah == null) {
            return reject(r, asset, horizon, Double.NaN, "topic " + r.topicId() + " is not in venues.allora.topics");
        }
        long h = StalenessRatio.horizonMillis(horizon);
        if (h < 0) {
            return reject(r, asset, horizon, Double.NaN, "horizon '" + horizon + "' of topic " + r.topicId() + " is not like 20m or 8h");
        }
        if (r.timestampMillis() < 0) {
            return reject(r, asset, horizon, Double.NaN, "signal time unknown");
        }
        long end = StalenessRatio.candleEnd(nowMillis, h);
        double ratio = StalenessRatio.of(nowMillis, r.timestampMillis(), end);
        if (!Double.isFinite(r.value())) {
            return reject(r, asset, horizon, ratio, "value is not a number");
        }
        if (ratio > maxStalenessRatio) {
            return reject(r, asset, horizon, ratio, String.format(Locale.ROOT,
                    "stale: ratio %.2f%% > %.2f%% (signal %.1f s old, %.1f s left in the %s candle)", ratio * 100,
                    maxStalenessRatio * 100, (nowMillis - r.timestampMillis()) / 1000.0, (end - nowMillis) / 1000.0, horizon));
        }
        return new AlloraSignal(asset, r.topicId(), horizon, r.value(), r.lower(), r.upper(), r.timestampMillis(), ratio,
                true, "");
    }

    private static AlloraSignal reject(AlloraReading r, String asset, String horizon, double ratio, String reason) {
        return new AlloraSignal(asset, r.topicId(), horizon, r.value(), r.lower(), r.upper(), r.timestampMillis(), ratio,
                false, reason);
    }
}
