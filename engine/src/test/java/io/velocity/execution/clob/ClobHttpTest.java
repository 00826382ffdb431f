package io.velocity.execution.clob;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.velocity.core.Clock;
import io.velocity.execution.signing.ClobHeaders;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.L2Auth;
import io.velocity.telemetry.Metrics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Rail A's HTTP layer and parsers against a real loopback HTTP server. */
class ClobHttpTest {
    private static final String SECRET = "hd4VkgOO09Nb1p5R45XfZxzpr9mLJdfk18Jof8GcUNs=";
    private static final EthAddress ADDRESS = EthAddress.parse("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

    private record Answer(int status, String body) {
    }

    private HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final Metrics metrics = new Metrics();
    private ClobHttp http;
    private ClobRail rail;
    private volatile boolean halted;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
        http = new ClobHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofMillis(400),
                new L2Auth(ADDRESS, "key-1", SECRET, "pass-1"), Clock.SYSTEM, metrics);
        rail = new ClobRail(http, "key-1", () -> halted, 2);
    }

    @AfterEach
    void stop() {
        release.countDown();
        rail.close();
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = ex.getRequestURI().getPath();
        seen.add(ex.getRequestMethod() + " " + path);
        Answer a = answers.getOrDefault(ex.getRequestMethod() + " " + path, new Answer(200, "{}"));
        if (!path.equals("/time")) {
            String ts = ex.getRequestHeaders().getFirst(ClobHeaders.POLY_TIMESTAMP);
            String expected = L2Auth.signature(SECRET, ts, ex.getRequestMethod(), path, body);
            if (!expected.equals(ex.getRequestHeaders().getFirst(ClobHeaders.POLY_SIGNATURE))
                    || !"key-1".equals(ex.getRequestHeaders().getFirst(ClobHeaders.POLY_API_KEY))) {
                a = new Answer(401, "{\"error\":\"Unauthorized/Invalid api key\"}");
            }
        }
        if (a.status() == 0) { // "never answer in time"
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            a = new Answer(200, "{}");
        }
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    @Test
    void signedRequestIsAcceptedAndTheAnswerParsed() throws Exception {
        answers.put("GET /data/order/0xabc", new Answer(200, "{\"id\":\"0xabc\",\"status\":\"LIVE\",\"original_size\":\"10\","
                + "\"size_matched\":\"2.5\",\"price\":\"0.57\"}"));

        ClobReply<Optional<VenueOrder>> reply = get(rail.order("0xabc"));

        assertThat(reply.ok()).as(reply.describe()).isTrue();
        VenueOrder v = reply.value().orElseThrow();
        assertThat(v.sizeMatchedMicros()).isEqualTo(2_500_000);
        assertThat(v.originalSizeMicros()).isEqualTo(10_000_000);
        assertThat(v.priceE4()).isEqualTo(5_700);
        assertThat(v.working()).isTrue();
        assertThat(metrics.latency("clob_get_order").count()).isEqualTo(1);
    }

    @Test
    void unknownOrderIsEmptyNotAnError() throws Exception {
        answers.put("GET /data/order/0xdead", new Answer(404, "{\"error\":\"order not found\"}"));
        answers.put("GET /data/order/0xbeef", new Answer(200, "null"));

        assertThat(get(rail.order("0xdead")).value()).isEmpty();
        assertThat(get(rail.order("0xbeef")).value()).isEmpty();
    }

    @Test
    void validationRefusalIsAnOrderErrorWithTheVenueMessage() throws Exception {
        answers.put("POST /v1/heartbeats", new Answer(400, "{\"error\":\"invalid heartbeat id\"}"));

        ClobReply<String> reply = get(rail.heartbeat("hb-1"));

        assertThat(reply.orderError()).isTrue();
        assertThat(reply.httpStatus()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("invalid heartbeat id");
    }

    @Test
    void tooManyRequestsIsARailFailureThatNeverReachedTheVenue() throws Exception {
        answers.put("DELETE /cancel-all", new Answer(429, "Too Many Requests"));

        ClobReply<CancelResult> reply = get(rail.cancelAll());

        assertThat(reply.railFailed()).isTrue();
        assertThat(reply.failure()).isEqualTo(RailFailure.RATE_LIMITED);
        assertThat(reply.failure().mayHaveReachedVenue()).isFalse();
    }

    @Test
    void serverErrorIsARailFailureThatMayHaveReachedTheVenue() throws Exception {
        answers.put("DELETE /order", new Answer(503, "{\"error\":\"service unavailable\"}"));

        ClobReply<CancelResult> reply = get(rail.cancel(List.of("0xabc")));

        assertThat(reply.failure()).isEqualTo(RailFailure.SERVER_ERROR);
        assertThat(reply.failure().mayHaveReachedVenue()).isTrue();
        assertThat(reply.describe()).contains("503").contains("service unavailable");
    }

    @Test
    void noAnswerWithinTheRequestTimeoutIsATimeout() throws Exception {
        answers.put("DELETE /order", new Answer(0, ""));

        ClobReply<CancelResult> reply = get(rail.cancel(List.of("0xabc")));

        assertThat(reply.failure()).isEqualTo(RailFailure.TIMEOUT);
        assertThat(reply.latencyNanos()).isGreaterThanOrEqualTo(Duration.ofMillis(350).toNanos());
    }

    @Test
    void refusedConnectionMeansTheRequestNeverLeft() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (ClobHttp dead = new ClobHttp(URI.create("http://127.0.0.1:" + closedPort), Duration.ofMillis(400),
                new L2Auth(ADDRESS, "key-1", SECRET, "pass-1"), Clock.SYSTEM, null)) {
            ClobReply<CancelResult> reply = get(new ClobRail(dead, "key-1", () -> false, 1).cancelAll());

            assertThat(reply.failure()).isEqualTo(RailFailure.CONNECT);
            assertThat(reply.failure().mayHaveReachedVenue()).isFalse();
        }
    }

    @Test
    void unreadableAnswerIsMalformed() throws Exception {
        answers.put("DELETE /cancel-all", new Answer(200, "{\"canceled\": [tru"));

        assertThat(get(rail.cancelAll()).failure()).isEqualTo(RailFailure.MALFORMED);
    }

    @Test
    void cancelAnswerSeparatesConfirmedFromRefused() throws Exception {
        answers.put("DELETE /orders", new Answer(200, "{\"canceled\":[\"0xAA\"],\"not_canceled\":{\"0xBB\":\"order already matched\"}}"));

        CancelResult r = get(rail.cancel(List.of("0xaa", "0xbb"))).value();

        assertThat(r.confirmed("0xaa")).isTrue();
        assertThat(r.confirmed("0xbb")).isFalse();
        assertThat(r.notCanceled()).containsEntry("0xbb", "order already matched");
    }

    @Test
    void heartbeatReturnsTheIdToSendNext() throws Exception {
        answers.put("POST /v1/heartbeats", new Answer(200, "{\"heartbeat_id\":\"hb-2\"}"));

        assertThat(get(rail.heartbeat("hb-1")).value()).isEqualTo("hb-2");
    }

    @Test
    void haltedKillSwitchKeepsAnOrderFromLeaving() throws Exception {
        halted = true;

        ClobReply<JsonNode> reply = get(http.send(new ClobHttp.Call("post_order", "POST", "/order", null, "{}", true, Map.of()),
                () -> halted));

        assertThat(reply.orderError()).isTrue();
        assertThat(reply.message()).isEqualTo("kill switch engaged");
        assertThat(seen).isEmpty();
    }

    @Test
    void warmingOpensConnectionsWithPublicRequests() throws Exception {
        get(rail.warm());

        assertThat(seen).containsExactly("GET /time", "GET /time");
    }
}
