package io.velocity.execution.clob;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.core.Clock;
import io.velocity.execution.signing.L2Auth;
import io.velocity.telemetry.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

/**
 * The HTTP layer of Rail A: one JDK {@link HttpClient} speaking HTTP/1.1 over kept-alive
 * connections that {@link #warm(int)} opens ahead of the first order, L2 HMAC headers on every
 * private request (signed over the exact body bytes sent), latency per request as the metric
 * {@code latency_ms{stage=clob_<op>}}, and every outcome classified once into a {@link ClobReply}.
 *
 * <p>Thread-safe. Nothing blocks: every call returns a future completed on the client's selector
 * thread (callers chain only short, non-blocking work on it).
 */
public final class ClobHttp implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClobHttp.class);
    static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE_CHARS = 300;

    private final HttpClient client;
    private final String base;
    private final Duration requestTimeout;
    private final L2Auth auth;
    private final Clock clock;
    private final Metrics metrics;

    /**
     * @param baseUrl        the CLOB REST base URL ({@code venues.clob.restUrl})
     * @param requestTimeout per-request timeout ({@code venues.clob.requestTimeout})
     * @param auth           L2 credentials, or null for public requests only
     * @param clock          POLY_TIMESTAMP source
     * @param metrics        latency sink, or null
     */
    public ClobHttp(URI baseUrl, Duration requestTimeout, L2Auth auth, Clock clock, Metrics metrics) {
        String b = baseUrl.toString();
        this.base = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.requestTimeout = requestTimeout;
        this.auth = auth;
        this.clock = clock;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // The client's "asynchronous" steps run on the calling thread: the request is written
                // by the thread that signed it instead of after a hand-off to a pool thread (one
                // wake-up less on the intent-to-wire path). Answers complete on the client's
                // selector thread; everything chained on them is short and never blocks. A new
                // connection's set-up (and a DNS look-up) then also starts on the calling thread,
                // which is never the engine's: the warm connections keep that off the order path.
                .executor(Runnable::run)
                .build();
    }

    /** The L2 credentials' wallet address, or null without credentials. */
    public L2Auth auth() {
        return auth;
    }

    /**
     * Opens up to {@code connections} connections at once with cheap public requests, so they sit
     * in the pool when an order needs one. Completes when all answered (or failed).
     */
    public CompletableFuture<Void> warm(int connections) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            all.add(send(Call.publicGet("warm", "/time")));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /**
     * Sends one request.
     *
     * @param call   what to send
     * @param halted checked immediately before the request leaves the process (the kill switch's
     *               rail flag); when it answers true nothing is sent and the reply is an order
     *               error "kill switch engaged"
     */
    public CompletableFuture<ClobReply<JsonNode>> send(Call call, BooleanSupplier halted) {
        HttpRequest request;
        try {
            request = build(call);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(ClobReply.orderError(0, "request not built: " + e.getMessage(), 0));
        }
        if (halted.getAsBoolean()) {
            return CompletableFuture.completedFuture(ClobReply.orderError(0, "kill switch engaged", 0));
        }
        long start = System.nanoTime();
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .handle((response, error) -> classify(call, response, error, System.nanoTime() - start));
    }

    /** Sends a request that may always leave (reads, cancels, heartbeats). */
    public CompletableFuture<ClobReply<JsonNode>> send(Call call) {
        return send(call, () -> false);
    }

    private HttpRequest build(Call call) {
        String url = base + call.path() + (call.query() == null || call.query().isEmpty() ? "" : "?" + call.query());
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(requestTimeout);
        String body = call.body();
        b.method(call.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.header("Accept", "application/json");
        if (call.l2()) {
            if (auth == null) {
                throw new IllegalStateException("no CLOB API credentials for " + call.method() + " " + call.path());
            }
            for (Map.Entry<String, String> h : auth.headers(clock.epochMillis() / 1000, call.method(), call.path(), body).entrySet()) {
                b.header(h.getKey(), h.getValue());
            }
        }
        for (Map.Entry<String, String> h : call.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        return b.build();
    }

    private ClobReply<JsonNode> classify(Call call, HttpResponse<String> response, Throwable error, long nanos) {
        if (metrics != null) {
            metrics.recordLatencyMillis("clob_" + call.op(), nanos / 1e6);
        }
        if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            RailFailure kind;
            if (cause instanceof HttpConnectTimeoutException || cause instanceof ConnectException) {
                kind = RailFailure.CONNECT;
            } else if (cause instanceof HttpTimeoutException) {
                kind = RailFailure.TIMEOUT;
            } else if (cause instanceof IOException) {
                kind = RailFailure.CONNECTION_LOST;
            } else {
                log.warn("CLOB {} {} failed unexpectedly", call.method(), call.path(), cause);
                kind = RailFailure.CONNECTION_LOST;
            }
            String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            return ClobReply.railFailure(kind, 0, text, nanos);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status == 429) {
            return ClobReply.railFailure(RailFailure.RATE_LIMITED, status, venueMessage(body), nanos);
        }
        if (status >= 500) {
            return ClobReply.railFailure(RailFailure.SERVER_ERROR, status, venueMessage(body), nanos);
        }
        if (status >= 400) {
            return ClobReply.orderError(status, venueMessage(body), nanos);
        }
        if (status >= 300 || status < 200) {
            return ClobReply.railFailure(RailFailure.SERVER_ERROR, status, "unexpected HTTP " + status, nanos);
        }
        if (body.isBlank()) {
            return ClobReply.ok(JSON.nullNode(), status, nanos);
        }
        try {
            return ClobReply.ok(JSON.readTree(body), status, nanos);
        } catch (JsonProcessingException e) {
            return ClobReply.railFailure(RailFailure.MALFORMED, status, "unreadable answer: " + clip(body), nanos);
        }
    }

    /** The venue's {@code error}/{@code errorMsg}/{@code message} field, or the (clipped) body. */
    static String venueMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = JSON.readTree(body);
            for (String field : new String[]{"error", "errorMsg", "message"}) {
                JsonNode v = n == null ? null : n.get(field);
                if (v != null && v.isTextual() && !v.asText().isEmpty()) {
                    return clip(v.asText());
                }
            }
        } catch (JsonProcessingException notJson) {
            // fall through to the raw text
        }
        return clip(body.strip());
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE_CHARS ? s : s.substring(0, MAX_MESSAGE_CHARS) + "…";
    }

    @Override
    public void close() {
        client.shutdownNow();
    }

    /**
     * One request.
     *
     * @param op      short name for metrics, e.g. {@code post_order}
     * @param method  HTTP method
     * @param path    path without query (what L2 signs)
     * @param query   query string without {@code ?}, or null
     * @param body    JSON body exactly as sent, or null
     * @param l2      sign with L2 headers
     * @param headers extra headers (L1 auth)
     */
    public record Call(String op, String method, String path, String query, String body, boolean l2,
                       Map<String, String> headers) {
        public Call {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        static Call publicGet(String op, String path) {
            return new Call(op, "GET", path, null, null, false, Map.of());
        }

        static Call privateCall(String op, String method, String path, String query, String body) {
            return new Call(op, method, path, query, body, true, Map.of());
        }
    }
}
