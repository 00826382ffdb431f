package io.velocity.sim.clob;

import com.fasterxml.jackson.core.JsonGenerator;
import io.velocity.sim.json.Decimals;
import io.velocity.sim.json.Json;
import io.velocity.sim.market.SimMarket;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the CLOB writes numbers and books: prices with the market's tick decimals ({@code "0.48"},
 * or {@code "0.480"} once the tick is 0.001 — the trailing zeros parsers must survive), sizes
 * without trailing zeros, best bid/ask as minimal decimals with {@code "0"}/{@code "1"} for an
 * empty side, and the book hash: SHA-1 over the compact JSON summary with an empty {@code hash}
 * (market, asset_id, timestamp, hash, bids, asks, min_order_size, tick_size, neg_risk,
 * last_trade_price, in that order).
 */
public final class ClobWire {
    private ClobWire() {
    }

    /** A price of this market in its tick's decimals. */
    public static String price(SimMarket m, long units) {
        return Decimals.fixed(units, 4, Decimals.tickDecimals(m.tickUnits()));
    }

    /** A size (micro-shares) without trailing zeros. */
    public static String size(long micros) {
        return Decimals.minimal(micros, 6);
    }

    /** Best bid as the channel prints it: minimal decimals, "0" when there are no bids. */
    public static String bestBid(long units) {
        return units < 0 ? "0" : Decimals.minimal(units, 4);
    }

    /** Best ask as the channel prints it: minimal decimals, "1" when there are no asks. */
    public static String bestAsk(long units) {
        return units < 0 ? "1" : Decimals.minimal(units, 4);
    }

    public static String tickSize(SimMarket m) {
        return Decimals.minimal(m.tickUnits(), 4);
    }

    public static String minOrderSize(SimMarket m) {
        return Decimals.minimal(m.minSizeMicros(), 6);
    }

    /** Last trade price of a token ({@code ""} when nothing traded yet). */
    public static String lastTradePrice(SimMarket m, int outcome) {
        long up = m.lastTradeUnits();
        if (up < 0) {
            return "";
        }
        return price(m, outcome == 0 ? up : SimMarket.PRICE_ONE - up);
    }

    /** Writes the bid and ask arrays of a book (best level last). */
    static void writeLevels(JsonGenerator g, SimMarket m, BookSnapshot b) throws IOException {
        g.writeArrayFieldStart("bids");
        for (int i = 0; i < b.bidPrices().length; i++) {
            level(g, price(m, b.bidPrices()[i]), size(b.bidSizes()[i]));
        }
        g.writeEndArray();
        g.writeArrayFieldStart("asks");
        for (int i = 0; i < b.askPrices().length; i++) {
            level(g, price(m, b.askPrices()[i]), size(b.askSizes()[i]));
        }
        g.writeEndArray();
    }

    private static void level(JsonGenerator g, String price, String size) throws IOException {
        g.writeStartObject();
        g.writeStringField("price", price);
        g.writeStringField("size", size);
        g.writeEndObject();
    }

    /** The REST {@code /book} body of one token. */
    public static void writeRestBook(JsonGenerator g, SimMarket m, int outcome, BookSnapshot b, long timestamp) throws IOException {
        String ts = Long.toString(timestamp);
        String hash = hash(m, outcome, b, ts);
        g.writeStartObject();
        g.writeStringField("market", m.conditionId());
        g.writeStringField("asset_id", m.tokenId(outcome));
        g.writeStringField("timestamp", ts);
        g.writeStringField("hash", hash);
        writeLevels(g, m, b);
        g.writeStringField("min_order_size", minOrderSize(m));
        g.writeStringField("tick_size", tickSize(m));
        g.writeBooleanField("neg_risk", m.negRisk());
        g.writeStringField("last_trade_price", lastTradePrice(m, outcome));
        g.writeEndObject();
    }

    /** The book hash of one token at {@code timestamp} (40 lower-case hex digits). */
    public static String hash(SimMarket m, int outcome, BookSnapshot b, String timestamp) {
        byte[] summary = Json.bytes(g -> {
            g.writeStartObject();
            g.writeStringField("market", m.conditionId());
            g.writeStringField("asset_id", m.tokenId(outcome));
            g.writeStringField("timestamp", timestamp);
            g.writeStringField("hash", "");
            writeLevels(g, m, b);
            g.writeStringField("min_order_size", minOrderSize(m));
            g.writeStringField("tick_size", tickSize(m));
            g.writeBooleanField("neg_risk", m.negRisk());
            g.writeStringField("last_trade_price", lastTradePrice(m, outcome));
            g.writeEndObject();
        });
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(summary));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }

    /** A deliberately wrong hash (fault injection), same shape as a real one. */
    static String corrupt(String hash) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(("bad" + hash).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }
}
