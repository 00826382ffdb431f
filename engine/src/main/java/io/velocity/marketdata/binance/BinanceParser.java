package io.velocity.marketdata.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;
import io.velocity.marketdata.parse.StringPool;

import java.io.IOException;

/**
 * Decodes Binance spot stream messages with Jackson's streaming parser in any key order:
 * combined-stream envelopes ({@code {"stream":..., "data":{...}}}), raw stream payloads, and the
 * {@code serverShutdown} event (raw, in {@code data}, or in the WebSocket API's {@code event}
 * wrapper).
 *
 * <p>Wire facts: prices and quantities are strings; in an aggTrade {@code a} is the aggregate
 * trade id while in a bookTicker it is the best ask price, so {@code a} is kept as text until the
 * type is known; aggTrade also carries {@code M} (ignored); the spot bookTicker has no
 * {@code e} and no event time. Validated completely before the handler is called. One instance
 * per thread.
 */
public final class BinanceParser {
    private static final JsonFactory JSON = new JsonFactory();

    private final StringPool symbols = new StringPool(256);

    // scratch of the payload being decoded
    private String event;
    private String stream;
    private String symbol;
    private long eventTime;
    private long tradeTime;
    private double price;
    private double quantity;
    private boolean buyerMaker;
    private boolean hasMaker;
    private long updateId;
    private double bid;
    private double bidQty;
    private double askQty;
    private final char[] aText = new char[64];
    private int aLength;
    private boolean control;

    /** Decodes one text frame and dispatches it. */
    public void parse(String frame, BinanceHandler handler) throws MalformedMessageException {
        reset();
        try (JsonParser p = JSON.createParser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("unknown", "expected a JSON object");
            }
            readObject(p, true);
            if (p.nextToken() != null) {
                throw new MalformedMessageException("unknown", "trailing data after the JSON value");
            }
        } catch (IOException e) {
            throw new MalformedMessageException(kindGuess(), JsonProblems.notJson(e));
        }
        dispatch(handler);
    }

    private void reset() {
        event = null;
        stream = null;
        symbol = null;
        eventTime = -1;
        tradeTime = -1;
        price = Double.NaN;
        quantity = Double.NaN;
        hasMaker = false;
        buyerMaker = false;
        updateId = -1;
        bid = Double.NaN;
        bidQty = Double.NaN;
        askQty = Double.NaN;
        aLength = -1;
        control = false;
    }

    private void readObject(JsonParser p, boolean top) throws IOException, MalformedMessageException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (top) {
                switch (name) {
                    case "stream" -> {
                        stream = JsonValues.text(p);
                        continue;
                    }
                    case "data", "event" -> {
                        if (t != JsonToken.START_OBJECT) {
                            throw new MalformedMessageException(kindGuess(), name + " is not an object");
                        }
                        readObject(p, false);
                        continue;
                    }
                    case "result", "id", "error" -> {
                        control = true;
                        p.skipChildren();
                        continue;
                    }
                    default -> {
                    }
                }
            }
            switch (name) {
                case "e" -> event = JsonValues.text(p);
                case "E" -> eventTime = JsonValues.integer(p);
                case "s" -> symbol = JsonValues.text(p, symbols);
                case "T" -> tradeTime = JsonValues.integer(p);
                case "p" -> price = JsonValues.dbl(p);
                case "q" -> quantity = JsonValues.dbl(p);
                case "m" -> {
                    int b = JsonValues.bool(p);
                    hasMaker = b >= 0;
                    buyerMaker = b == 1;
                }
                case "u" -> updateId = JsonValues.integer(p);
                case "b" -> bid = JsonValues.dbl(p);
                case "B" -> bidQty = JsonValues.dbl(p);
                case "A" -> askQty = JsonValues.dbl(p);
                case "a" -> {
                    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
                        int len = Math.min(p.getTextLength(), aText.length);
                        System.arraycopy(p.getTextCharacters(), p.getTextOffset(), aText, 0, len);
                        aLength = len;
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedMessageException(kindGuess(), "truncated object");
        }
    }

    private String kindGuess() {
        if (event != null) {
            return event;
        }
        if (stream != null) {
            int at = stream.indexOf('@');
            return at >= 0 ? stream.substring(at + 1) : "unknown";
        }
        return "unknown";
    }

    private void dispatch(BinanceHandler h) throws MalformedMessageException {
        String type = event;
        if (type == null && stream != null && stream.endsWith("@bookTicker")) {
            type = "bookTicker";
        }
        if (type == null && aLength >= 0 && !Double.isNaN(bid)) {
            type = "bookTicker"; // a raw spot bookTicker: no "e", has u/b/a
        }
        if (type == null) {
            if (control) {
                h.onOther("control");
                return;
            }
            throw new MalformedMessageException("unknown", "no event type and not a bookTicker");
        }
        switch (type) {
            case "aggTrade" -> {
                require(symbol != null, type, "missing s (symbol)");
                require(price > 0, type, "p (price) is not a positive number");
                require(quantity >= 0, type, "q (quantity) is not a non-negative number");
                long id = aLength < 0 ? Decimals.MALFORMED : Decimals.parseLong(aText, 0, aLength);
                require(id != Decimals.MALFORMED, type, "a (aggregate trade id) is not an integer");
                long time = tradeTime >= 0 ? tradeTime : eventTime;
                require(time >= 0, type, "missing T (trade time)");
                h.onAggTrade(symbol, id, price, quantity, time, eventTime, hasMaker && buyerMaker);
            }
            case "bookTicker" -> {
                require(symbol != null, type, "missing s (symbol)");
                double ask = aLength < 0 ? Double.NaN : Decimals.parseDouble(aText, 0, aLength);
                require(bid > 0, type, "b (best bid) is not a positive number");
                require(ask > 0, type, "a (best ask) is not a positive number");
                h.onBookTicker(symbol, updateId, bid, bidQty, ask, askQty);
            }
            case "serverShutdown" -> h.onServerShutdown(eventTime);
            default -> h.onOther(type);
        }
    }

    private static void require(boolean ok, String kind, String problem) throws MalformedMessageException {
        if (!ok) {
            throw new MalformedMessageException(kind, kind + ": " + problem);
        }
    }

}
