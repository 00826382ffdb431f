package io.velocity.marketdata.allora;

import com.sun.net.httpserver.HttpServer;
import io.velocity.core.ManualClock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.telemetry.HealthRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Allora poller against a local HTTP server standing in for the consumer API and the chain LCD. */
class AlloraPollerTest {
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int consumerStatus = 200;
    private final ManualClock clock = new ManualClock(1_764_000_600_000L);
    private final RecordingSink sink = new RecordingSink();
    private final FeedHealth health = new FeedHealth("allora", Duration.ofSeconds(60), Duration.ofSeconds(180), clock,
            new HealthRegistry(clock), sink);

    AlloraPollerTest() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            requests.add(path + " key=" + ex.getRequestHeaders().getFirst("x-api-key"));
            int status;
            String body;
            if (path.startsWith("/v2/allora/consumer/")) {
                status = consumerStatus;
                body = status == 200 ? fixture("allora-consumer.json") : "{\"message\":\"Internal Server Error\"}";
            } else if (path.startsWith("/emissions/v10/")) {
                status = 404;
                body = "{\"code\":5,\"message\":\"Not Implemented\"}";
            } else if (path.startsWith("/emissions/v9/latest_network_inferences/18")) {
                status = 200;
                body = fixture("allora-lcd.json");
            } else if (path.equals("/cosmos/base/tendermint/v1beta1/blocks/4512000")) {
                status = 200;
                body = "{\"block_id\":{},\"block\":{\"header\":{\"height\":\"4512000\",\"time\":\"2025-11-24T16:09:55Z\"}}}";
            } else {
                status = 404;
                body = "{}";
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        server.start();
    }

    static String fixture(String name) {
        try (var in = AlloraPollerTest.class.getResourceAsStream("/marketdata/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private AlloraPoller poller(String lcd) {
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        return new AlloraPoller(new AlloraPoller.Settings(base, "ethereum-11155111", lcd.isEmpty() ? "" : base,
                Map.of("btc-20m", 18), Duration.ofSeconds(15), 0.05),
                new VenueHttp(VenueHttp.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(2)), sink, health,
                new MalformedMessages("allora", clock), "secret-key"::toCharArray, clock);
    }

    @Test
    void pollsEveryTopicWithTheApiKeyAndPublishesValidatedSignals() throws Exception {
        List<AlloraSignal> signals = poller("").pollOnce().get(5, TimeUnit.SECONDS);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.asset()).isEqualTo("btc");
            assertThat(s.accepted()).isTrue();
            assertThat(s.stalenessRatio()).isCloseTo(10_000.0 / 600_000, org.assertj.core.data.Offset.offset(1e-12));
        });
        assertThat(requests).containsExactly("/v2/allora/consumer/ethereum-11155111 key=secret-key");
        assertThat(sink.signals).hasSize(1);
        assertThat(health.state()).isEqualTo(FeedState.LIVE);
    }

    @Test
    void fallsBackToTheChainLcdWithTheBlockTimeWhenTheConsumerApiFails() throws Exception {
        consumerStatus = 500;
        List<AlloraSignal> signals = poller("lcd").pollOnce().get(5, TimeUnit.SECONDS);
        assertThat(signals).singleElement().satisfies(s -> {
            assertThat(s.value()).isEqualTo(-0.00031200541822164);
            assertThat(s.signalTimeMillis()).isEqualTo(1_764_000_595_000L);
            assertThat(s.accepted()).isTrue();
        });
        assertThat(requests).extracting(r -> r.split(" ")[0]).containsExactly("/v2/allora/consumer/ethereum-11155111",
                "/emissions/v10/latest_network_inferences/18", "/emissions/v9/latest_network_inferences/18",
                "/cosmos/base/tendermint/v1beta1/blocks/4512000");
        assertThat(requests.subList(1, 4)).allMatch(r -> r.endsWith("key=null"), "the API key goes to the consumer API only");
    }

    @Test
    void goesDownAfterThreeRoundsWithoutAnswers() throws Exception {
        consumerStatus = 500;
        AlloraPoller p = poller("");
        for (int i = 0; i < 3; i++) {
            assertThat(p.pollOnce().get(5, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(health.state()).isEqualTo(FeedState.DOWN);
        assertThat(sink.signals).isEmpty();
    }
}
