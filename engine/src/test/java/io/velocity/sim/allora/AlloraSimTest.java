package io.velocity.sim.allora;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.ManualClock;
import io.velocity.sim.Http;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.WireShape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The Allora consumer API over loopback HTTP. */
class AlloraSimTest {
    private final ManualClock clock = new ManualClock(SimFixture.START);
    private VenueSimulator sim;

    @AfterEach
    void close() {
        sim.close();
    }

    private Http.Reply inference(int topic, String key) {
        return Http.send("GET", sim.endpoints().allora() + "/v2/allora/consumer/ethereum-11155111?allora_topic_id=" + topic, null,
                key == null ? Map.of() : Map.of("x-api-key", key));
    }

    @Test
    void networkInferencesHaveTheConsumerShape() {
        sim = SimFixture.manual(clock);
        Http.Reply r = inference(1, "UP-test");
        assertThat(r.status()).isEqualTo(200);
        WireShape.assertMatches("allora-consumer.json", r.json());
        JsonNode d = r.json().get("data").get("inference_data");
        assertThat(d.get("topic_id").asText()).isEqualTo("1");
        assertThat(d.get("timestamp").isIntegralNumber()).isTrue();
        assertThat(d.get("timestamp").asLong()).isEqualTo(clock.epochMillis() / 1000);
        BigDecimal normalized = new BigDecimal(d.get("network_inference_normalized").asText());
        BigDecimal raw = new BigDecimal(d.get("network_inference").asText());
        assertThat(raw.movePointLeft(18).subtract(normalized).abs()).isLessThan(new BigDecimal("1e-12"));
        assertThat(d.get("confidence_interval_percentiles")).hasSize(5);
    }

    @Test
    void requestsWithoutTheRightKeyAreRefused() {
        sim = SimFixture.manual(clock, "sim.allora.apiKey=UP-secret");
        assertThat(inference(1, null).status()).isEqualTo(401);
        assertThat(inference(1, "UP-wrong").status()).isEqualTo(401);
        assertThat(inference(1, "UP-secret").status()).isEqualTo(200);
        Http.Reply unknown = inference(999, "UP-secret");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("status").asBoolean()).isFalse();
    }

    @Test
    void inferencesRefreshAtTheCadenceUnlessAnUpdateIsSkipped() {
        sim = SimFixture.manual(clock, "sim.allora.cadence=5s", "sim.allora.staleShare=0");
        long first = inference(18, "k").json().get("data").get("inference_data").get("timestamp").asLong();
        SimFixture.advance(sim, clock, 5_000);
        long second = inference(18, "k").json().get("data").get("inference_data").get("timestamp").asLong();
        assertThat(second).isEqualTo(first + 5);
        sim.close();

        sim = SimFixture.manual(new ManualClock(SimFixture.START), "sim.allora.cadence=5s", "sim.allora.staleShare=1");
        long before = inference(2, "k").json().get("data").get("inference_data").get("timestamp").asLong();
        sim.advanceTo(SimFixture.START + 30_000);
        assertThat(inference(2, "k").json().get("data").get("inference_data").get("timestamp").asLong()).isEqualTo(before);
    }
}
