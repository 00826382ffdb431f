package io.velocity.sim.gamma;

import com.fasterxml.jackson.core.JsonGenerator;
import io.velocity.sim.SimLoop;
import io.velocity.sim.http.SimHttpServer;
import io.velocity.sim.http.SimRequest;
import io.velocity.sim.http.SimResponse;
import io.velocity.sim.json.Decimals;
import io.velocity.sim.json.Json;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimEvent;
import io.velocity.sim.market.SimMarket;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Gamma, the discovery API: {@code /events}, {@code /events/{id}}, {@code /events/slug/{slug}},
 * {@code /markets}, {@code /markets/{id}}, {@code /markets/slug/{slug}} with the query filters
 * discovery uses and Gamma's field names and quirks ({@code clobTokenIds}, {@code outcomes} and
 * {@code outcomePrices} are JSON strings; market {@code liquidity} and {@code volume} are strings
 * next to the numeric {@code liquidityNum}/{@code volumeNum}).
 */
public final class GammaApi {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 500;
    /** Tag ids are the simulator's own; only their labels and slugs mirror the venue. */
    private static final String[][] ASSET_TAGS = {
            {"btc", "235", "Bitcoin", "bitcoin"}, {"eth", "39", "Ethereum", "ethereum"},
            {"sol", "818", "Solana", "solana"}, {"xrp", "101267", "XRP", "xrp"}};

    private final MarketCatalog catalog;
    private final SimLoop loop;
    private final LongSupplier now;
    private final boolean feesEnabled;
    private final double feeRate;
    private final double feeExponent;

    public GammaApi(MarketCatalog catalog, SimLoop loop, LongSupplier now, boolean feesEnabled, double feeRate, double feeExponent) {
        this.catalog = catalog;
        this.loop = loop;
        this.now = now;
        this.feesEnabled = feesEnabled;
        this.feeRate = feeRate;
        this.feeExponent = feeExponent;
    }

    public static byte[] errorBody(int status) {
        return Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "error");
            g.writeStringField("error", switch (status) {
                case 404 -> "not found";
                case 429 -> "Too Many Requests";
                case 503 -> "service unavailable";
                default -> "internal server error";
            });
            g.writeEndObject();
        });
    }

    public void mount(SimHttpServer server) {
        server.route("GET", "/events", this::events)
                .route("GET", "/events/slug/{slug}", r -> one(() -> {
                    SimEvent e = catalog.eventBySlug(r.pathParam("slug"));
                    return e == null ? null : Json.bytes(g -> writeEvent(g, e, true));
                }))
                .route("GET", "/events/{id}", r -> one(() -> {
                    SimEvent e = catalog.eventById(r.pathParam("id"));
                    return e == null ? null : Json.bytes(g -> writeEvent(g, e, true));
                }))
                .route("GET", "/markets", this::markets)
                .route("GET", "/markets/slug/{slug}", r -> one(() -> {
                    SimMarket m = catalog.marketBySlug(r.pathParam("slug"));
                    return m == null ? null : Json.bytes(g -> writeMarket(g, m, true));
                }))
                .route("GET", "/markets/{id}", r -> one(() -> {
                    SimMarket m = catalog.marketById(r.pathParam("id"));
                    return m == null ? null : Json.bytes(g -> writeMarket(g, m, true));
                }));
    }

    private SimResponse one(java.util.concurrent.Callable<byte[]> body) throws Exception {
        byte[] b = loop.call(body);
        return b == null ? SimResponse.json(404, errorBody(404)) : SimResponse.ok(b);
    }

    private static SimResponse invalid(String what) {
        return SimResponse.json(422, Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("type", "validation error");
            g.writeStringField("error", what);
            g.writeEndObject();
        }));
    }

    // ------------------------------------------------------------------ /events

    private SimResponse events(SimRequest r) throws Exception {
        Query q = Query.parse(r);
        if (q.error != null) {
            return invalid(q.error);
        }
        return SimResponse.ok(loop.call(() -> {
            long t = now.getAsLong();
            List<SimEvent> found = new ArrayList<>();
            for (SimEvent e : catalog.events()) {
                if (catalog.listed(e, t) && q.matchesEvent(e, t, this)) {
                    found.add(e);
                }
            }
            found.sort(q.eventOrder(this));
            List<SimEvent> page = page(found, q);
            return Json.bytes(g -> {
                g.writeStartArray();
                for (SimEvent e : page) {
                    writeEvent(g, e, true);
                }
                g.writeEndArray();
            });
        }));
    }

    // ------------------------------------------------------------------ /markets

    private SimResponse markets(SimRequest r) throws Exception {
        Query q = Query.parse(r);
        if (q.error != null) {
            return invalid(q.error);
        }
        return SimResponse.ok(loop.call(() -> {
            long t = now.getAsLong();
            List<SimMarket> found = new ArrayList<>();
            for (SimEvent e : catalog.events()) {
                if (!catalog.listed(e, t)) {
                    continue;
                }
                for (SimMarket m : e.markets()) {
                    if (q.matchesMarket(m, t, this)) {
                        found.add(m);
                    }
                }
            }
            found.sort(q.marketOrder(this));
            List<SimMarket> page = page(found, q);
            return Json.bytes(g -> {
                g.writeStartArray();
                for (SimMarket m : page) {
                    writeMarket(g, m, true);
                }
                g.writeEndArray();
            });
        }));
    }

    private static <T> List<T> page(List<T> all, Query q) {
        int from = Math.min(q.offset, all.size());
        int to = Math.min(all.size(), from + q.limit);
        return all.subList(from, to);
    }

    // ------------------------------------------------------------------ state shown by Gamma

    boolean active(SimMarket m) {
        return !m.closed();
    }

    double eventLiquidity(SimEvent e) {
        double sum = 0;
        for (SimMarket m : e.markets()) {
            sum += m.liquidityUsd();
        }
        return sum;
    }

    double eventVolume(SimEvent e) {
        double sum = 0;
        for (SimMarket m : e.markets()) {
            sum += m.volumeUsd();
        }
        return sum;
    }

    /** Up-token price shown in {@code outcomePrices}: 1/0 once resolved, else the book mid, last trade or 0.5. */
    private static long upPriceUnits(SimMarket m) {
        if (m.resolved()) {
            return m.winner() == 0 ? SimMarket.PRICE_ONE : 0;
        }
        if (m.bestBidUnits() > 0 && m.bestAskUnits() > 0) {
            return (m.bestBidUnits() + m.bestAskUnits()) / 2;
        }
        return m.lastTradeUnits() > 0 ? m.lastTradeUnits() : SimMarket.PRICE_ONE / 2;
    }

    private static String iso(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }

    private static String isoDate(long millis) {
        return Instant.ofEpochMilli(millis).atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static double round4(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }

    private void writeEvent(JsonGenerator g, SimEvent e, boolean withMarkets) throws IOException {
        long t = now.getAsLong();
        SimMarket first = e.markets().get(0);
        g.writeStartObject();
        g.writeStringField("id", e.id());
        g.writeStringField("ticker", e.slug());
        g.writeStringField("slug", e.slug());
        g.writeStringField("title", e.title());
        g.writeStringField("description", e.description());
        g.writeStringField("resolutionSource", e.upDown() ? "https://data.chain.link/streams/" + e.asset() + "-usd" : "");
        g.writeStringField("startDate", iso(e.createdAt()));
        g.writeStringField("creationDate", iso(e.createdAt()));
        g.writeStringField("endDate", iso(e.endMillis()));
        g.writeStringField("image", "");
        g.writeStringField("icon", "");
        g.writeBooleanField("active", !e.closed());
        g.writeBooleanField("closed", e.closed());
        g.writeBooleanField("archived", false);
        g.writeBooleanField("new", false);
        g.writeBooleanField("featured", false);
        g.writeBooleanField("restricted", true);
        g.writeNumberField("liquidity", round4(eventLiquidity(e)));
        g.writeNumberField("volume", round4(eventVolume(e)));
        g.writeNumberField("openInterest", 0);
        g.writeStringField("createdAt", iso(e.createdAt()));
        g.writeStringField("updatedAt", iso(t));
        g.writeNumberField("competitive", 0.9);
        g.writeNumberField("volume24hr", round4(eventVolume(e)));
        g.writeBooleanField("enableOrderBook", true);
        g.writeNumberField("liquidityClob", round4(eventLiquidity(e)));
        g.writeBooleanField("negRisk", e.negRisk());
        if (e.negRisk()) {
            g.writeStringField("negRiskMarketID", e.negRiskMarketId());
        }
        g.writeBooleanField("enableNegRisk", e.negRisk());
        g.writeBooleanField("negRiskAugmented", e.negRiskAugmented());
        g.writeNumberField("commentCount", 0);
        g.writeBooleanField("cyom", false);
        g.writeBooleanField("showAllOutcomes", true);
        g.writeBooleanField("showMarketImages", false);
        g.writeBooleanField("automaticallyActive", true);
        g.writeStringField("seriesSlug", e.seriesSlug());
        if (e.upDown()) {
            g.writeStringField("startTime", iso(e.startMillis()));
            if (!Double.isNaN(first.openPrice())) {
                g.writeObjectFieldStart("eventMetadata");
                g.writeNumberField("priceToBeat", first.openPrice());
                if (!Double.isNaN(first.closePrice())) {
                    g.writeNumberField("finalPrice", first.closePrice());
                }
                g.writeEndObject();
            }
        }
        g.writeBooleanField("pendingDeployment", false);
        g.writeBooleanField("deploying", false);
        if (withMarkets) {
            g.writeArrayFieldStart("markets");
            for (SimMarket m : e.markets()) {
                writeMarket(g, m, false);
            }
            g.writeEndArray();
        }
        g.writeArrayFieldStart("series");
        g.writeStartObject();
        g.writeStringField("id", io.velocity.sim.market.Ids.numeric(0, e.seriesSlug(), "series"));
        g.writeStringField("ticker", e.seriesSlug());
        g.writeStringField("slug", e.seriesSlug());
        g.writeStringField("title", e.seriesSlug());
        g.writeStringField("seriesType", "single");
        g.writeStringField("recurrence", first.window() == null ? "hourly" : first.window().label());
        g.writeBooleanField("active", true);
        g.writeBooleanField("closed", false);
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("tags");
        writeTag(g, "21", "Crypto", "crypto");
        for (String[] tag : ASSET_TAGS) {
            if (tag[0].equals(e.asset())) {
                writeTag(g, tag[1], tag[2], tag[3]);
            }
        }
        if (e.upDown()) {
            writeTag(g, "102127", "Up or Down", "up-or-down");
            String label = first.window().label().toUpperCase(Locale.ROOT);
            writeTag(g, io.velocity.sim.market.Ids.numeric(0, label, "tag"), label, label);
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Tag ids an event carries (for {@code tag_id} filters). */
    List<String> tagIds(SimEvent e) {
        List<String> ids = new ArrayList<>();
        ids.add("21");
        for (String[] tag : ASSET_TAGS) {
            if (tag[0].equals(e.asset())) {
                ids.add(tag[1]);
            }
        }
        if (e.upDown()) {
            ids.add("102127");
            ids.add(io.velocity.sim.market.Ids.numeric(0, e.markets().get(0).window().label().toUpperCase(Locale.ROOT), "tag"));
        }
        return ids;
    }

    /** Tag slugs an event carries (for {@code tag_slug} filters). */
    List<String> tagSlugs(SimEvent e) {
        List<String> slugs = new ArrayList<>(List.of("crypto"));
        for (String[] tag : ASSET_TAGS) {
            if (tag[0].equals(e.asset())) {
                slugs.add(tag[3]);
            }
        }
        if (e.upDown()) {
            slugs.add("up-or-down");
            slugs.add(e.markets().get(0).window().label().toUpperCase(Locale.ROOT));
        }
        return slugs;
    }

    private static void writeTag(JsonGenerator g, String id, String label, String slug) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", id);
        g.writeStringField("label", label);
        g.writeStringField("slug", slug);
        g.writeEndObject();
    }

    private void writeMarket(JsonGenerator g, SimMarket m, boolean withEvents) throws IOException {
        long t = now.getAsLong();
        long up = upPriceUnits(m);
        g.writeStartObject();
        g.writeStringField("id", m.marketId());
        g.writeStringField("question", m.question());
        g.writeStringField("conditionId", m.conditionId());
        g.writeStringField("slug", m.slug());
        g.writeStringField("resolutionSource", m.upDown() ? "https://data.chain.link/streams/" + m.asset() + "-usd" : "");
        g.writeStringField("endDate", iso(m.endMillis()));
        g.writeStringField("liquidity", Double.toString(m.liquidityUsd()));
        g.writeStringField("startDate", iso(m.event().createdAt()));
        g.writeStringField("image", "");
        g.writeStringField("icon", "");
        g.writeStringField("description", m.event().description());
        g.writeStringField("outcomes", jsonStringArray(m.outcomes()));
        g.writeStringField("outcomePrices", jsonStringArray(List.of(Decimals.minimal(up, 4),
                Decimals.minimal(SimMarket.PRICE_ONE - up, 4))));
        g.writeStringField("volume", Double.toString(round4(m.volumeUsd())));
        g.writeBooleanField("active", active(m));
        g.writeBooleanField("closed", m.closed());
        g.writeStringField("marketMakerAddress", "");
        g.writeStringField("createdAt", iso(m.event().createdAt()));
        g.writeStringField("updatedAt", iso(t));
        if (m.closed()) {
            g.writeStringField("closedTime", iso(m.closedAt()));
        }
        g.writeBooleanField("new", false);
        g.writeBooleanField("featured", false);
        g.writeBooleanField("archived", false);
        g.writeBooleanField("restricted", true);
        g.writeStringField("questionID", m.questionId());
        g.writeBooleanField("enableOrderBook", true);
        g.writeNumberField("orderPriceMinTickSize", m.tickUnits() / (double) SimMarket.PRICE_ONE);
        g.writeNumberField("orderMinSize", m.minSizeMicros() / 1_000_000.0);
        if (m.resolved()) {
            g.writeStringField("umaResolutionStatus", "resolved");
        }
        g.writeNumberField("volumeNum", round4(m.volumeUsd()));
        g.writeNumberField("liquidityNum", m.liquidityUsd());
        g.writeStringField("endDateIso", isoDate(m.endMillis()));
        g.writeStringField("startDateIso", isoDate(m.event().createdAt()));
        g.writeBooleanField("hasReviewedDates", true);
        g.writeNumberField("volume24hr", round4(m.volumeUsd()));
        g.writeStringField("clobTokenIds", jsonStringArray(m.tokenIds()));
        g.writeNumberField("volume24hrClob", round4(m.volumeUsd()));
        g.writeNumberField("volumeClob", round4(m.volumeUsd()));
        g.writeNumberField("liquidityClob", m.liquidityUsd());
        g.writeBooleanField("acceptingOrders", m.acceptingOrders());
        g.writeBooleanField("negRisk", m.negRisk());
        if (m.negRisk()) {
            g.writeStringField("negRiskMarketID", m.event().negRiskMarketId());
            g.writeStringField("negRiskRequestID", m.questionId());
        }
        g.writeBooleanField("negRiskOther", m.negRiskOther());
        g.writeBooleanField("ready", true);
        g.writeBooleanField("funded", true);
        g.writeStringField("acceptingOrdersTimestamp", iso(m.event().createdAt()));
        g.writeBooleanField("cyom", false);
        g.writeNumberField("competitive", 0.9);
        g.writeNumberField("rewardsMinSize", 0);
        g.writeNumberField("rewardsMaxSpread", 0);
        if (m.bestBidUnits() > 0 && m.bestAskUnits() > 0) {
            g.writeNumberField("spread", (m.bestAskUnits() - m.bestBidUnits()) / (double) SimMarket.PRICE_ONE);
        }
        if (m.lastTradeUnits() > 0) {
            g.writeNumberField("lastTradePrice", m.lastTradeUnits() / (double) SimMarket.PRICE_ONE);
        }
        if (m.bestBidUnits() > 0) {
            g.writeNumberField("bestBid", m.bestBidUnits() / (double) SimMarket.PRICE_ONE);
        }
        if (m.bestAskUnits() > 0) {
            g.writeNumberField("bestAsk", m.bestAskUnits() / (double) SimMarket.PRICE_ONE);
        }
        g.writeBooleanField("automaticallyActive", true);
        g.writeBooleanField("clearBookOnStart", false);
        g.writeBooleanField("manualActivation", false);
        g.writeStringField("umaResolutionStatuses", m.resolved() ? "[\"resolved\"]" : "[]");
        g.writeBooleanField("pendingDeployment", false);
        g.writeBooleanField("deploying", false);
        g.writeBooleanField("rfqEnabled", false);
        if (m.upDown()) {
            g.writeStringField("eventStartTime", iso(m.startMillis()));
        }
        g.writeBooleanField("feesEnabled", feesEnabled);
        if (feesEnabled) {
            g.writeStringField("feeType", "crypto_fees_v2");
            g.writeObjectFieldStart("feeSchedule");
            g.writeNumberField("rate", feeRate);
            g.writeNumberField("exponent", feeExponent);
            g.writeBooleanField("takerOnly", true);
            g.writeNumberField("rebateRate", 0.2);
            g.writeEndObject();
        }
        g.writeNumberField("version", 2);
        if (withEvents) {
            g.writeArrayFieldStart("events");
            writeEvent(g, m.event(), false);
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** Gamma writes some lists as a JSON string holding an array, e.g. {@code "[\"Up\", \"Down\"]"}. */
    static String jsonStringArray(List<String> values) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append('"').append(values.get(i)).append('"');
        }
        return sb.append(']').toString();
    }

    // ------------------------------------------------------------------ query parameters

    /** Parsed filters shared by /events and /markets. */
    static final class Query {
        String error;
        List<String> ids = List.of();
        List<String> slugs = List.of();
        List<String> tagIds = List.of();
        List<String> tagSlugs = List.of();
        List<String> conditionIds = List.of();
        List<String> tokenIds = List.of();
        Boolean closed;
        Boolean active;
        Boolean archived;
        Long startMin;
        Long startMax;
        Long endMin;
        Long endMax;
        Double liquidityMin;
        Double liquidityMax;
        Double volumeMin;
        String order;
        boolean ascending = true;
        int limit = DEFAULT_LIMIT;
        int offset;

        static Query parse(SimRequest r) {
            Query q = new Query();
            q.ids = r.params("id");
            q.slugs = r.params("slug");
            q.tagIds = r.params("tag_id");
            q.tagSlugs = r.params("tag_slug");
            q.conditionIds = r.params("condition_ids");
            q.tokenIds = r.params("clob_token_ids");
            q.closed = bool(q, r, "closed");
            q.active = bool(q, r, "active");
            q.archived = bool(q, r, "archived");
            q.startMin = date(q, r, "start_date_min");
            q.startMax = date(q, r, "start_date_max");
            q.endMin = date(q, r, "end_date_min");
            q.endMax = date(q, r, "end_date_max");
            q.liquidityMin = number(q, r, r.param("liquidity_num_min") != null ? "liquidity_num_min" : "liquidity_min");
            q.liquidityMax = number(q, r, r.param("liquidity_num_max") != null ? "liquidity_num_max" : "liquidity_max");
            q.volumeMin = number(q, r, r.param("volume_num_min") != null ? "volume_num_min" : "volume_min");
            q.order = r.param("order");
            Boolean asc = bool(q, r, "ascending");
            q.ascending = asc == null || asc;
            Double limit = number(q, r, "limit");
            Double offset = number(q, r, "offset");
            if (limit != null) {
                q.limit = (int) Math.max(0, Math.min(MAX_LIMIT, limit));
            }
            if (offset != null) {
                q.offset = (int) Math.max(0, offset);
            }
            return q;
        }

        private static Boolean bool(Query q, SimRequest r, String name) {
            String v = r.param(name);
            if (v == null) {
                return null;
            }
            if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(v);
            }
            q.error = "invalid boolean for " + name + ": " + v;
            return null;
        }

        private static Double number(Query q, SimRequest r, String name) {
            String v = r.param(name);
            if (v == null) {
                return null;
            }
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e) {
                q.error = "invalid number for " + name + ": " + v;
                return null;
            }
        }

        private static Long date(Query q, SimRequest r, String name) {
            String v = r.param(name);
            if (v == null) {
                return null;
            }
            try {
                if (v.length() == 10) {
                    return java.time.LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
                }
                return java.time.OffsetDateTime.parse(v.endsWith("Z") || v.contains("+") ? v : v + "Z").toInstant().toEpochMilli();
            } catch (java.time.format.DateTimeParseException e) {
                q.error = "invalid date for " + name + ": " + v;
                return null;
            }
        }

        boolean matchesEvent(SimEvent e, long now, GammaApi api) {
            if (!ids.isEmpty() && !ids.contains(e.id())) {
                return false;
            }
            if (!slugs.isEmpty() && !slugs.contains(e.slug())) {
                return false;
            }
            if (!tagIds.isEmpty() && tagIds.stream().noneMatch(api.tagIds(e)::contains)) {
                return false;
            }
            if (!tagSlugs.isEmpty() && tagSlugs.stream().noneMatch(api.tagSlugs(e)::contains)) {
                return false;
            }
            boolean isClosed = e.closed();
            return (closed == null || closed == isClosed)
                    && (active == null || active == !isClosed)
                    && (archived == null || !archived)
                    && inRange(e.createdAt(), startMin, startMax)
                    && inRange(e.endMillis(), endMin, endMax)
                    && (liquidityMin == null || api.eventLiquidity(e) >= liquidityMin)
                    && (liquidityMax == null || api.eventLiquidity(e) <= liquidityMax)
                    && (volumeMin == null || api.eventVolume(e) >= volumeMin);
        }

        boolean matchesMarket(SimMarket m, long now, GammaApi api) {
            if (!ids.isEmpty() && !ids.contains(m.marketId())) {
                return false;
            }
            if (!slugs.isEmpty() && !slugs.contains(m.slug())) {
                return false;
            }
            if (!conditionIds.isEmpty() && conditionIds.stream().noneMatch(c -> c.equalsIgnoreCase(m.conditionId()))) {
                return false;
            }
            if (!tokenIds.isEmpty() && tokenIds.stream().noneMatch(m.tokenIds()::contains)) {
                return false;
            }
            if (!tagIds.isEmpty() && tagIds.stream().noneMatch(api.tagIds(m.event())::contains)) {
                return false;
            }
            if (!tagSlugs.isEmpty() && tagSlugs.stream().noneMatch(api.tagSlugs(m.event())::contains)) {
                return false;
            }
            return (closed == null || closed == m.closed())
                    && (active == null || active == api.active(m))
                    && (archived == null || !archived)
                    && inRange(m.event().createdAt(), startMin, startMax)
                    && inRange(m.endMillis(), endMin, endMax)
                    && (liquidityMin == null || m.liquidityUsd() >= liquidityMin)
                    && (liquidityMax == null || m.liquidityUsd() <= liquidityMax)
                    && (volumeMin == null || m.volumeUsd() >= volumeMin);
        }

        private static boolean inRange(long v, Long min, Long max) {
            return (min == null || v >= min) && (max == null || v <= max);
        }

        Comparator<SimEvent> eventOrder(GammaApi api) {
            Comparator<SimEvent> c = switch (order == null ? "" : order.split(",")[0].trim()) {
                case "endDate", "end_date" -> Comparator.comparingLong(SimEvent::endMillis);
                case "startDate", "start_date", "startTime" -> Comparator.comparingLong(SimEvent::startMillis);
                case "volume", "volume24hr" -> Comparator.comparingDouble(api::eventVolume);
                case "liquidity" -> Comparator.comparingDouble(api::eventLiquidity);
                case "id" -> Comparator.comparingLong(e -> Long.parseLong(e.id()));
                default -> null;
            };
            if (c == null) {
                return (a, b) -> 0;
            }
            return ascending ? c : c.reversed();
        }

        Comparator<SimMarket> marketOrder(GammaApi api) {
            Comparator<SimMarket> c = switch (order == null ? "" : order.split(",")[0].trim()) {
                case "endDate", "end_date" -> Comparator.comparingLong(SimMarket::endMillis);
                case "startDate", "start_date", "eventStartTime" -> Comparator.comparingLong(SimMarket::startMillis);
                case "volume", "volumeNum", "volume24hr" -> Comparator.comparingDouble(SimMarket::volumeUsd);
                case "liquidity", "liquidityNum" -> Comparator.comparingDouble(SimMarket::liquidityUsd);
                case "id" -> Comparator.comparingLong(m -> Long.parseLong(m.marketId()));
                default -> null;
            };
            if (c == null) {
                return (a, b) -> 0;
            }
            return ascending ? c : c.reversed();
        }
    }
}
