package io.velocity.marketdata.net;

import io.velocity.core.VenueException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous JSON GETs to the venues over the JDK {@link HttpClient}. A reply that is not 2xx
 * completes exceptionally with a {@link VenueException} naming the path and status (never the
 * headers, which may hold an API key). Callers are feed threads and timers, never the engine.
 */
public final class VenueHttp {
    private final HttpClient client;
    private final Duration timeout;

    public VenueHttp(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    /** A client suited to the venues: HTTP/1.1 keep-alive, redirects refused, short connect timeout. */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** GETs {@code url}; the future holds the body of a 2xx reply. */
    public CompletableFuture<byte[]> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b;
        try {
            b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json").GET();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(new VenueException("bad URL " + pathOf(url)));
        }
        headers.forEach(b::header);
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
            if (e != null) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                throw new VenueException("GET " + pathOf(url) + ": " + cause.getClass().getSimpleName()
                        + (cause.getMessage() != null ? " " + cause.getMessage() : ""), cause);
            }
            if (r.statusCode() / 100 != 2) {
                throw new VenueException("GET " + pathOf(url) + ": HTTP " + r.statusCode());
            }
            return r.body();
        });
    }

    /** GETs without extra headers. */
    public CompletableFuture<byte[]> get(String url) {
        return get(url, Map.of());
    }

    /** The path of a URL without host or query, for messages. */
    static String pathOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        } catch (IllegalArgumentException e) {
            return "(unparseable URL)";
        }
    }

    /** The root cause message of a failed future, for health details and logs. */
    public static String describe(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof VenueException ? c.getMessage() : c.toString();
    }
}
