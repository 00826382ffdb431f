package io.velocity.sim.clob;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.config.ChainConfig;
import io.velocity.config.SimConfig;
import io.velocity.sim.SimLoop;
import io.velocity.sim.http.SimHttpServer;
import io.velocity.sim.http.SimRequest;
import io.velocity.sim.http.SimResponse;
import io.velocity.sim.json.Decimals;
import io.velocity.sim.json.Json;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimMarket;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * The CLOB REST API. Public: {@code /ok}, {@code /time}, {@code /book}, {@code POST /books},
 * {@code /tick-size}, {@code /neg-risk}, {@code /fee-rate}, {@code /midpoint}, {@code /price},
 * {@code /last-trade-price}, {@code /clob-markets/{conditionId}}, {@code /markets/{conditionId}}.
 * L1: {@code POST /auth/api-key}, {@code GET /auth/derive-api-key}. L2: {@code POST /order},
 * {@code POST /orders}, {@code DELETE /order}, {@code DELETE /orders}, {@code DELETE /cancel-all},
 * {@code DELETE /cancel-market-orders}, {@code /data/orders}, {@code /data/order/{id}},
 * {@code /data/trades}, {@code /balance-allowance}, heartbeats, {@code /auth/api-keys}, and the
 * simulator's paper redemption {@code POST /sim/redeem}. Errors are {@code {"error": "..."}} with
 * the venue's status codes and messages.
 */
public final class ClobRestApi {
    static final String UNAUTHORIZED = "Unauthorized/Invalid api key";
    static final String INVALID_L1 = "Invalid L1 Request headers";
    static final String INVALID_PAYLOAD = "Invalid order payload";
    private static final String MAX_UINT256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE).toString();
    private static final int PAGE = 100;
    private static final String END_CURSOR = "LTE=";

    private final ClobExchange exchange;
    private final MarketCatalog catalog;
    private final SimLoop loop;
    private final OrderAuthenticator auth;
    private final SimConfig.Clob rules;
    private final ChainConfig chain;
    private final LongSupplier clock;
    private final LongSupplier skew;
    private final RateWindow publicWindow;

    /**
     * @param clock simulator clock, epoch milliseconds
     * @param skew  injected server clock skew, milliseconds
     */
    public ClobRestApi(ClobExchange exchange, SimLoop loop, OrderAuthenticator auth, SimConfig.Clob rules, ChainConfig chain,
                       LongSupplier clock, LongSupplier skew) {
        this.exchange = exchange;
        this.catalog = exchange.catalog();
        this.loop = loop;
        this.auth = auth;
        this.rules = rules;
        this.chain = chain;
        this.clock = clock;
        this.skew = skew;
        this.publicWindow = new RateWindow(10_000, rules.publicPer10s());
    }

    /** The CLOB's body for a bare status. */
    public static byte[] errorBody(int status) {
        return Json.error(switch (status) {
            case 401 -> UNAUTHORIZED;
            case 404 -> "not found";
            case 429 -> "Too Many Requests";
            case 503 -> "Trading is currently disabled. Check polymarket.com for updates";
            default -> "Internal server error";
        });
    }

    private static SimResponse error(int status, String message) {
        return SimResponse.json(status, Json.error(message));
    }

    public void mount(SimHttpServer s) {
        s.route("GET", "/ok", r -> SimResponse.ok("\"OK\"".getBytes(StandardCharsets.UTF_8)))
                .route("GET", "/time", r -> SimResponse.ok(Long.toString((clock.getAsLong() + skew.getAsLong()) / 1000)
                        .getBytes(StandardCharsets.UTF_8)))
                .route("GET", "/book", r -> publicCall(() -> book(r)))
                .route("POST", "/books", r -> publicCall(() -> books(r)))
                .route("GET", "/tick-size", r -> publicCall(() -> tokenInfo(r, (m, o) -> g -> {
                    g.writeStartObject();
                    g.writeNumberField("minimum_tick_size", m.tickUnits() / (double) SimMarket.PRICE_ONE);
                    g.writeEndObject();
                })))
                .route("GET", "/neg-risk", r -> publicCall(() -> tokenInfo(r, (m, o) -> g -> {
                    g.writeStartObject();
                    g.writeBooleanField("neg_risk", m.negRisk());
                    g.writeEndObject();
                })))
                .route("GET", "/fee-rate", r -> publicCall(() -> tokenInfo(r, (m, o) -> g -> {
                    g.writeStartObject();
                    g.writeNumberField("base_fee", Long.parseLong(exchange.feeRateBps()));
                    g.writeEndObject();
                })))
                .route("GET", "/midpoint", r -> publicCall(() -> tokenInfo(r, (m, o) -> g -> {
                    BookSnapshot b = exchange.snapshot(m, o);
                    g.writeStartObject();
                    g.writeStringField("mid", b.bestBid() < 0 || b.bestAsk() < 0 ? "0.5"
                            : Decimals.minimal((b.bestBid() + b.bestAsk()) / 2, 4));
                    g.writeEndObject();
                })))
                .route("GET", "/price", r -> publicCall(() -> price(r)))
                .route("GET", "/last-trade-price", r -> publicCall(() -> tokenInfo(r, (m, o) -> g -> {
                    g.writeStartObject();
                    String p = ClobWire.lastTradePrice(m, o);
                    g.writeStringField("price", p.isEmpty() ? "0.5" : p);
                    g.writeStringField("side", "");
                    g.writeEndObject();
                })))
                .route("GET", "/clob-markets/{conditionId}", r -> publicCall(() -> clobMarket(r)))
                .route("GET", "/markets/{conditionId}", r -> publicCall(() -> market(r)))
                .route("POST", "/auth/api-key", r -> l1(r, true))
                .route("GET", "/auth/derive-api-key", r -> l1(r, false))
                .route("GET", "/auth/api-keys", this::apiKeys)
                .route("POST", "/order", this::postOrder)
                .route("POST", "/orders", this::postOrders)
                .route("DELETE", "/order", this::deleteOrder)
                .route("DELETE", "/orders", this::deleteOrders)
                .route("DELETE", "/cancel-all", this::cancelAll)
                .route("DELETE", "/cancel-market-orders", this::cancelMarketOrders)
                .route("GET", "/data/orders", this::openOrders)
                .route("GET", "/data/order/{id}", this::order)
                .route("GET", "/data/trades", this::trades)
                .route("GET", "/balance-allowance", this::balanceAllowance)
                .route("GET", "/balance-allowance/update", this::balanceAllowanceUpdate)
                .route("POST", "/v1/heartbeats", this::heartbeat)
                .route("POST", "/heartbeats", this::heartbeat)
                .route("POST", "/sim/redeem", this::redeem);
    }

    // ================================================================== public market data

    @FunctionalInterface
    private interface Call {
        SimResponse run() throws Exception;
    }

    private SimResponse publicCall(Call c) throws Exception {
        boolean ok = loop.call(() -> publicWindow.tryAcquire(clock.getAsLong()));
        return ok ? c.run() : error(429, "Too Many Requests");
    }

    private SimResponse book(SimRequest r) throws Exception {
        String token = r.param("token_id");
        if (token == null || token.isEmpty() || !token.chars().allMatch(Character::isDigit)) {
            return error(400, "Invalid token id");
        }
        return loop.call(() -> {
            MarketCatalog.TokenRef ref = catalog.token(token);
            if (ref == null) {
                return error(404, "No orderbook exists for the requested token id");
            }
            long ts = clock.getAsLong() + skew.getAsLong();
            BookSnapshot b = exchange.snapshot(ref.market(), ref.outcome());
            return SimResponse.ok(Json.bytes(g -> ClobWire.writeRestBook(g, ref.market(), ref.outcome(), b, ts)));
        });
    }

    private SimResponse books(SimRequest r) throws Exception {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            return error(400, "Invalid payload");
        }
        if (body == null || !body.isArray()) {
            return error(400, "Invalid payload");
        }
        if (body.size() > 500) {
            return error(400, "Payload exceeds the limit");
        }
        List<String> tokens = new ArrayList<>();
        for (JsonNode n : body) {
            String t = n.path("token_id").asText("");
            if (t.isEmpty()) {
                return error(400, "Invalid payload");
            }
            tokens.add(t);
        }
        return loop.call(() -> {
            long ts = clock.getAsLong() + skew.getAsLong();
            return SimResponse.ok(Json.bytes(g -> {
                g.writeStartArray();
                for (String t : tokens) {
                    MarketCatalog.TokenRef ref = catalog.token(t);
                    if (ref != null) {
                        ClobWire.writeRestBook(g, ref.market(), ref.outcome(), exchange.snapshot(ref.market(), ref.outcome()), ts);
                    }
                }
                g.writeEndArray();
            }));
        });
    }

    @FunctionalInterface
    private interface TokenBody {
        Json.Body of(SimMarket m, int outcome);
    }

    private SimResponse tokenInfo(SimRequest r, TokenBody body) throws Exception {
        String token = r.param("token_id");
        if (token == null || token.isEmpty()) {
            return error(400, "Invalid token id");
        }
        return loop.call(() -> {
            MarketCatalog.TokenRef ref = catalog.token(token);
            if (ref == null) {
                return error(404, "market not found");
            }
            return SimResponse.ok(Json.bytes(body.of(ref.market(), ref.outcome())));
        });
    }

    private SimResponse price(SimRequest r) throws Exception {
        String side = r.param("side");
        if (side == null || !(side.equalsIgnoreCase("BUY") || side.equalsIgnoreCase("SELL"))) {
            return error(400, "Invalid side");
        }
        return tokenInfo(r, (m, o) -> g -> {
            BookSnapshot b = exchange.snapshot(m, o);
            // BUY is what a buyer pays (the best ask); SELL what a seller gets (the best bid).
            long p = side.equalsIgnoreCase("BUY") ? b.bestAsk() : b.bestBid();
            g.writeStartObject();
            g.writeStringField("price", p < 0 ? "0" : Decimals.minimal(p, 4));
            g.writeEndObject();
        });
    }

    private SimResponse clobMarket(SimRequest r) throws Exception {
        String id = r.pathParam("conditionId");
        return loop.call(() -> {
            SimMarket m = catalog.byCondition(id);
            if (m == null) {
                return error(404, "market not found");
            }
            return SimResponse.ok(Json.bytes(g -> {
                g.writeStartObject();
                g.writeNumberField("mos", m.minSizeMicros() / 1_000_000.0);
                g.writeNumberField("mts", m.tickUnits() / (double) SimMarket.PRICE_ONE);
                g.writeObjectFieldStart("fd");
                g.writeNumberField("r", exchange.feeRate());
                g.writeNumberField("e", exchange.feeExponent());
                g.writeBooleanField("to", true);
                g.writeEndObject();
                g.writeArrayFieldStart("t");
                for (int i = 0; i < m.tokenIds().size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("t", m.tokenId(i));
                    g.writeStringField("o", m.outcomes().get(i));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }));
        });
    }

    private SimResponse market(SimRequest r) throws Exception {
        String id = r.pathParam("conditionId");
        return loop.call(() -> {
            SimMarket m = catalog.byCondition(id);
            if (m == null) {
                return error(404, "market not found");
            }
            return SimResponse.ok(Json.bytes(g -> {
                g.writeStartObject();
                g.writeBooleanField("enable_order_book", true);
                g.writeBooleanField("active", !m.closed());
                g.writeBooleanField("closed", m.closed());
                g.writeBooleanField("archived", false);
                g.writeBooleanField("accepting_orders", m.acceptingOrders());
                g.writeNumberField("minimum_order_size", m.minSizeMicros() / 1_000_000.0);
                g.writeNumberField("minimum_tick_size", m.tickUnits() / (double) SimMarket.PRICE_ONE);
                g.writeStringField("condition_id", m.conditionId());
                g.writeStringField("question_id", m.questionId());
                g.writeStringField("question", m.question());
                g.writeStringField("market_slug", m.slug());
                g.writeStringField("end_date_iso", java.time.Instant.ofEpochMilli(m.endMillis()).toString());
                g.writeStringField("game_start_time", java.time.Instant.ofEpochMilli(m.startMillis()).toString());
                g.writeNumberField("maker_base_fee", 0);
                g.writeNumberField("taker_base_fee", Long.parseLong(exchange.feeRateBps()));
                g.writeBooleanField("neg_risk", m.negRisk());
                g.writeArrayFieldStart("tokens");
                for (int i = 0; i < m.tokenIds().size(); i++) {
                    g.writeStartObject();
                    g.writeStringField("token_id", m.tokenId(i));
                    g.writeStringField("outcome", m.outcomes().get(i));
                    long up = m.resolved() ? (m.winner() == 0 ? SimMarket.PRICE_ONE : 0)
                            : m.lastTradeUnits() >= 0 ? m.lastTradeUnits() : SimMarket.PRICE_ONE / 2;
                    g.writeNumberField("price", (i == 0 ? up : SimMarket.PRICE_ONE - up) / (double) SimMarket.PRICE_ONE);
                    g.writeBooleanField("winner", m.resolved() && m.winner() == i);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }));
        });
    }

    // ================================================================== authentication

    private record Authed(ApiCredential cred, ClobAccount account) {
    }

    /** Checks the L2 headers; null when they fail (answer 401). */
    private Authed l2(SimRequest r) throws Exception {
        String key = r.header("POLY_API_KEY");
        String address = r.header("POLY_ADDRESS");
        String passphrase = r.header("POLY_PASSPHRASE");
        String timestamp = r.header("POLY_TIMESTAMP");
        String signature = r.header("POLY_SIGNATURE");
        if (key == null || address == null || passphrase == null || timestamp == null || signature == null) {
            return null;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return null;
        }
        if (Math.abs(clock.getAsLong() - ts * 1000L) > rules.authMaxSkew().toMillis()) {
            return null;
        }
        ApiCredential cred = loop.call(() -> exchange.credential(key));
        if (cred == null || !cred.passphrase().equals(passphrase) || !cred.address().equalsIgnoreCase(address)) {
            return null;
        }
        if (!auth.verifyL2(cred.secret(), timestamp, r.method(), r.path(), r.body(), signature)) {
            return null;
        }
        return new Authed(cred, loop.call(() -> exchange.account(cred)));
    }

    private SimResponse l1(SimRequest r, boolean create) throws Exception {
        String address = r.header("POLY_ADDRESS");
        String signature = r.header("POLY_SIGNATURE");
        String timestamp = r.header("POLY_TIMESTAMP");
        String nonceText = r.header("POLY_NONCE");
        if (address == null || signature == null || timestamp == null) {
            return error(401, INVALID_L1);
        }
        long ts;
        long nonce;
        try {
            ts = Long.parseLong(timestamp);
            nonce = nonceText == null || nonceText.isEmpty() ? 0 : Long.parseLong(nonceText);
        } catch (NumberFormatException e) {
            return error(401, INVALID_L1);
        }
        if (Math.abs(clock.getAsLong() - ts * 1000L) > rules.authMaxSkew().toMillis()) {
            return error(401, INVALID_L1);
        }
        Optional<String> signer = auth.recoverL1Signer(address, ts, nonce, signature, chain.chainId());
        if (signer.isEmpty() || !signer.get().equalsIgnoreCase(address)) {
            return error(401, INVALID_L1);
        }
        ApiCredential c = loop.call(() -> create ? exchange.create(address, nonce) : exchange.derive(address, nonce));
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("apiKey", c.apiKey());
            g.writeStringField("secret", c.secret());
            g.writeStringField("passphrase", c.passphrase());
            g.writeEndObject();
        }));
    }

    private SimResponse apiKeys(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("apiKeys");
            g.writeString(a.cred().apiKey());
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    // ================================================================== orders

    private SimResponse postOrder(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        String limited = loop.call(() -> {
            long now = clock.getAsLong();
            if (!a.account().orderBurst.tryAcquire(now) || !a.account().orderSustained.tryAcquire(now)) {
                return "limited";
            }
            return a.account().orderBurst.usage(now) > 0.8 ? "warn" : "";
        });
        if (limited.equals("limited")) {
            return error(429, "Too Many Requests");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            return error(400, INVALID_PAYLOAD);
        }
        Outcome o = submit(a, body);
        SimResponse resp = o.result() == null ? error(o.status(), o.error())
                : o.result().accepted() ? SimResponse.ok(Json.bytes(g -> writeResult(g, o.result())))
                : error(o.result().httpStatus(), o.result().error());
        return limited.equals("warn") ? resp.withHeader("Poly-RateLimit-Warning", "order burst limit nearly reached") : resp;
    }

    private SimResponse postOrders(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        boolean ok = loop.call(() -> a.account().batchBurst.tryAcquire(clock.getAsLong()));
        if (!ok) {
            return error(429, "Too Many Requests");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(r.body());
        } catch (Exception e) {
            return error(400, INVALID_PAYLOAD);
        }
        if (body == null || !body.isArray()) {
            return error(400, INVALID_PAYLOAD);
        }
        if (body.size() > rules.maxBatch()) {
            return error(400, "Too many orders in payload: " + body.size() + ", max allowed: " + rules.maxBatch());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode n : body) {
            outcomes.add(submit(a, n));
        }
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartArray();
            for (Outcome o : outcomes) {
                if (o.result() != null && o.result().accepted()) {
                    writeResult(g, o.result());
                } else {
                    g.writeStartObject();
                    g.writeBooleanField("success", false);
                    g.writeStringField("errorMsg", o.result() == null ? o.error() : o.result().error());
                    g.writeStringField("orderID", o.result() == null ? o.orderId() : o.result().orderId());
                    g.writeStringField("status", "");
                    g.writeStringField("makingAmount", "");
                    g.writeStringField("takingAmount", "");
                    g.writeArrayFieldStart("transactionsHashes");
                    g.writeEndArray();
                    g.writeArrayFieldStart("tradeIDs");
                    g.writeEndArray();
                    g.writeEndObject();
                }
            }
            g.writeEndArray();
        }));
    }

    /** Either a placement result, or a rejection before the exchange saw the order. */
    private record Outcome(PlaceResult result, int status, String error, String orderId) {
        static Outcome reject(int status, String error, String orderId) {
            return new Outcome(null, status, error, orderId);
        }
    }

    private Outcome submit(Authed a, JsonNode body) throws Exception {
        if (body == null || !body.isObject() || !body.path("order").isObject()) {
            return Outcome.reject(400, INVALID_PAYLOAD, "");
        }
        WireOrder w;
        OrderType type;
        try {
            w = parseOrder(body.get("order"));
            type = OrderType.valueOf(body.path("orderType").asText("GTC").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Outcome.reject(400, INVALID_PAYLOAD, "");
        }
        if (!a.cred().apiKey().equals(body.path("owner").asText(""))) {
            return Outcome.reject(400, "the order owner has to be the owner of the API KEY", "");
        }
        if (!w.signer().equalsIgnoreCase(a.cred().address())) {
            return Outcome.reject(400, "the order signer address has to be the address of the API KEY", "");
        }
        if (w.signatureType() == 0 && !w.maker().equalsIgnoreCase(w.signer())) {
            return Outcome.reject(400, INVALID_PAYLOAD, "");
        }
        MarketCatalog.TokenRef ref = loop.call(() -> catalog.token(w.tokenId().toString()));
        if (ref == null) {
            return Outcome.reject(400, INVALID_PAYLOAD, "");
        }
        ChainConfig.Contracts c = chain.contracts();
        String exchangeAddress = ref.market().negRisk() ? c.negRiskExchange() : c.exchange();
        OrderAuthenticator.OrderCheck check = auth.verifyOrder(w, exchangeAddress, chain.chainId());
        if (!check.problem().isEmpty()) {
            return Outcome.reject(400, INVALID_PAYLOAD, "");
        }
        if (!check.signedBy(w.signer())) {
            return Outcome.reject(400, "invalid signature", check.orderHash());
        }
        if (Math.abs(clock.getAsLong() - w.timestamp()) > rules.orderMaxAge().toMillis()) {
            return Outcome.reject(400, "signature expired", check.orderHash());
        }
        OrderRequest req = new OrderRequest(check.orderHash(), w.tokenId().toString(), w.side(), w.makerAmount(), w.takerAmount(),
                type, body.path("postOnly").asBoolean(false), w.expiration(), w.maker());
        PlaceResult result = loop.call(() -> exchange.place(a.cred(), req, clock.getAsLong()));
        return new Outcome(result, result.httpStatus(), result.error(), result.orderId());
    }

    /** Parses the wire order; IllegalArgumentException when a field is missing or has the wrong type. */
    static WireOrder parseOrder(JsonNode o) {
        return new WireOrder(uint(o, "salt"), text(o, "maker"), text(o, "signer"), uint(o, "tokenId"),
                uint(o, "makerAmount").longValueExact(), uint(o, "takerAmount").longValueExact(), side(o),
                signatureType(o), uint(o, "timestamp").longValueExact(), o.has("expiration") ? uint(o, "expiration").longValueExact() : 0,
                o.has("metadata") ? text(o, "metadata") : "0x" + "0".repeat(64),
                o.has("builder") ? text(o, "builder") : "0x" + "0".repeat(64), text(o, "signature"));
    }

    private static String text(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null || !n.isTextual() || n.textValue().isEmpty()) {
            throw new IllegalArgumentException(field);
        }
        return n.textValue();
    }

    /** A non-negative integer sent as a number or a decimal string. */
    private static BigInteger uint(JsonNode o, String field) {
        JsonNode n = o.get(field);
        if (n == null) {
            throw new IllegalArgumentException(field);
        }
        try {
            BigInteger v = n.isIntegralNumber() ? n.bigIntegerValue() : new BigInteger(n.asText());
            if (v.signum() < 0 || !n.isIntegralNumber() && !n.isTextual()) {
                throw new IllegalArgumentException(field);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field);
        }
    }

    private static String side(JsonNode o) {
        JsonNode n = o.get("side");
        if (n != null && n.isTextual() && (n.textValue().equals("BUY") || n.textValue().equals("SELL"))) {
            return n.textValue();
        }
        if (n != null && n.isInt() && (n.intValue() == 0 || n.intValue() == 1)) {
            return n.intValue() == 0 ? "BUY" : "SELL";
        }
        throw new IllegalArgumentException("side");
    }

    private static int signatureType(JsonNode o) {
        JsonNode n = o.get("signatureType");
        if (n == null || !n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 3) {
            throw new IllegalArgumentException("signatureType");
        }
        return n.intValue();
    }

    private static void writeResult(JsonGenerator g, PlaceResult p) throws IOException {
        g.writeStartObject();
        g.writeBooleanField("success", true);
        g.writeStringField("errorMsg", "");
        g.writeStringField("orderID", p.orderId());
        g.writeStringField("status", p.status());
        g.writeStringField("makingAmount", p.makingAmount() == 0 ? "" : Decimals.minimal(p.makingAmount(), 6));
        g.writeStringField("takingAmount", p.takingAmount() == 0 ? "" : Decimals.minimal(p.takingAmount(), 6));
        g.writeArrayFieldStart("transactionsHashes");
        for (String h : p.transactionHashes()) {
            g.writeString(h);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("tradeIDs");
        for (String t : p.tradeIds()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    // ================================================================== cancels

    private SimResponse deleteOrder(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        JsonNode body = parse(r.body());
        if (body == null || !body.isObject()) {
            return error(400, INVALID_PAYLOAD);
        }
        String id = body.path("orderID").asText("");
        if (!id.matches("0x[0-9a-fA-F]{64}")) {
            return error(400, "Invalid orderID");
        }
        return cancelled(loop.call(() -> exchange.cancel(a.account(), List.of(id), clock.getAsLong())));
    }

    private SimResponse deleteOrders(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        JsonNode body = parse(r.body());
        if (body == null || !body.isArray()) {
            return error(400, INVALID_PAYLOAD);
        }
        if (body.size() > 3_000) {
            return error(400, "Too many orders in payload, max allowed: 3000");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode n : body) {
            if (!n.isTextual() || !n.textValue().matches("0x[0-9a-fA-F]{64}")) {
                return error(400, "Invalid orderID");
            }
            ids.add(n.textValue());
        }
        return cancelled(loop.call(() -> exchange.cancel(a.account(), ids, clock.getAsLong())));
    }

    private SimResponse cancelAll(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        ClobExchange.CancelResult res = loop.call(() -> a.account().cancelAllBurst.tryAcquire(clock.getAsLong())
                ? exchange.cancelAll(a.account(), clock.getAsLong()) : null);
        return res == null ? error(429, "Too Many Requests") : cancelled(res);
    }

    private SimResponse cancelMarketOrders(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        JsonNode body = parse(r.body());
        if (body == null || !body.isObject()) {
            return error(400, INVALID_PAYLOAD);
        }
        String market = body.path("market").asText("");
        String asset = body.path("asset_id").asText("");
        return cancelled(loop.call(() -> exchange.cancelMarket(a.account(), market, asset, clock.getAsLong())));
    }

    private static SimResponse cancelled(ClobExchange.CancelResult res) {
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("canceled");
            for (String id : res.canceled()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("not_canceled");
            for (Map.Entry<String, String> e : res.notCanceled().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    // ================================================================== queries

    private SimResponse openOrders(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        int offset = cursor(r.param("next_cursor"));
        if (offset < 0) {
            return error(400, "invalid order params payload");
        }
        String id = r.param("id");
        String market = r.param("market");
        String asset = r.param("asset_id");
        List<OrderView> all = loop.call(() -> exchange.openOrders(a.account())).stream()
                .filter(o -> id == null || o.id().equalsIgnoreCase(id))
                .filter(o -> market == null || o.market().conditionId().equalsIgnoreCase(market))
                .filter(o -> asset == null || o.assetId().equals(asset))
                .toList();
        return SimResponse.ok(page(all, offset, (g, o) -> TradeJson.order(g, o)));
    }

    private SimResponse order(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        String id = r.pathParam("id");
        if (id == null || !id.matches("0x[0-9a-fA-F]{64}")) {
            return error(400, "Invalid orderID");
        }
        OrderView o = loop.call(() -> exchange.order(id));
        if (o == null || !o.owner().equals(a.cred().apiKey())) {
            return SimResponse.ok("null".getBytes(StandardCharsets.UTF_8));
        }
        return SimResponse.ok(Json.bytes(g -> TradeJson.order(g, o)));
    }

    private SimResponse trades(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        int offset = cursor(r.param("next_cursor"));
        if (offset < 0) {
            return error(400, "Invalid trade params payload");
        }
        String id = r.param("id");
        String market = r.param("market");
        String asset = r.param("asset_id");
        String before = r.param("before");
        String after = r.param("after");
        if ((before != null && !before.matches("\\d{1,18}")) || (after != null && !after.matches("\\d{1,18}"))) {
            return error(400, "Invalid trade params payload");
        }
        long skewMs = skew.getAsLong();
        ClobAccount me = a.account();
        List<TradeView> all = loop.call(() -> exchange.trades(me)).stream()
                .filter(t -> id == null || t.id().equals(id))
                .filter(t -> market == null || t.market().conditionId().equalsIgnoreCase(market))
                .filter(t -> asset == null || t.assetId().equals(asset))
                .filter(t -> before == null || t.matchTime() / 1000 < Long.parseLong(before))
                .filter(t -> after == null || t.matchTime() / 1000 > Long.parseLong(after))
                .toList();
        return SimResponse.ok(page(all, offset, (g, t) -> TradeJson.rest(g, t, t.taker() == me ? "TAKER" : "MAKER",
                a.cred().apiKey(), skewMs)));
    }

    @FunctionalInterface
    private interface Writer<T> {
        void write(JsonGenerator g, T item) throws IOException;
    }

    /** Cursor pagination: {@code MA==} (base64 of "0") starts, {@code LTE=} (base64 of "-1") ends. */
    private static <T> byte[] page(List<T> all, int offset, Writer<T> w) {
        int to = Math.min(all.size(), offset + PAGE);
        String next = to >= all.size() ? END_CURSOR : Base64.getEncoder().encodeToString(Integer.toString(to).getBytes(StandardCharsets.UTF_8));
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeNumberField("limit", PAGE);
            g.writeNumberField("count", Math.max(0, to - offset));
            g.writeStringField("next_cursor", next);
            g.writeArrayFieldStart("data");
            for (int i = Math.min(offset, all.size()); i < to; i++) {
                w.write(g, all.get(i));
            }
            g.writeEndArray();
            g.writeEndObject();
        });
    }

    /** Offset encoded in a cursor; 0 for none, -1 when malformed. */
    private static int cursor(String c) {
        if (c == null || c.isEmpty()) {
            return 0;
        }
        try {
            int v = Integer.parseInt(new String(Base64.getDecoder().decode(c), StandardCharsets.UTF_8));
            return v < 0 ? Integer.MAX_VALUE : v;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private SimResponse balanceAllowance(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        String type = r.param("asset_type");
        if (type == null || !(type.equalsIgnoreCase("COLLATERAL") || type.equalsIgnoreCase("CONDITIONAL"))) {
            return error(400, "Invalid asset type");
        }
        String sigType = r.param("signature_type");
        if (sigType != null && !sigType.matches("[0-3]|EOA|POLY_PROXY|GNOSIS_SAFE|POLY_GNOSIS_SAFE|POLY_1271")) {
            return error(400, "Invalid signature_type");
        }
        String token = r.param("token_id");
        Long balance = loop.call(() -> {
            if (type.equalsIgnoreCase("COLLATERAL")) {
                return a.account().collateral();
            }
            MarketCatalog.TokenRef ref = token == null ? null : catalog.token(token);
            return ref == null ? null : a.account().shares(ref.market().index(), ref.outcome());
        });
        if (balance == null) {
            return error(400, "Invalid token id");
        }
        ChainConfig.Contracts c = chain.contracts();
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("balance", Long.toString(balance));
            g.writeObjectFieldStart("allowances");
            g.writeStringField(c.exchange(), MAX_UINT256);
            g.writeStringField(c.negRiskExchange(), MAX_UINT256);
            g.writeStringField(c.negRiskAdapter(), MAX_UINT256);
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    private SimResponse balanceAllowanceUpdate(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        return SimResponse.ok("{}".getBytes(StandardCharsets.UTF_8));
    }

    private SimResponse heartbeat(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        String id = loop.call(() -> exchange.heartbeat(a.account(), clock.getAsLong()));
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("status", "ok");
            g.writeStringField("heartbeat_id", id);
            g.writeEndObject();
        }));
    }

    /** Paper redemption of a resolved market: {@code {"conditionId": "0x..."}} to {@code {"conditionId", "payout"}}. */
    private SimResponse redeem(SimRequest r) throws Exception {
        Authed a = l2(r);
        if (a == null) {
            return error(401, UNAUTHORIZED);
        }
        JsonNode body = parse(r.body());
        String conditionId = body == null ? "" : body.path("conditionId").asText("");
        Object res = loop.call(() -> {
            SimMarket m = catalog.byCondition(conditionId);
            if (m == null) {
                return error(404, "market not found");
            }
            if (!m.resolved()) {
                return error(400, "market not resolved");
            }
            return exchange.redeem(a.account(), m);
        });
        if (res instanceof SimResponse sr) {
            return sr;
        }
        long payout = (Long) res;
        return SimResponse.ok(Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("conditionId", conditionId);
            g.writeStringField("payout", Decimals.minimal(payout, 6));
            g.writeEndObject();
        }));
    }
}
