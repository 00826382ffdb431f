package io.velocity.accounting.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.core.Clock;
import io.velocity.core.VenueException;
import io.velocity.execution.signing.L2Auth;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Reads this account's open orders from the CLOB: {@code GET /data/orders} with L2 headers,
 * following {@code next_cursor} from {@code "MA=="} until the venue answers {@code "LTE="}
 * (POLYMARKET.md). Prices and sizes arrive as decimal strings and become micro-units exactly; a
 * value with more than six decimals is refused rather than rounded.
 *
 * <p>Thread-safe; each call blocks the caller for at most the request timeout per page.
 */
public final class ClobOpenOrders implements OpenOrdersSource {

    /** The path signed and requested (without query string, as L2 signs it). */
    public static final String PATH = "/data/orders";
    static final String FIRST_CURSOR = "MA==";
    static final String END_CURSOR = "LTE=";
    private static final int MAX_PAGES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI restUrl;
    private final L2Auth auth;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * @param restUrl CLOB REST base URL (config {@code venues.clob.restUrl})
     * @param auth    the account's L2 credentials
     * @param clock   time source for POLY_TIMESTAMP
     * @param timeout per-request timeout (config {@code venues.clob.requestTimeout})
     */
    public ClobOpenOrders(URI restUrl, L2Auth auth, Clock clock, Duration timeout) {
        this.restUrl = Objects.requireNonNull(restUrl, "restUrl");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public List<VenueOrder> openOrders() {
        List<VenueOrder> orders = new ArrayList<>();
        Set<String> seenCursors = new HashSet<>();
        String cursor = FIRST_CURSOR;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode reply = get(cursor);
            JsonNode data = reply.isArray() ? reply : reply.path("data");
            if (!data.isArray()) {
                throw new VenueException("CLOB " + PATH + " answered without a data array");
            }
            for (JsonNode order : data) {
                orders.add(parse(order));
            }
            String next = reply.isArray() ? END_CURSOR : reply.path("next_cursor").asText(END_CURSOR);
            if (next.isEmpty() || next.equals(END_CURSOR)) {
                return List.copyOf(orders);
            }
            if (!seenCursors.add(next)) {
                throw new VenueException("CLOB " + PATH + " repeated cursor " + next + "; refusing to loop");
            }
            cursor = next;
        }
        throw new VenueException("CLOB " + PATH + " returned more than " + MAX_PAGES + " pages");
    }

    private JsonNode get(String cursor) {
        long timestamp = clock.epochMillis() / 1000;
        URI uri = restUrl.resolve(PATH + "?next_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        auth.headers(timestamp, "GET", PATH, null).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new VenueException("CLOB " + PATH + " answered HTTP " + response.statusCode() + ": "
                        + abbreviate(response.body()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new VenueException("CLOB " + PATH + " at " + restUrl.getHost() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException("interrupted while reading open orders", e);
        }
    }

    static VenueOrder parse(JsonNode order) {
        String id = text(order, "id");
        return new VenueOrder(id, text(order, "market"), text(order, "asset_id"), text(order, "side"),
                micros(order, "price", id), micros(order, "original_size", id), micros(order, "size_matched", id),
                order.path("order_type").asText("GTC"), createdAtMillis(order.path("created_at")));
    }

    private static String text(JsonNode order, String field) {
        JsonNode value = order.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty()) {
            throw new VenueException("CLOB open order without '" + field + "': " + abbreviate(order.toString()));
        }
        return value.asText();
    }

    private static long micros(JsonNode order, String field, String id) {
        String raw = text(order, field);
        try {
            return new BigDecimal(raw).movePointRight(6).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            throw new VenueException("CLOB open order " + id + ": '" + field + "' is not a decimal with at most 6 "
                    + "decimals: " + raw);
        }
    }

    private static long createdAtMillis(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return 0;
        }
        long seconds;
        try {
            seconds = value.isNumber() ? value.asLong() : Long.parseLong(value.asText("0").trim());
        } catch (NumberFormatException e) {
            return 0; // informational only: an unexpected format must not fail the reconciliation
        }
        // Seconds in the docs; tolerate milliseconds, which some replies carry.
        return seconds > 100_000_000_000L ? seconds : seconds * 1000;
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
