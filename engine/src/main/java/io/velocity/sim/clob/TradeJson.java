package io.velocity.sim.clob;

import com.fasterxml.jackson.core.JsonGenerator;
import io.velocity.sim.json.Json;

import java.io.IOException;

/** Trade and order objects as REST ({@code /data/trades}, {@code /data/orders}) and the user channel write them. */
final class TradeJson {
    private TradeJson() {
    }

    /** A user-channel {@code trade} event for one recipient. */
    static String userEvent(TradeView t, String traderSide, String recipientKey, long skewMillis) {
        return Json.string(g -> {
            g.writeStartObject();
            fields(g, t, traderSide, recipientKey, skewMillis);
            g.writeStringField("timestamp", Long.toString((t.lastUpdate() + skewMillis) / 1000));
            g.writeStringField("trade_owner", t.takerOwner());
            g.writeStringField("event_type", "trade");
            g.writeStringField("type", "TRADE");
            g.writeEndObject();
        });
    }

    /** A {@code /data/trades} entry. */
    static void rest(JsonGenerator g, TradeView t, String traderSide, String recipientKey, long skewMillis) throws IOException {
        g.writeStartObject();
        fields(g, t, traderSide, recipientKey, skewMillis);
        g.writeEndObject();
    }

    private static void fields(JsonGenerator g, TradeView t, String traderSide, String recipientKey, long skewMillis) throws IOException {
        g.writeStringField("id", t.id());
        g.writeStringField("taker_order_id", t.takerOrderId());
        g.writeStringField("market", t.market().conditionId());
        g.writeStringField("asset_id", t.assetId());
        g.writeStringField("side", t.takerSide());
        g.writeStringField("size", ClobWire.size(t.size()));
        g.writeStringField("fee_rate_bps", t.feeRateBps());
        g.writeStringField("price", ClobWire.price(t.market(), t.price()));
        g.writeStringField("status", t.status().name());
        g.writeStringField("match_time", Long.toString((t.matchTime() + skewMillis) / 1000));
        g.writeStringField("last_update", Long.toString((t.lastUpdate() + skewMillis) / 1000));
        g.writeStringField("outcome", t.outcomeLabel());
        g.writeNumberField("bucket_index", 0);
        g.writeStringField("owner", recipientKey == null ? t.takerOwner() : recipientKey);
        g.writeStringField("maker_address", t.takerAddress());
        g.writeArrayFieldStart("maker_orders");
        for (MakerFill f : t.makers()) {
            g.writeStartObject();
            g.writeStringField("order_id", f.orderId());
            g.writeStringField("owner", f.owner());
            g.writeStringField("maker_address", f.makerAddress());
            g.writeStringField("matched_amount", ClobWire.size(f.size()));
            g.writeStringField("price", ClobWire.price(t.market(), f.price()));
            g.writeStringField("fee_rate_bps", "0");
            g.writeStringField("asset_id", f.assetId());
            g.writeStringField("outcome", f.outcome());
            g.writeStringField("side", f.side());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("transaction_hash", t.transactionHash());
        g.writeStringField("trader_side", traderSide);
    }

    /** An open-order ({@code /data/orders}, {@code /data/order/{id}}) object. */
    static void order(JsonGenerator g, OrderView o) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", o.id());
        g.writeStringField("status", o.status());
        g.writeStringField("owner", o.owner());
        g.writeStringField("maker_address", o.makerAddress());
        g.writeStringField("market", o.market().conditionId());
        g.writeStringField("asset_id", o.assetId());
        g.writeStringField("side", o.side());
        g.writeStringField("original_size", ClobWire.size(o.originalSize()));
        g.writeStringField("size_matched", ClobWire.size(o.sizeMatched()));
        g.writeStringField("price", ClobWire.price(o.market(), o.price()));
        g.writeStringField("outcome", o.outcomeLabel());
        g.writeStringField("expiration", Long.toString(o.expirationSeconds()));
        g.writeStringField("order_type", o.type().name());
        g.writeArrayFieldStart("associate_trades");
        for (String t : o.associateTrades()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeNumberField("created_at", o.createdAt() / 1000);
        g.writeEndObject();
    }
}
