package io.velocity.telemetry;

import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class MetricsTest {
    @Test
    void stageLatencyPublishesPercentiles() {
        Metrics m = new Metrics();
        for (int i = 1; i <= 1000; i++) {
            m.recordLatencyMillis("tick_to_intent", i / 100.0);
        }
        ValueAtPercentile[] p = m.latency("tick_to_intent").takeSnapshot().percentileValues();
        assertThat(p).hasSize(3);
        assertThat(p[0].percentile()).isEqualTo(0.5);
        assertThat(p[0].value()).isCloseTo(5.0, within(0.3));
        assertThat(p[1].value()).isCloseTo(9.9, within(0.4));
    }

    @Test
    void fillRateAndFailoversAreCounted() {
        Metrics m = new Metrics();
        assertThat(m.fillRate()).isZero();
        m.orderSent();
        m.orderSent();
        m.orderFilled();
        m.railFailover();
        assertThat(m.fillRate()).isEqualTo(0.5);
        assertThat(m.railFailoverCount()).isEqualTo(1.0);
    }

    @Test
    void prometheusEndpointServesMetricsOnLoopback() throws Exception {
        Metrics m = new Metrics();
        m.feedMessage("binance");
        m.recordLatencyMillis("rail_a", 1.5);
        m.railFailover();
        try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(m, 0)) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("feed_messages").contains("feed=\"binance\"")
                    .contains("latency_ms").contains("stage=\"rail_a\"").contains("rail_failover_count")
                    .contains("order_fill_rate");
        }
    }
}
