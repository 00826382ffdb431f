package io.velocity.execution.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.execution.PreparedOrder;
import io.velocity.execution.RailA;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Rail A over the CLOB REST API (POLYMARKET.md, "REST"): orders, batches, cancels, cancel-all,
 * heartbeats and order queries, with the venue's answers parsed into small records. Thread-safe;
 * never blocks.
 */
public final class ClobRail implements RailA {
    private final ClobHttp http;
    private final String apiKey;
    private final BooleanSupplier halted;
    private final int warmConnections;

    /**
     * @param http            the HTTP layer holding the L2 credentials
     * @param apiKey          the API key, sent as the order's {@code owner}
     * @param halted          the kill switch's rail flag, checked right before an order leaves
     * @param warmConnections connections {@link #warm()} keeps open
     */
    public ClobRail(ClobHttp http, String apiKey, BooleanSupplier halted, int warmConnections) {
        this.http = http;
        this.apiKey = apiKey;
        this.halted = halted;
        this.warmConnections = warmConnections;
    }

    @Override
    public CompletableFuture<ClobReply<PlaceAck>> place(PreparedOrder order) {
        String body = ClobOrderJson.single(order, apiKey);
        return http.send(ClobHttp.Call.privateCall("post_order", "POST", "/order", null, body), halted)
                .thenApply(reply -> placeAck(reply, order.orderId()));
    }

    @Override
    public CompletableFuture<ClobReply<List<ClobReply<PlaceAck>>>> placeBatch(List<PreparedOrder> orders) {
        String body = ClobOrderJson.batch(orders, apiKey);
        return http.send(ClobHttp.Call.privateCall("post_orders", "POST", "/orders", null, body), halted)
                .thenApply(reply -> parse(reply, json -> {
                    if (!json.isArray()) {
                        throw new IllegalArgumentException("POST /orders answered a non-array");
                    }
                    List<ClobReply<PlaceAck>> out = new ArrayList<>();
                    for (int i = 0; i < orders.size(); i++) {
                        JsonNode element = json.get(i);
                        out.add(element == null
                                ? ClobReply.railFailure(RailFailure.MALFORMED, reply.httpStatus(), "no answer for this order", reply.latencyNanos())
                                : placeAck(ClobReply.ok(element, reply.httpStatus(), reply.latencyNanos()), orders.get(i).orderId()));
                    }
                    return out;
                }));
    }

    @Override
    public CompletableFuture<ClobReply<CancelResult>> cancel(List<String> orderIds) {
        ClobHttp.Call call = orderIds.size() == 1
                ? ClobHttp.Call.privateCall("cancel_order", "DELETE", "/order", null,
                "{\"orderID\":\"" + hexId(orderIds.get(0)) + "\"}")
                : ClobHttp.Call.privateCall("cancel_orders", "DELETE", "/orders", null, idArray(orderIds));
        return http.send(call).thenApply(reply -> parse(reply, ClobRail::cancelResult));
    }

    @Override
    public CompletableFuture<ClobReply<CancelResult>> cancelAll() {
        return http.send(ClobHttp.Call.privateCall("cancel_all", "DELETE", "/cancel-all", null, null))
                .thenApply(reply -> parse(reply, ClobRail::cancelResult));
    }

    @Override
    public CompletableFuture<ClobReply<Optional<VenueOrder>>> order(String orderId) {
        String path = "/data/order/" + hexId(orderId);
        return http.send(ClobHttp.Call.privateCall("get_order", "GET", path, null, null)).thenApply(reply -> {
            if (reply.orderError() && reply.httpStatus() == 404) {
                return ClobReply.ok(Optional.empty(), 404, reply.latencyNanos());
            }
            return parse(reply, json -> {
                if (json == null || json.isNull() || !json.isObject() || !json.hasNonNull("id") && !json.hasNonNull("status")) {
                    return Optional.<VenueOrder>empty();
                }
                return Optional.of(new VenueOrder(text(json, "id", orderId), text(json, "status", ""),
                        VenueDecimals.micros(json.get("original_size")), VenueDecimals.micros(json.get("size_matched")),
                        VenueDecimals.priceE4(json.get("price"))));
            });
        });
    }

    /**
     * {@code GET /data/orders}: one page of the account's open orders, optionally of one market
     * (condition id; null for all), from {@code cursor} ({@link Page#FIRST} to start).
     */
    public CompletableFuture<ClobReply<Page<VenueOrder>>> openOrders(String market, String cursor) {
        return http.send(ClobHttp.Call.privateCall("get_orders", "GET", "/data/orders", query(market, cursor), null))
                .thenApply(reply -> parse(reply, json -> page(json, ClobRail::venueOrder)));
    }

    /** {@code GET /data/trades}: one page of the account's trades, optionally of one market. */
    public CompletableFuture<ClobReply<Page<VenueTrade>>> trades(String market, String cursor) {
        return http.send(ClobHttp.Call.privateCall("get_trades", "GET", "/data/trades", query(market, cursor), null))
                .thenApply(reply -> parse(reply, json -> page(json, ClobRail::venueTrade)));
    }

    /** Every page of {@link #openOrders}, followed to the end (reconciliation at start-up). */
    public CompletableFuture<ClobReply<List<VenueOrder>>> allOpenOrders(String market) {
        return collect(cursor -> openOrders(market, cursor), Page.FIRST, new ArrayList<>());
    }

    /** Every page of {@link #trades}, followed to the end. */
    public CompletableFuture<ClobReply<List<VenueTrade>>> allTrades(String market) {
        return collect(cursor -> trades(market, cursor), Page.FIRST, new ArrayList<>());
    }

    private static <T> CompletableFuture<ClobReply<List<T>>> collect(
            Function<String, CompletableFuture<ClobReply<Page<T>>>> fetch, String cursor, List<T> into) {
        return fetch.apply(cursor).thenCompose(reply -> {
            if (!reply.ok()) {
                return CompletableFuture.completedFuture(reply.map(p -> null));
            }
            into.addAll(reply.value().items());
            if (reply.value().last() || into.size() > 100_000) {
                return CompletableFuture.completedFuture(ClobReply.ok(List.copyOf(into), reply.httpStatus(), reply.latencyNanos()));
            }
            return collect(fetch, reply.value().nextCursor(), into);
        });
    }

    @Override
    public CompletableFuture<ClobReply<String>> heartbeat(String previousId) {
        String body = previousId == null || previousId.isEmpty() ? "{\"heartbeat_id\":null}"
                : "{\"heartbeat_id\":\"" + plain(previousId) + "\"}";
        return http.send(ClobHttp.Call.privateCall("heartbeat", "POST", "/v1/heartbeats", null, body))
                .thenApply(reply -> parse(reply, json -> text(json, "heartbeat_id", previousId == null ? "" : previousId)));
    }

    @Override
    public CompletableFuture<Void> warm() {
        return http.warm(warmConnections);
    }

    @Override
    public void close() {
        http.close();
    }

    // ------------------------------------------------------------------ parsing

    private static ClobReply<PlaceAck> placeAck(ClobReply<JsonNode> reply, String expectedId) {
        if (!reply.ok()) {
            return reply.map(j -> null);
        }
        JsonNode json = reply.value();
        if (json == null || !json.isObject()) {
            return ClobReply.railFailure(RailFailure.MALFORMED, reply.httpStatus(), "order answer is not an object", reply.latencyNanos());
        }
        JsonNode success = json.get("success");
        String error = text(json, "errorMsg", text(json, "error", ""));
        if (success != null && !success.asBoolean(true) || success == null && !error.isEmpty()) {
            // The venue refused this order inside a 2xx (a batch element, or a soft refusal): an order error.
            return ClobReply.orderError(reply.httpStatus(), error.isEmpty() ? "refused" : error, reply.latencyNanos());
        }
        return parse(reply, j -> new PlaceAck(text(j, "orderID", text(j, "orderId", expectedId)), text(j, "status", ""),
                VenueDecimals.micros(j.get("makingAmount")), VenueDecimals.micros(j.get("takingAmount"))));
    }

    private static <T> Page<T> page(JsonNode json, Function<JsonNode, T> item) {
        JsonNode data = json == null ? null : json.get("data");
        if (data == null || !data.isArray()) {
            throw new IllegalArgumentException("page without a data array");
        }
        List<T> items = new ArrayList<>();
        data.forEach(n -> items.add(item.apply(n)));
        return new Page<>(items, text(json, "next_cursor", Page.END));
    }

    private static VenueOrder venueOrder(JsonNode j) {
        return new VenueOrder(text(j, "id", ""), text(j, "status", ""), VenueDecimals.micros(j.get("original_size")),
                VenueDecimals.micros(j.get("size_matched")), VenueDecimals.priceE4(j.get("price")));
    }

    private static VenueTrade venueTrade(JsonNode j) {
        List<String> makers = new ArrayList<>();
        JsonNode m = j.get("maker_orders");
        if (m != null && m.isArray()) {
            m.forEach(x -> makers.add(text(x, "order_id", "")));
        }
        return new VenueTrade(text(j, "id", ""), text(j, "taker_order_id", ""), text(j, "market", ""),
                text(j, "asset_id", ""), text(j, "side", ""), VenueDecimals.micros(j.get("size")),
                VenueDecimals.priceE4(j.get("price")), (int) j.path("fee_rate_bps").asLong(0), text(j, "status", ""),
                j.path("match_time").asLong(0), text(j, "trader_side", ""), makers);
    }

    private static String query(String market, String cursor) {
        StringBuilder q = new StringBuilder("next_cursor=").append(java.net.URLEncoder.encode(
                cursor == null ? Page.FIRST : cursor, java.nio.charset.StandardCharsets.UTF_8));
        if (market != null && !market.isEmpty()) {
            q.append("&market=").append(java.net.URLEncoder.encode(market, java.nio.charset.StandardCharsets.UTF_8));
        }
        return q.toString();
    }

    private static CancelResult cancelResult(JsonNode json) {
        Set<String> canceled = new HashSet<>();
        Map<String, String> notCanceled = new HashMap<>();
        JsonNode c = json == null ? null : json.get("canceled");
        if (c != null && c.isArray()) {
            c.forEach(id -> canceled.add(id.asText().toLowerCase(Locale.ROOT)));
        }
        JsonNode n = json == null ? null : json.get("not_canceled");
        if (n != null && n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                notCanceled.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().asText());
            }
        }
        return new CancelResult(canceled, notCanceled);
    }

    /** Maps an OK reply through {@code f}; an answer {@code f} cannot read becomes a MALFORMED rail failure. */
    private static <T> ClobReply<T> parse(ClobReply<JsonNode> reply, Function<JsonNode, T> f) {
        if (!reply.ok()) {
            return reply.map(j -> null);
        }
        try {
            return ClobReply.ok(f.apply(reply.value()), reply.httpStatus(), reply.latencyNanos());
        } catch (RuntimeException e) {
            return ClobReply.railFailure(RailFailure.MALFORMED, reply.httpStatus(), e.getMessage(), reply.latencyNanos());
        }
    }

    private static String text(JsonNode json, String field, String fallback) {
        JsonNode v = json == null ? null : json.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    private static String idArray(List<String> ids) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ids.size(); i++) {
            sb.append(i == 0 ? "\"" : ",\"").append(hexId(ids.get(i))).append('"');
        }
        return sb.append(']').toString();
    }

    /** Order ids are 0x-hex hashes; anything else would need escaping and is refused. */
    private static String hexId(String id) {
        if (id == null || !id.matches("0x[0-9a-fA-F]{1,128}")) {
            throw new IllegalArgumentException("orderId: not a 0x-hex order hash");
        }
        return id;
    }

    private static String plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c < 0x20) {
                throw new IllegalArgumentException("heartbeat id contains a character that cannot be sent");
            }
        }
        return s;
    }
}
