package io.velocity.marketdata.feeds;

import io.velocity.core.VenueException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Asynchronous GETs against venue REST endpoints with a per-request timeout; non-2xx replies fail
 * with a {@link VenueException} naming the URL path and status (never the query, which may carry
 * ids a trader does not want in logs, and never headers, which may carry keys).
 */
final class VenueGet {
    private final HttpClient client;
    private final Duration timeout;

    VenueGet(HttpClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    }

    CompletableFuture<byte[]> get(String url, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        headers.forEach(b::header);
        return client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofByteArray()).thenApply(r -> {
            if (r.statusCode() / 100 != 2) {
                throw new VenueException("GET " + URI.create(url).getPath() + " answered HTTP " + r.statusCode());
            }
            return r.body();
        });
    }

    CompletableFuture<byte[]> get(String url) {
        return get(url, Map.of());
    }

    /** The message of a failure without its wrappers. */
    static String describe(Throwable t) {
        Throwable c = t;
        while ((c instanceof java.util.concurrent.CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }
}
