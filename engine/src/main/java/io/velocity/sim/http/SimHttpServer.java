package io.velocity.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.velocity.sim.fault.FaultInjector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small REST server on 127.0.0.1 (the JDK's HttpServer on virtual threads) with exact and
 * {@code {param}} routes and the fault hooks every simulated venue shares: failures, 429s,
 * timeouts, garbled bodies and delays.
 */
public final class SimHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimHttpServer.class);
    /** A request "timing out" is held this long (or until shutdown) and then dropped without an answer. */
    private static final long TIMEOUT_HOLD_MILLIS = 120_000;

    private final String name;
    private final FaultInjector faults;
    private final FaultInjector.Venue venue;
    private final ErrorBodies errors;
    private final List<Route> routes = new ArrayList<>();
    private final HttpServer server;
    private final ExecutorService executor;

    private record Route(String method, String[] segments, RouteHandler handler) {
    }

    /**
     * @param port 0 picks a free port
     */
    public SimHttpServer(String name, int port, FaultInjector faults, FaultInjector.Venue venue, ErrorBodies errors) throws IOException {
        this.name = name;
        this.faults = faults;
        this.venue = venue;
        this.errors = errors;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        this.executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sim-" + name + "-http-", 0).factory());
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
    }

    /** Adds a route; {@code pattern} segments written {@code {name}} match any one segment. */
    public SimHttpServer route(String method, String pattern, RouteHandler handler) {
        routes.add(new Route(method, split(pattern), handler));
        return this;
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try (ex) {
            String body;
            try (InputStream in = ex.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            FaultInjector.HttpFault fault = faults == null ? FaultInjector.HttpFault.NONE : faults.nextHttpFault(venue);
            if (fault == FaultInjector.HttpFault.TIMEOUT) {
                hold();
                return;
            }
            SimResponse response = switch (fault) {
                case SERVER_ERROR -> SimResponse.json(500, errors.body(500));
                case UNAVAILABLE -> SimResponse.json(503, errors.body(503));
                case RATE_LIMITED -> SimResponse.json(429, errors.body(429));
                default -> handle(ex, body);
            };
            byte[] payload = response.body();
            if (fault == FaultInjector.HttpFault.MALFORMED && payload.length > 1) {
                payload = Arrays.copyOf(payload, payload.length / 2);
            }
            long delay = faults == null ? 0 : faults.delayMillis(venue);
            if (delay > 0) {
                sleep(delay);
            }
            ex.getResponseHeaders().set("Content-Type", "application/json");
            response.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(response.status(), payload.length == 0 ? -1 : payload.length);
            if (payload.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(payload);
                }
            }
        } catch (IOException e) {
            // The client went away (often on purpose in fault tests); nothing to answer.
            LOG.debug("{}: client connection ended: {}", name, e.toString());
        }
    }

    private SimResponse handle(HttpExchange ex, String body) {
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = ex.getRequestURI().getRawPath();
        String[] segments = split(path);
        for (Route r : routes) {
            Map<String, String> params = match(r, method, segments);
            if (params != null) {
                SimRequest req = new SimRequest(method, path, query(ex.getRequestURI().getRawQuery()), headers(ex), body, params);
                try {
                    return r.handler().handle(req);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return SimResponse.json(503, errors.body(503));
                } catch (Exception e) {
                    LOG.warn("{}: {} {} failed", name, method, path, e);
                    return SimResponse.json(500, errors.body(500));
                }
            }
        }
        return SimResponse.json(404, errors.body(404));
    }

    private static Map<String, String> match(Route r, String method, String[] segments) {
        if (!r.method().equals(method) || r.segments().length != segments.length) {
            return null;
        }
        Map<String, String> params = null;
        for (int i = 0; i < segments.length; i++) {
            String want = r.segments()[i];
            if (want.startsWith("{") && want.endsWith("}")) {
                if (params == null) {
                    params = new HashMap<>();
                }
                params.put(want.substring(1, want.length() - 1), URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
            } else if (!want.equals(segments[i])) {
                return null;
            }
        }
        return params == null ? Map.of() : params;
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/");
    }

    private static Map<String, List<String>> query(String raw) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
        }
        return out;
    }

    private static Map<String, String> headers(HttpExchange ex) {
        Map<String, String> out = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) {
                out.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return out;
    }

    private static void hold() {
        sleep(TIMEOUT_HOLD_MILLIS);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
