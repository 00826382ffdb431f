package io.velocity.sim.clob;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.sim.SimLoop;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.json.Json;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimMarket;
import io.velocity.sim.ws.WsEndpoint;
import io.velocity.sim.ws.WsSession;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The market channel ({@code /ws/market}): the first reply to a subscription is one frame holding
 * a JSON array of {@code book} objects; after that single objects — {@code price_change} (with
 * {@code price_changes[]} entries carrying their own asset id, hash and best bid/ask, both tokens
 * in one message), {@code book} refreshes after trades (without tick size or last trade price),
 * {@code last_trade_price}, {@code tick_size_change}, and with {@code custom_feature_enabled}
 * also {@code best_bid_ask}, {@code new_market} and {@code market_resolved}. Text {@code PING}
 * is answered {@code PONG}. {@code event_type} is written last, as the venue often does.
 */
public final class ClobMarketChannel implements WsEndpoint, ClobListener {
    private final ClobExchange exchange;
    private final MarketCatalog catalog;
    private final SimLoop loop;
    private final FaultInjector faults;
    private final LongSupplier skew;
    private final LongSupplier clock;
    /** Sessions and their subscriptions; subscriptions change only on the loop thread. */
    private final Set<WsSession> sessions = ConcurrentHashMap.newKeySet();
    private final Map<String, long[]> lastBest = new HashMap<>();

    private static final class Subscription {
        final Set<String> assets = ConcurrentHashMap.newKeySet();
        volatile boolean custom;
    }

    /**
     * @param clock the simulator clock (epoch milliseconds)
     */
    public ClobMarketChannel(ClobExchange exchange, SimLoop loop, FaultInjector faults, LongSupplier clock) {
        this.exchange = exchange;
        this.catalog = exchange.catalog();
        this.loop = loop;
        this.faults = faults;
        this.skew = faults::skewMillis;
        this.clock = clock;
        faults.onDrop(feed -> {
            if (feed == FaultInjector.Feed.CLOB_MARKET) {
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
        if (msg == null || !msg.isObject() || !msg.has("assets_ids") || !msg.get("assets_ids").isArray()) {
            session.sendControl("INVALID OPERATION");
            return;
        }
        List<String> ids = new ArrayList<>();
        msg.get("assets_ids").forEach(n -> ids.add(n.asText()));
        String operation = msg.path("operation").asText("subscribe");
        boolean custom = msg.path("custom_feature_enabled").asBoolean(false);
        // Subscribing and the snapshot both happen on the loop thread, so no event can fall
        // between the snapshot and the subscription, and none is sent twice.
        loop.execute(() -> {
            Subscription sub = session.state();
            if (custom) {
                sub.custom = true;
            }
            if (operation.equalsIgnoreCase("unsubscribe")) {
                ids.forEach(sub.assets::remove);
                return;
            }
            List<String> added = new ArrayList<>();
            for (String id : ids) {
                if (catalog.token(id) != null && sub.assets.add(id)) {
                    added.add(id);
                }
            }
            long now = now();
            session.sendData(Json.string(g -> {
                g.writeStartArray();
                for (String id : added) {
                    MarketCatalog.TokenRef ref = catalog.token(id);
                    writeBook(g, ref.market(), ref.outcome(), exchange.snapshot(ref.market(), ref.outcome()), now, true);
                }
                g.writeEndArray();
            }));
        });
    }

    private long now() {
        return clock.getAsLong() + skew.getAsLong();
    }

    private long stamp(long time) {
        return time + skew.getAsLong();
    }

    private void writeBook(JsonGenerator g, SimMarket m, int outcome, BookSnapshot b, long time, boolean snapshot) throws IOException {
        String ts = Long.toString(time);
        g.writeStartObject();
        g.writeStringField("market", m.conditionId());
        g.writeStringField("asset_id", m.tokenId(outcome));
        g.writeStringField("timestamp", ts);
        g.writeStringField("hash", ClobWire.hash(m, outcome, b, ts));
        ClobWire.writeLevels(g, m, b);
        if (snapshot) {
            // Tick size and last trade price appear only in the snapshot books, not in refreshes.
            g.writeStringField("tick_size", ClobWire.tickSize(m));
            g.writeStringField("last_trade_price", ClobWire.lastTradePrice(m, outcome));
        }
        g.writeStringField("event_type", "book");
        g.writeEndObject();
    }

    private boolean subscribed(WsSession s, String assetId) {
        Subscription sub = s.state();
        return sub != null && sub.assets.contains(assetId);
    }

    @Override
    public void onBookChanged(SimMarket m, List<LevelChange> changes, BookSnapshot up, BookSnapshot down, long time) {
        long ts = stamp(time);
        String tsText = Long.toString(ts);
        String upHash = null;
        String downHash = null;
        boolean gap = false;
        boolean corrupt = false;
        for (int outcome = 0; outcome < 2; outcome++) {
            BookSnapshot b = outcome == 0 ? up : down;
            String asset = m.tokenId(outcome);
            long[] best = {b.bestBid(), b.bestAsk()};
            long[] prev = lastBest.put(asset, best);
            if (prev == null || prev[0] != best[0] || prev[1] != best[1]) {
                sendBestBidAsk(m, outcome, best, tsText);
            }
        }
        for (WsSession s : sessions) {
            boolean wantUp = subscribed(s, m.tokenId(0));
            boolean wantDown = subscribed(s, m.tokenId(1));
            if (!wantUp && !wantDown) {
                continue;
            }
            if (upHash == null) {
                // Faults apply once per message, to every subscriber alike.
                gap = faults.takeBookGap();
                corrupt = faults.takeHashMismatch();
                upHash = ClobWire.hash(m, 0, up, tsText);
                downHash = ClobWire.hash(m, 1, down, tsText);
                if (corrupt) {
                    upHash = ClobWire.corrupt(upHash);
                    downHash = ClobWire.corrupt(downHash);
                }
            }
            if (gap) {
                continue;
            }
            String uh = upHash;
            String dh = downHash;
            s.sendData(Json.string(g -> {
                g.writeStartObject();
                g.writeStringField("market", m.conditionId());
                g.writeArrayFieldStart("price_changes");
                for (LevelChange c : changes) {
                    if (wantUp) {
                        change(g, m.tokenId(0), ClobWire.price(m, c.upPrice()), c.size(), c.upBid() ? "BUY" : "SELL", uh, up);
                    }
                    if (wantDown) {
                        change(g, m.tokenId(1), ClobWire.price(m, SimMarket.PRICE_ONE - c.upPrice()), c.size(),
                                c.upBid() ? "SELL" : "BUY", dh, down);
                    }
                }
                g.writeEndArray();
                g.writeStringField("timestamp", tsText);
                g.writeStringField("event_type", "price_change");
                g.writeEndObject();
            }));
        }
    }

    private static void change(JsonGenerator g, String asset, String price, long size, String side, String hash, BookSnapshot b)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("asset_id", asset);
        g.writeStringField("price", price);
        g.writeStringField("size", ClobWire.size(size));
        g.writeStringField("side", side);
        g.writeStringField("hash", hash);
        g.writeStringField("best_bid", ClobWire.bestBid(b.bestBid()));
        g.writeStringField("best_ask", ClobWire.bestAsk(b.bestAsk()));
        g.writeEndObject();
    }

    private void sendBestBidAsk(SimMarket m, int outcome, long[] best, String ts) {
        String asset = m.tokenId(outcome);
        String msg = null;
        for (WsSession s : sessions) {
            Subscription sub = s.state();
            if (sub == null || !sub.custom || !sub.assets.contains(asset)) {
                continue;
            }
            if (msg == null) {
                String spread = best[0] < 0 || best[1] < 0 ? "1" : io.velocity.sim.json.Decimals.minimal(best[1] - best[0], 4);
                msg = Json.string(g -> {
                    g.writeStartObject();
                    g.writeStringField("market", m.conditionId());
                    g.writeStringField("asset_id", asset);
                    g.writeStringField("best_bid", ClobWire.bestBid(best[0]));
                    g.writeStringField("best_ask", ClobWire.bestAsk(best[1]));
                    g.writeStringField("spread", spread);
                    g.writeStringField("timestamp", ts);
                    g.writeStringField("event_type", "best_bid_ask");
                    g.writeEndObject();
                });
            }
            s.sendData(msg);
        }
    }

    @Override
    public void onBookRefresh(SimMarket m, BookSnapshot up, BookSnapshot down, long time) {
        long ts = stamp(time);
        for (int outcome = 0; outcome < 2; outcome++) {
            String asset = m.tokenId(outcome);
            BookSnapshot b = outcome == 0 ? up : down;
            int o = outcome;
            String msg = null;
            for (WsSession s : sessions) {
                if (!subscribed(s, asset)) {
                    continue;
                }
                if (msg == null) {
                    msg = Json.string(g -> writeBook(g, m, o, b, ts, false));
                }
                s.sendData(msg);
            }
        }
    }

    @Override
    public void onTradePrint(SimMarket m, int outcome, String side, long price, long size, String feeRateBps, String txHash, long time) {
        String asset = m.tokenId(outcome);
        String msg = null;
        for (WsSession s : sessions) {
            if (!subscribed(s, asset)) {
                continue;
            }
            if (msg == null) {
                msg = Json.string(g -> {
                    g.writeStartObject();
                    g.writeStringField("asset_id", asset);
                    g.writeStringField("fee_rate_bps", feeRateBps);
                    g.writeStringField("market", m.conditionId());
                    g.writeStringField("price", ClobWire.price(m, price));
                    g.writeStringField("side", side);
                    g.writeStringField("size", ClobWire.size(size));
                    g.writeStringField("timestamp", Long.toString(stamp(time)));
                    g.writeStringField("transaction_hash", txHash);
                    g.writeStringField("event_type", "last_trade_price");
                    g.writeEndObject();
                });
            }
            s.sendData(msg);
        }
    }

    @Override
    public void onTickSizeChange(SimMarket m, long oldTickUnits, long newTickUnits, long time) {
        for (int outcome = 0; outcome < 2; outcome++) {
            String asset = m.tokenId(outcome);
            String msg = null;
            for (WsSession s : sessions) {
                if (!subscribed(s, asset)) {
                    continue;
                }
                if (msg == null) {
                    msg = Json.string(g -> {
                        g.writeStartObject();
                        g.writeStringField("asset_id", asset);
                        g.writeStringField("market", m.conditionId());
                        g.writeStringField("old_tick_size", io.velocity.sim.json.Decimals.minimal(oldTickUnits, 4));
                        g.writeStringField("new_tick_size", io.velocity.sim.json.Decimals.minimal(newTickUnits, 4));
                        g.writeStringField("timestamp", Long.toString(stamp(time)));
                        g.writeStringField("event_type", "tick_size_change");
                        g.writeEndObject();
                    });
                }
                s.sendData(msg);
            }
        }
    }

    @Override
    public void onNewMarket(SimMarket m, long time) {
        broadcastCustom(lifecycle(m, time, false));
    }

    @Override
    public void onMarketResolved(SimMarket m, long time) {
        broadcastCustom(lifecycle(m, time, true));
    }

    private void broadcastCustom(String msg) {
        for (WsSession s : sessions) {
            Subscription sub = s.state();
            if (sub != null && sub.custom) {
                s.sendData(msg);
            }
        }
    }

    private String lifecycle(SimMarket m, long time, boolean resolved) {
        return Json.string(g -> {
            g.writeStartObject();
            g.writeStringField("id", m.marketId());
            g.writeStringField("question", m.question());
            g.writeStringField("market", m.conditionId());
            g.writeStringField("slug", m.slug());
            g.writeStringField("description", m.event().description());
            g.writeArrayFieldStart("assets_ids");
            for (String t : m.tokenIds()) {
                g.writeString(t);
            }
            g.writeEndArray();
            g.writeArrayFieldStart("outcomes");
            for (String o : m.outcomes()) {
                g.writeString(o);
            }
            g.writeEndArray();
            if (resolved) {
                g.writeStringField("winning_asset_id", m.tokenId(m.winner()));
                g.writeStringField("winning_outcome", m.outcomes().get(m.winner()));
            }
            g.writeStringField("timestamp", Long.toString(stamp(time)));
            g.writeStringField("event_type", resolved ? "market_resolved" : "new_market");
            g.writeEndObject();
        });
    }

    public int connections() {
        return sessions.size();
    }
}
