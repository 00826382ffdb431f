package io.velocity.marketdata.clob;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.book.OrderBook;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;
import io.velocity.marketdata.parse.StringPool;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes CLOB market-channel frames and REST {@code /book} replies with Jackson's streaming
 * parser, in any key order ({@code event_type} is often the last key), into reusable
 * {@link ClobMessage}s.
 *
 * <p>Wire facts handled (POLYMARKET.md, "Wire details that trip parsers"): the subscription
 * reply is one frame holding an array of {@code book} objects; later frames are single objects;
 * the venue answers the text keepalive with the text {@code PONG}; {@code tick_size} and
 * {@code last_trade_price} appear only in snapshot books; {@code last_trade_price} may be the
 * empty string; prices and sizes are decimal strings with varying trailing zeros; three
 * {@code price_change} layouts exist (see {@link ClobMessage.PriceChangeFormat}); older books
 * call their sides {@code buys}/{@code sells}.
 *
 * <p>A frame is decoded and validated completely before the first handler call; a problem
 * anywhere rejects the whole frame with a {@link MalformedMessageException} naming it. One
 * instance per thread.
 */
public final class ClobMarketParser {
    private static final JsonFactory JSON = new JsonFactory();

    private final StringPool ids = new StringPool(4096);
    private final List<ClobMessage> pool = new ArrayList<>();
    private int used;

    /** Decodes one market-channel frame and dispatches its events. */
    public void parseFrame(String frame, ClobMarketHandler handler) throws MalformedMessageException {
        if (isPong(frame)) {
            handler.onPong();
            return;
        }
        try (JsonParser p = JSON.createParser(frame)) {
            decode(p, false);
        } catch (IOException e) {
            throw new MalformedMessageException(sniffKind(frame), JsonProblems.notJson(e));
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException(sniffKind(frame), e.getMessage());
        }
        dispatch(handler);
    }

    /**
     * The {@code event_type} of a rejected frame, found textually because the structured read
     * stopped at the problem (often before the type, which tends to be the last key).
     */
    static String sniffKind(String frame) {
        String k = sniffKindAny(frame);
        return typeOf(k) != null ? k : "unknown";
    }

    /** The textual {@code event_type} of a frame, whatever it is ("unknown" when absent). */
    static String sniffKindAny(String frame) {
        int k = frame.indexOf("\"event_type\"");
        if (k < 0) {
            return "unknown";
        }
        int q1 = frame.indexOf('"', frame.indexOf(':', k) + 1);
        int q2 = q1 < 0 ? -1 : frame.indexOf('"', q1 + 1);
        if (q2 < 0 || q2 - q1 > 40) {
            return "unknown";
        }
        String t = frame.substring(q1 + 1, q2);
        return t.matches("[a-z_]+") ? t : "unknown";
    }

    /** Decodes a REST {@code GET /book} reply (no {@code event_type}) and dispatches it as a book. */
    public void parseBookReply(byte[] body, ClobMarketHandler handler) throws MalformedMessageException {
        try (JsonParser p = JSON.createParser(body)) {
            decode(p, true);
        } catch (IOException e) {
            throw new MalformedMessageException("book", JsonProblems.notJson(e));
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException("book", e.getMessage());
        }
        dispatch(handler);
    }

    /** {@link #parseBookReply(byte[], ClobMarketHandler)} over a string. */
    public void parseBookReply(String body, ClobMarketHandler handler) throws MalformedMessageException {
        try (JsonParser p = JSON.createParser(body)) {
            decode(p, true);
        } catch (IOException e) {
            throw new MalformedMessageException("book", JsonProblems.notJson(e));
        } catch (MalformedMessageException e) {
            throw new MalformedMessageException("book", e.getMessage());
        }
        dispatch(handler);
    }

    private static boolean isPong(String frame) {
        int n = frame.length();
        int s = 0;
        while (s < n && frame.charAt(s) <= ' ') {
            s++;
        }
        int e = n;
        while (e > s && frame.charAt(e - 1) <= ' ') {
            e--;
        }
        return e - s == 4 && frame.regionMatches(true, s, "PONG", 0, 4);
    }

    private void decode(JsonParser p, boolean restBook) throws IOException, MalformedMessageException {
        used = 0;
        JsonToken t = p.nextToken();
        if (t == JsonToken.START_ARRAY) {
            int index = 0;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t != JsonToken.START_OBJECT) {
                    throw new MalformedMessageException("unknown", "array element " + index + " is not an object");
                }
                decodeObject(p, next(), restBook, "element " + index + ": ");
                index++;
            }
        } else if (t == JsonToken.START_OBJECT) {
            decodeObject(p, next(), restBook, "");
        } else {
            throw new MalformedMessageException("unknown", "expected a JSON object or array");
        }
        if (p.nextToken() != null) {
            throw new MalformedMessageException("unknown", "trailing data after the JSON value");
        }
    }

    private ClobMessage next() {
        if (used == pool.size()) {
            pool.add(new ClobMessage());
        }
        ClobMessage m = pool.get(used++);
        m.reset();
        return m;
    }

    private void dispatch(ClobMarketHandler h) {
        for (int i = 0; i < used; i++) {
            ClobMessage m = pool.get(i);
            if (m.type == null) {
                h.onUnknownEvent(m.unknownEventType);
                continue;
            }
            switch (m.type) {
                case BOOK -> h.onBook(m);
                case PRICE_CHANGE -> h.onPriceChange(m);
                case TICK_SIZE_CHANGE -> h.onTickSizeChange(m);
                case LAST_TRADE_PRICE -> h.onLastTradePrice(m);
                case BEST_BID_ASK -> h.onBestBidAsk(m);
                case NEW_MARKET -> h.onNewMarket(m);
                case MARKET_RESOLVED -> h.onMarketResolved(m);
            }
        }
    }

    private void decodeObject(JsonParser p, ClobMessage m, boolean restBook, String where)
            throws IOException, MalformedMessageException {
        String eventType = null;
        boolean hasPriceChanges = false;
        boolean hasChanges = false;
        boolean flatPrice = false;
        boolean flatSize = false;
        boolean flatSide = false;
        String error = null;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            switch (name) {
                case "event_type" -> eventType = JsonValues.text(p);
                case "asset_id" -> m.assetId = JsonValues.text(p, ids);
                case "market" -> m.market = JsonValues.text(p, ids);
                case "timestamp" -> m.timestampMillis = timestamp(p, where);
                case "hash" -> {
                    if (t == JsonToken.VALUE_STRING) {
                        m.setHash(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                    }
                }
                case "bids", "buys" -> levels(p, m.bids, where + name);
                case "asks", "sells" -> levels(p, m.asks, where + name);
                case "price_changes" -> {
                    hasPriceChanges = true;
                    changes(p, m, true, where);
                }
                case "changes" -> {
                    hasChanges = true;
                    changes(p, m, false, where);
                }
                case "price" -> {
                    flatPrice = true;
                    m.priceE4 = price(p, where + "price");
                }
                case "size" -> {
                    flatSize = true;
                    m.sizeMicros = size(p, where + "size");
                }
                case "side" -> {
                    flatSide = true;
                    m.side = side(p, where + "side");
                }
                case "best_bid" -> m.bestBidE4 = price(p, where + "best_bid");
                case "best_ask" -> m.bestAskE4 = price(p, where + "best_ask");
                case "old_tick_size" -> m.oldTickE4 = tick(p, where + "old_tick_size");
                case "new_tick_size" -> m.newTickE4 = tick(p, where + "new_tick_size");
                case "tick_size" -> m.tickE4 = t == JsonToken.VALUE_NULL ? 0 : tick(p, where + "tick_size");
                case "fee_rate_bps" -> {
                    long v = JsonValues.integer(p);
                    if (v == Decimals.MALFORMED || v > 10_000) {
                        throw new MalformedMessageException(kindOf(eventType, restBook), where + "fee_rate_bps is not a rate in bps");
                    }
                    m.feeRateBps = (int) v;
                }
                case "min_order_size" -> m.minOrderSizeMicros = t == JsonToken.VALUE_NULL ? -1 : size(p, where + "min_order_size");
                case "neg_risk" -> m.negRisk = JsonValues.bool(p);
                case "last_trade_price" -> m.lastTradePriceE4 = optionalPrice(p, where + "last_trade_price");
                case "winning_asset_id" -> m.winningAssetId = JsonValues.text(p, ids);
                case "error" -> error = JsonValues.text(p);
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedMessageException("unknown", where + "truncated object");
        }
        if (error != null) {
            throw new MalformedMessageException(kindOf(eventType, restBook), where + "venue error: " + error);
        }
        if (eventType == null) {
            if (!restBook) {
                throw new MalformedMessageException("unknown", where + "missing event_type");
            }
            eventType = "book";
        }
        m.type = typeOf(eventType);
        if (m.type == null) {
            m.unknownEventType = eventType;
            return;
        }
        validate(m, where, hasPriceChanges, hasChanges, flatPrice, flatSize, flatSide);
    }

    private static String kindOf(String eventType, boolean restBook) {
        return eventType != null ? eventType : restBook ? "book" : "unknown";
    }

    private static ClobMessage.Type typeOf(String wire) {
        for (ClobMessage.Type t : ClobMessage.Type.values()) {
            if (t.wire().equals(wire)) {
                return t;
            }
        }
        return null;
    }

    private static void validate(ClobMessage m, String where, boolean hasPriceChanges, boolean hasChanges,
                                 boolean flatPrice, boolean flatSize, boolean flatSide) throws MalformedMessageException {
        String kind = m.type.wire();
        switch (m.type) {
            case BOOK -> {
                require(m.assetId != null, kind, where + "missing asset_id");
                require(m.bids.present, kind, where + "missing bids");
                require(m.asks.present, kind, where + "missing asks");
            }
            case PRICE_CHANGE -> validatePriceChange(m, where, hasPriceChanges, hasChanges, flatPrice, flatSize, flatSide);
            case TICK_SIZE_CHANGE -> {
                require(m.assetId != null, kind, where + "missing asset_id");
                require(m.newTickE4 > 0, kind, where + "missing new_tick_size");
            }
            case LAST_TRADE_PRICE -> {
                require(m.assetId != null, kind, where + "missing asset_id");
                require(m.priceE4 >= 0, kind, where + "missing price");
                require(m.sizeMicros >= 0, kind, where + "missing size");
            }
            case BEST_BID_ASK -> {
                require(m.assetId != null, kind, where + "missing asset_id");
                require(m.bestBidE4 >= 0, kind, where + "missing best_bid");
                require(m.bestAskE4 >= 0, kind, where + "missing best_ask");
            }
            case MARKET_RESOLVED -> require(m.market != null, kind, where + "missing market");
            case NEW_MARKET -> {
            }
        }
    }

    private static void validatePriceChange(ClobMessage m, String where, boolean hasPriceChanges, boolean hasChanges,
                                            boolean flatPrice, boolean flatSize, boolean flatSide)
            throws MalformedMessageException {
        String kind = "price_change";
        boolean flat = flatPrice || flatSize || flatSide;
        int layouts = (hasPriceChanges ? 1 : 0) + (hasChanges ? 1 : 0) + (flat ? 1 : 0);
        require(layouts > 0, kind, where + "no price_changes, changes or price: unknown price_change layout");
        require(layouts == 1, kind, where + "mixes price_change layouts (price_changes/changes/flat); refusing to guess");
        if (hasPriceChanges) {
            m.format = ClobMessage.PriceChangeFormat.PRICE_CHANGES;
            for (int i = 0; i < m.changeCount; i++) {
                require(m.changeAsset[i] != null, kind, where + "price_changes[" + i + "]: missing asset_id");
            }
        } else if (hasChanges) {
            m.format = ClobMessage.PriceChangeFormat.CHANGES_ARRAY;
            require(m.assetId != null, kind, where + "changes layout without asset_id");
            for (int i = 0; i < m.changeCount; i++) {
                require(m.changeAsset[i] == null || m.changeAsset[i].equals(m.assetId), kind,
                        where + "changes[" + i + "]: asset_id differs from the message's");
                m.changeAsset[i] = m.assetId;
            }
            int last = m.changeCount - 1;
            if (last >= 0 && m.changeHashLen[last] < 0 && m.hashLength >= 0) {
                // this layout carries one hash: the book's after all its changes
                m.setChangeHash(last, m.hashBuf, 0, m.hashLength);
            }
        } else {
            m.format = ClobMessage.PriceChangeFormat.FLAT;
            require(m.assetId != null, kind, where + "flat price_change without asset_id");
            require(flatPrice && m.priceE4 >= 0, kind, where + "flat price_change without price");
            require(flatSize && m.sizeMicros >= 0, kind, where + "flat price_change without size");
            require(flatSide && m.side >= 0, kind, where + "flat price_change without side");
            int i = m.addChange();
            m.changeAsset[i] = m.assetId;
            m.changePrice[i] = m.priceE4;
            m.changeSize[i] = m.sizeMicros;
            m.changeBid[i] = m.side == 1;
            if (m.hashLength >= 0) {
                m.setChangeHash(i, m.hashBuf, 0, m.hashLength);
            }
        }
    }

    private void changes(JsonParser p, ClobMessage m, boolean current, String where)
            throws IOException, MalformedMessageException {
        String field = current ? "price_changes" : "changes";
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("price_change", where + field + " is not an array");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            int i = m.addChange();
            String at = where + field + "[" + i + "]";
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("price_change", at + " is not an object");
            }
            int side = -1;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "asset_id" -> m.changeAsset[i] = JsonValues.text(p, ids);
                    case "price" -> m.changePrice[i] = price(p, at + ".price");
                    case "size" -> m.changeSize[i] = size(p, at + ".size");
                    case "side" -> side = side(p, at + ".side");
                    case "hash" -> {
                        if (t == JsonToken.VALUE_STRING) {
                            m.setChangeHash(i, p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
                        }
                    }
                    case "best_bid" -> m.changeBestBid[i] = price(p, at + ".best_bid");
                    case "best_ask" -> m.changeBestAsk[i] = price(p, at + ".best_ask");
                    default -> p.skipChildren();
                }
            }
            if (m.changePrice[i] < 0) {
                throw new MalformedMessageException("price_change", at + ": missing price");
            }
            if (m.changeSize[i] < 0) {
                throw new MalformedMessageException("price_change", at + ": missing size");
            }
            if (side < 0) {
                throw new MalformedMessageException("price_change", at + ": missing side");
            }
            m.changeBid[i] = side == 1;
        }
    }

    private static void levels(JsonParser p, ClobMessage.LevelList list, String where)
            throws IOException, MalformedMessageException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            list.present = true; // some replies send null for an empty side
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("book", where + " is not an array");
        }
        list.present = true;
        JsonToken t;
        int index = 0;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("book", where + "[" + index + "] is not an object");
            }
            int price = -1;
            long size = -1;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "price" -> price = price(p, where + "[" + index + "].price");
                    case "size" -> size = size(p, where + "[" + index + "].size");
                    default -> p.skipChildren();
                }
            }
            if (price < 0 || size < 0) {
                throw new MalformedMessageException("book", where + "[" + index + "]: missing " + (price < 0 ? "price" : "size"));
            }
            list.add(price, size);
            index++;
        }
    }

    private static int price(JsonParser p, String where) throws IOException, MalformedMessageException {
        long v = JsonValues.fixed(p, 4, true);
        if (v == Decimals.MALFORMED || v > OrderBook.MAX_PRICE_E4) {
            throw new MalformedMessageException("price", where + " is not a price between 0 and 1 on the 0.0001 grid");
        }
        return (int) v;
    }

    private static long optionalPrice(JsonParser p, String where) throws IOException, MalformedMessageException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL || (t == JsonToken.VALUE_STRING && p.getTextLength() == 0)) {
            return -1;
        }
        return price(p, where);
    }

    private static long size(JsonParser p, String where) throws IOException, MalformedMessageException {
        long v = JsonValues.fixed(p, 6, false);
        if (v == Decimals.MALFORMED) {
            throw new MalformedMessageException("size", where + " is not a non-negative decimal");
        }
        return v;
    }

    private static int side(JsonParser p, String where) throws IOException, MalformedMessageException {
        if (JsonValues.textEquals(p, "BUY")) {
            return 1;
        }
        if (JsonValues.textEquals(p, "SELL")) {
            return 0;
        }
        throw new MalformedMessageException("side", where + " is neither BUY nor SELL");
    }

    private static int tick(JsonParser p, String where) throws IOException, MalformedMessageException {
        long v = JsonValues.fixed(p, 4, true);
        if (v != 1 && v != 10 && v != 100 && v != 1000) {
            throw new MalformedMessageException("tick_size", where + " is not one of 0.1, 0.01, 0.001, 0.0001");
        }
        return (int) v;
    }

    private static long timestamp(JsonParser p, String where) throws IOException, MalformedMessageException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return -1;
        }
        long v = JsonValues.integer(p);
        if (v == Decimals.MALFORMED) {
            throw new MalformedMessageException("timestamp", where + "timestamp is not epoch milliseconds");
        }
        return v;
    }

    private static void require(boolean ok, String kind, String problem) throws MalformedMessageException {
        if (!ok) {
            throw new MalformedMessageException(kind, problem);
        }
    }

}
