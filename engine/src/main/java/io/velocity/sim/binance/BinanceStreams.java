package io.velocity.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.json.Decimals;
import io.velocity.sim.json.Json;
import io.velocity.sim.world.AggTrade;
import io.velocity.sim.world.AssetPath;
import io.velocity.sim.world.BookTop;
import io.velocity.sim.world.MarketDataListener;
import io.velocity.sim.world.PriceWorld;
import io.velocity.sim.ws.WsEndpoint;
import io.velocity.sim.ws.WsSession;
import org.java_websocket.framing.CloseFrame;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Binance spot market streams: raw ({@code /ws/<stream>}) and combined
 * ({@code /stream?streams=a/b}, each event wrapped as {@code {"stream","data"}}), the
 * {@code aggTrade} and {@code bookTicker} payloads with Binance's field names and types, live
 * SUBSCRIBE/UNSUBSCRIBE, the 24-hour connection limit and {@code serverShutdown}.
 */
public final class BinanceStreams implements WsEndpoint, MarketDataListener {
    private final PriceWorld world;
    private final FaultInjector faults;
    private final LongSupplier serverTime;
    private final long maxAgeMillis;
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();

    /** Per-connection state. */
    private static final class Subscription {
        final boolean combined;
        final Set<String> streams = ConcurrentHashMap.newKeySet();

        Subscription(boolean combined) {
            this.combined = combined;
        }
    }

    /**
     * @param serverTime venue clock (world clock plus any injected skew)
     */
    public BinanceStreams(PriceWorld world, FaultInjector faults, LongSupplier serverTime, long maxAgeMillis) {
        this.world = world;
        this.faults = faults;
        this.serverTime = serverTime;
        this.maxAgeMillis = maxAgeMillis;
        faults.onDrop(feed -> {
            if (feed == FaultInjector.Feed.BINANCE) {
                sessions.forEach(WsSession::abort);
            }
        });
        faults.onServerShutdown(this::announceShutdown);
    }

    @Override
    public void onOpen(WsSession session, String query) {
        boolean combined = session.mount().equals("/stream");
        Subscription sub = new Subscription(combined);
        if (combined) {
            for (String part : query.split("&")) {
                if (part.startsWith("streams=")) {
                    for (String s : URLDecoder.decode(part.substring(8), StandardCharsets.UTF_8).split("/")) {
                        addStream(sub, s);
                    }
                }
            }
        } else {
            String rest = session.path().substring(session.mount().length());
            for (String s : rest.split("/")) {
                addStream(sub, s);
            }
        }
        session.state(sub);
        sessions.add(session);
    }

    private void addStream(Subscription sub, String raw) {
        String s = canonical(raw);
        if (s != null) {
            sub.streams.add(s);
        }
    }

    /** {@code btcusdt@aggTrade} / {@code btcusdt@bookTicker} for a known symbol, else null. */
    private String canonical(String raw) {
        int at = raw.indexOf('@');
        if (at <= 0) {
            return null;
        }
        String symbol = raw.substring(0, at).toLowerCase(Locale.ROOT);
        String type = raw.substring(at + 1).toLowerCase(Locale.ROOT);
        if (world.asset(symbol) == null) {
            return null;
        }
        return switch (type) {
            case "aggtrade" -> symbol + "@aggTrade";
            case "bookticker" -> symbol + "@bookTicker";
            default -> null;
        };
    }

    @Override
    public void onText(WsSession session, String text) {
        Subscription sub = session.state();
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            session.sendControl(error(2, "Invalid JSON: expected a request object", null));
            return;
        }
        String method = msg.path("method").asText("");
        JsonNode id = msg.get("id");
        switch (method) {
            case "SUBSCRIBE", "UNSUBSCRIBE" -> {
                for (JsonNode p : msg.path("params")) {
                    String s = canonical(p.asText());
                    if (s == null) {
                        continue;
                    }
                    if (method.equals("SUBSCRIBE")) {
                        sub.streams.add(s);
                    } else {
                        sub.streams.remove(s);
                    }
                }
                session.sendControl(Json.string(g -> {
                    g.writeStartObject();
                    g.writeNullField("result");
                    g.writeFieldName("id");
                    writeId(g, id);
                    g.writeEndObject();
                }));
            }
            case "LIST_SUBSCRIPTIONS" -> session.sendControl(Json.string(g -> {
                g.writeStartObject();
                g.writeArrayFieldStart("result");
                for (String s : sub.streams) {
                    g.writeString(s);
                }
                g.writeEndArray();
                g.writeFieldName("id");
                writeId(g, id);
                g.writeEndObject();
            }));
            default -> session.sendControl(error(1, "Unknown property", id));
        }
    }

    private static void writeId(com.fasterxml.jackson.core.JsonGenerator g, JsonNode id) throws java.io.IOException {
        if (id == null || id.isNull()) {
            g.writeNull();
        } else if (id.isIntegralNumber()) {
            g.writeNumber(id.longValue());
        } else {
            g.writeString(id.asText());
        }
    }

    private static String error(int code, String msg, JsonNode id) {
        return Json.string(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("code", code);
            g.writeStringField("msg", msg);
            g.writeEndObject();
            if (id != null) {
                g.writeFieldName("id");
                writeId(g, id);
            }
            g.writeEndObject();
        });
    }

    @Override
    public void onClose(WsSession session) {
        sessions.remove(session);
    }

    @Override
    public void onTrade(AssetPath asset, AggTrade t) {
        if (sessions.isEmpty()) {
            return;
        }
        String stream = asset.symbol().toLowerCase(Locale.ROOT) + "@aggTrade";
        long tickUnits = tickUnits8(asset);
        long skew = faults.skewMillis();
        String payload = Json.string(g -> {
            g.writeStartObject();
            g.writeStringField("e", "aggTrade");
            g.writeNumberField("E", t.time() + 1 + skew);
            g.writeStringField("s", asset.symbol());
            g.writeNumberField("a", t.aggId());
            g.writeStringField("p", Decimals.fixed(t.priceTicks() * tickUnits, 8, 8));
            g.writeStringField("q", Decimals.fixed(t.qtyUnits(), 8, 8));
            g.writeNumberField("f", t.firstId());
            g.writeNumberField("l", t.lastId());
            g.writeNumberField("T", t.time() + skew);
            g.writeBooleanField("m", t.buyerIsMaker());
            g.writeBooleanField("M", true);
            g.writeEndObject();
        });
        publish(stream, payload);
    }

    @Override
    public void onBookTop(AssetPath asset, BookTop b) {
        if (sessions.isEmpty()) {
            return;
        }
        String stream = asset.symbol().toLowerCase(Locale.ROOT) + "@bookTicker";
        long tickUnits = tickUnits8(asset);
        // Spot bookTicker carries no event time: consumers stamp it on receipt.
        String payload = Json.string(g -> {
            g.writeStartObject();
            g.writeNumberField("u", b.updateId());
            g.writeStringField("s", asset.symbol());
            g.writeStringField("b", Decimals.fixed(b.bidTicks() * tickUnits, 8, 8));
            g.writeStringField("B", Decimals.fixed(b.bidQty(), 8, 8));
            g.writeStringField("a", Decimals.fixed(b.askTicks() * tickUnits, 8, 8));
            g.writeStringField("A", Decimals.fixed(b.askQty(), 8, 8));
            g.writeEndObject();
        });
        publish(stream, payload);
    }

    private void publish(String stream, String payload) {
        String wrapped = null;
        for (WsSession s : sessions) {
            Subscription sub = s.state();
            if (sub == null || !sub.streams.contains(stream)) {
                continue;
            }
            if (sub.combined) {
                if (wrapped == null) {
                    wrapped = "{\"stream\":\"" + stream + "\",\"data\":" + payload + "}";
                }
                s.sendData(wrapped);
            } else {
                s.sendData(payload);
            }
        }
    }

    /** Price tick in 1e-8 units (Binance prints 8 decimals). */
    static long tickUnits8(AssetPath asset) {
        return Math.round(asset.tickSize() * 1e8);
    }

    /** Closes connections older than the venue's connection lifetime; called about once a second. */
    public void enforceLifetime() {
        for (WsSession s : sessions) {
            if (s.ageMillis() >= maxAgeMillis) {
                s.close(CloseFrame.NORMAL, "connection lifetime exceeded");
            }
        }
    }

    private void announceShutdown() {
        long t = serverTime.getAsLong();
        String msg = "{\"e\":\"serverShutdown\",\"E\":" + t + "}";
        List<WsSession> all = new ArrayList<>(sessions);
        for (WsSession s : all) {
            s.sendControl(msg);
            s.close(CloseFrame.GOING_AWAY, "server shutdown");
        }
    }

    /** Open connections (for health displays and tests). */
    public int connections() {
        return sessions.size();
    }
}
