package io.velocity.sim.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.sim.SimLoop;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.json.Json;
import io.velocity.sim.ws.WsEndpoint;
import io.velocity.sim.ws.WsSession;
import org.java_websocket.framing.CloseFrame;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The user channel ({@code /ws/user}): after {@code {"auth": {apiKey, secret, passphrase},
 * "markets": [...], "type": "user"}} the account's {@code order} events (PLACEMENT, UPDATE,
 * CANCELLATION) and {@code trade} events (MATCHED, MINED, CONFIRMED, RETRYING, FAILED) for the
 * listed condition ids (all markets when the list is empty). Bad credentials close the socket.
 */
public final class ClobUserChannel implements WsEndpoint, ClobListener {
    private final ClobExchange exchange;
    private final SimLoop loop;
    private final LongSupplier skew;
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();

    private static final class Subscription {
        volatile String address;
        volatile String apiKey;
        final Set<String> markets = ConcurrentHashMap.newKeySet();
    }

    public ClobUserChannel(ClobExchange exchange, SimLoop loop, FaultInjector faults) {
        this.exchange = exchange;
        this.loop = loop;
        this.skew = faults::skewMillis;
        faults.onDrop(feed -> {
            if (feed == FaultInjector.Feed.CLOB_USER) {
                sessions.forEach(WsSession::abort);
            }
        });
    }

    @Override
    public void onOpen(WsSession session, String query) {
        session.state(new Subscription());
        sessions.add(session);
    }

    @Override
    public void onClose(WsSession session) {
        sessions.remove(session);
    }

    @Override
    public void onText(WsSession session, String text) {
        if (text.equals("PING")) {
            session.sendControl("PONG");
            return;
        }
        JsonNode msg;
        try {
            msg = Json.MAPPER.readTree(text);
        } catch (Exception e) {
            session.sendControl("INVALID OPERATION");
            return;
        }
        if (msg == null || !msg.isObject()) {
            session.sendControl("INVALID OPERATION");
            return;
        }
        List<String> markets = new ArrayList<>();
        msg.path("markets").forEach(n -> markets.add(n.asText().toLowerCase(Locale.ROOT)));
        Subscription sub = session.state();
        if (msg.has("auth")) {
            JsonNode auth = msg.get("auth");
            String key = auth.path("apiKey").asText("");
            String secret = auth.path("secret").asText("");
            String passphrase = auth.path("passphrase").asText("");
            loop.execute(() -> {
                ApiCredential c = exchange.credential(key);
                if (c == null || !c.secret().equals(secret) || !c.passphrase().equals(passphrase)) {
                    session.close(CloseFrame.POLICY_VALIDATION, "Unauthorized/Invalid api key");
                    return;
                }
                sub.address = c.address().toLowerCase(Locale.ROOT);
                sub.apiKey = c.apiKey();
                sub.markets.addAll(markets);
            });
            return;
        }
        String op = msg.path("operation").asText("");
        loop.execute(() -> {
            if (sub.address == null) {
                return;
            }
            if (op.equalsIgnoreCase("unsubscribe")) {
                markets.forEach(sub.markets::remove);
            } else {
                sub.markets.addAll(markets);
            }
        });
    }

    private boolean wants(WsSession s, String address, String conditionId) {
        Subscription sub = s.state();
        return sub != null && sub.address != null && sub.address.equalsIgnoreCase(address)
                && (sub.markets.isEmpty() || sub.markets.contains(conditionId.toLowerCase(Locale.ROOT)));
    }

    @Override
    public void onOrderEvent(String type, OrderView o, long time) {
        String address = null;
        for (WsSession s : sessions) {
            if (address == null) {
                ApiCredential c = exchange.credential(o.owner());
                address = c == null ? "" : c.address();
            }
            if (!wants(s, address, o.market().conditionId())) {
                continue;
            }
            String ts = Long.toString((time + skew.getAsLong()) / 1000);
            s.sendData(Json.string(g -> {
                g.writeStartObject();
                g.writeStringField("asset_id", o.assetId());
                g.writeArrayFieldStart("associate_trades");
                for (String t : o.associateTrades()) {
                    g.writeString(t);
                }
                g.writeEndArray();
                g.writeStringField("created_at", Long.toString(o.createdAt() / 1000));
                g.writeStringField("event_type", "order");
                g.writeStringField("expiration", Long.toString(o.expirationSeconds()));
                g.writeStringField("id", o.id());
                g.writeStringField("maker_address", o.makerAddress());
                g.writeStringField("market", o.market().conditionId());
                g.writeStringField("order_owner", o.owner());
                g.writeStringField("order_type", o.type().name());
                g.writeStringField("original_size", ClobWire.size(o.originalSize()));
                g.writeStringField("outcome", o.outcomeLabel());
                g.writeStringField("owner", o.owner());
                g.writeStringField("price", ClobWire.price(o.market(), o.price()));
                g.writeStringField("side", o.side());
                g.writeStringField("size_matched", ClobWire.size(o.sizeMatched()));
                g.writeStringField("status", o.status());
                g.writeStringField("timestamp", ts);
                g.writeStringField("type", type);
                g.writeEndObject();
            }));
        }
    }

    @Override
    public void onTradeEvent(TradeView t, long time) {
        for (WsSession s : sessions) {
            Subscription sub = s.state();
            if (sub == null || sub.address == null) {
                continue;
            }
            boolean taker = t.taker().address().equalsIgnoreCase(sub.address);
            boolean maker = false;
            for (MakerFill f : t.makers()) {
                maker |= f.account().address().equalsIgnoreCase(sub.address);
            }
            if ((!taker && !maker) || !wants(s, sub.address, t.market().conditionId())) {
                continue;
            }
            s.sendData(TradeJson.userEvent(t, taker ? "TAKER" : "MAKER", sub.apiKey, skew.getAsLong()));
        }
    }

    public int connections() {
        return sessions.size();
    }
}
