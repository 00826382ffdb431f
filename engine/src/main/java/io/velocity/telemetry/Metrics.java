package io.velocity.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Velocity's named metrics over Micrometer. Latencies are distribution summaries in
 * milliseconds whose percentiles come from Micrometer's HdrHistogram-backed time-window
 * histograms. Meters are created once and cached, so recording is a map lookup and an add.
 *
 * <p>Names: {@code latency_ms{stage}}, {@code order_fill_rate}, {@code rail_failover_count},
 * {@code feed_messages{feed}}, {@code feed_age_ms{feed}}.
 */
public final class Metrics {
    private final PrometheusMeterRegistry registry;
    private final Map<String, DistributionSummary> stageLatency = new ConcurrentHashMap<>();
    private final Map<String, Counter> feedMessages = new ConcurrentHashMap<>();
    private final Counter railFailovers;
    private final AtomicLong ordersSent = new AtomicLong();
    private final AtomicLong ordersFilled = new AtomicLong();

    public Metrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.railFailovers = Counter.builder("rail_failover_count")
                .description("Intents that failed over from Rail A to Rail B").register(registry);
        Gauge.builder("order_fill_rate", this, m -> m.fillRate())
                .description("Filled orders / sent orders since start").register(registry);
    }

    /** The underlying registry (for binders and the Prometheus endpoint). */
    public MeterRegistry registry() {
        return registry;
    }

    /** Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Records one latency sample in milliseconds for a pipeline stage (e.g. "tick_to_intent"). */
    public void recordLatencyMillis(String stage, double millis) {
        stageLatency.computeIfAbsent(stage, s -> DistributionSummary.builder("latency_ms")
                .description("Latency per pipeline stage")
                .tag("stage", s)
                .publishPercentiles(0.5, 0.99, 0.999)
                .publishPercentileHistogram(false)
                .register(registry)).record(millis);
    }

    /** The latency distribution of a stage (percentiles via {@code takeSnapshot()}), or null if never recorded. */
    public DistributionSummary latency(String stage) {
        return stageLatency.get(stage);
    }

    public void railFailover() {
        railFailovers.increment();
    }

    public double railFailoverCount() {
        return railFailovers.count();
    }

    public void orderSent() {
        ordersSent.incrementAndGet();
    }

    public void orderFilled() {
        ordersFilled.incrementAndGet();
    }

    /** Filled / sent since start, 0 before the first order. */
    public double fillRate() {
        long sent = ordersSent.get();
        return sent == 0 ? 0.0 : (double) ordersFilled.get() / sent;
    }

    /** Counts one message received on a feed. */
    public void feedMessage(String feed) {
        feedMessages.computeIfAbsent(feed, f -> Counter.builder("feed_messages")
                .description("Messages received per feed").tag("feed", f).register(registry)).increment();
    }

    /** Registers a gauge reporting a feed's message age in milliseconds. */
    public <T> void feedAge(String feed, T source, ToDoubleFunction<T> ageMillis) {
        Gauge.builder("feed_age_ms", source, ageMillis).description("Age of the newest message per feed")
                .tag("feed", feed).register(registry);
    }
}
