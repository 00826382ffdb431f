package io.velocity.sim.allora;

import io.velocity.config.SimConfig;
import io.velocity.config.schema.RecordBinder;
import io.velocity.sim.world.AssetPath;
import io.velocity.sim.world.PriceWorld;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulated Allora network: for each configured topic ({@code <asset>-<horizon>}, e.g.
 * {@code btc-8h}) a forecast of the log-return over the horizon, published at a cadence and
 * sometimes skipped so the served value grows stale. The forecast is built from the price world's
 * hidden trend, so with {@code skill > 0} it carries real (partial) information. Loop thread.
 */
public final class AlloraOracle {
    /** Percentiles of the confidence interval, as the consumer API lists them. */
    static final String[] PERCENTILES = {"2.28", "15.87", "50", "84.13", "97.72"};
    private static final double[] Z = {-2, -1, 0, 1, 2};

    /** One published inference. */
    public record Inference(int topicId, double value, double[] intervalValues, long timestampSeconds) {
    }

    private record Topic(int id, AssetPath asset, double horizonSeconds) {
    }

    private final SimConfig.Allora cfg;
    private final double trendHalfLifeSeconds;
    private final Map<Integer, Topic> topics = new TreeMap<>();
    private final Map<Integer, Inference> latest = new LinkedHashMap<>();
    private final SplittableRandom rng;
    private long next;

    /**
     * @param topicIds topic id per {@code <asset>-<horizon>} (the engine's {@code venues.allora.topics})
     */
    public AlloraOracle(SimConfig sim, PriceWorld world, Map<String, Integer> topicIds) {
        this.cfg = sim.allora();
        this.trendHalfLifeSeconds = sim.regimes().trendHalfLife().toMillis() / 1000.0 / sim.timeCompression();
        this.rng = new SplittableRandom(sim.seed() ^ 0xA11043AL);
        for (Map.Entry<String, Integer> e : new TreeMap<>(topicIds).entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            int dash = key.indexOf('-');
            if (dash <= 0) {
                continue;
            }
            AssetPath asset = world.assets().get(key.substring(0, dash));
            Duration horizon = RecordBinder.parseDuration(key.substring(dash + 1));
            if (asset != null && horizon != null && horizon.toMillis() > 0) {
                topics.put(e.getValue(), new Topic(e.getValue(), asset, horizon.toMillis() / 1000.0 / sim.timeCompression()));
            }
        }
        long now = world.now();
        for (Topic t : topics.values()) {
            latest.put(t.id(), infer(t, now));
        }
        this.next = now + cfg.cadence().toMillis();
    }

    /** Publishes new inferences when the cadence comes round (some updates are skipped: staleness). */
    public void onStep(long now) {
        if (now < next) {
            return;
        }
        next += cfg.cadence().toMillis() * Math.max(1, (now - next) / cfg.cadence().toMillis() + 1);
        for (Topic t : topics.values()) {
            boolean skip = rng.nextDouble() < cfg.staleShare();
            Inference fresh = infer(t, now);
            if (!skip) {
                latest.put(t.id(), fresh);
            }
        }
    }

    private Inference infer(Topic t, long now) {
        double h = t.horizonSeconds();
        // Expected log-return from the decaying trend over the horizon.
        double k = Math.log(2) / trendHalfLifeSeconds;
        double expected = t.asset().trendPerSecond() * (1 - Math.exp(-k * h)) / k;
        double spread = t.asset().sigmaPerSqrtSecond() * Math.sqrt(h);
        double value = cfg.skill() * expected + (1 - cfg.skill()) * 0.25 * spread * rng.nextGaussian();
        double[] ci = new double[Z.length];
        for (int i = 0; i < Z.length; i++) {
            ci[i] = value + Z[i] * spread;
        }
        return new Inference(t.id(), value, ci, now / 1000);
    }

    /** The inference currently served for a topic, or null for an unknown topic. */
    public Inference latest(int topicId) {
        return latest.get(topicId);
    }

    public Map<Integer, Inference> all() {
        return Collections.unmodifiableMap(latest);
    }
}
