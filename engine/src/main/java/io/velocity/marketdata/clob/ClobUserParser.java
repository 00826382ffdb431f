package io.velocity.marketdata.clob;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.book.OrderBook;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Decodes CLOB user-channel frames ({@code order} and {@code trade} events, single or in an
 * array) into {@link UserOrderEvent}s and {@link UserTradeEvent}s, in any key order.
 *
 * <p>Wire facts: {@code trade} events carry {@code maker_orders[]}, {@code fee_rate_bps},
 * {@code match_time} (older: {@code matchtime}), {@code bucket_index} and {@code status}
 * (MATCHED, MINED, CONFIRMED, RETRYING, FAILED); {@code order} events carry
 * {@code original_size}, {@code size_matched}, {@code associate_trades}, {@code order_type},
 * {@code expiration} and {@code type} (PLACEMENT, UPDATE, CANCELLATION); timestamps are epoch
 * seconds or milliseconds as strings. User traffic is light, so events are plain records.
 */
public final class ClobUserParser {
    private static final JsonFactory JSON = new JsonFactory();

    /** Where decoded events go. */
    public interface Handler {
        void onOrder(UserOrderEvent event);

        void onTrade(UserTradeEvent event);

        /** A well-formed event of a type this version does not use. */
        default void onOther(String eventType) {
        }

        /** The venue answered our text {@code PING}. */
        default void onPong() {
        }
    }

    /** Decodes one frame; every event in it is validated before the first is delivered. */
    public void parseFrame(String frame, Handler handler) throws MalformedMessageException {
        if (frame.strip().equalsIgnoreCase("PONG")) {
            handler.onPong();
            return;
        }
        List<Object> events = new ArrayList<>();
        try (JsonParser p = JSON.createParser(frame)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_ARRAY) {
                int i = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new MalformedMessageException("unknown", "array element " + i + " is not an object");
                    }
                    events.add(event(p, "element " + i + ": "));
                    i++;
                }
            } else if (t == JsonToken.START_OBJECT) {
                events.add(event(p, ""));
            } else {
                throw new MalformedMessageException("unknown", "expected a JSON object or array");
            }
            if (p.nextToken() != null) {
                throw new MalformedMessageException("unknown", "trailing data after the JSON value");
            }
        } catch (IOException e) {
            throw new MalformedMessageException(ClobMarketParser.sniffKindAny(frame), JsonProblems.notJson(e));
        } catch (MalformedMessageException e) {
            String kind = e.kind().equals("unknown") ? ClobMarketParser.sniffKindAny(frame) : e.kind();
            throw new MalformedMessageException(kind, e.getMessage());
        }
        for (Object e : events) {
            if (e instanceof UserOrderEvent o) {
                handler.onOrder(o);
            } else if (e instanceof UserTradeEvent tr) {
                handler.onTrade(tr);
            } else {
                handler.onOther((String) e);
            }
        }
    }

    private static Object event(JsonParser p, String where) throws IOException, MalformedMessageException {
        String eventType = null;
        String id = null;
        String asset = null;
        String market = null;
        String type = null;
        String status = null;
        String takerOrder = null;
        int side = -1;
        long price = -1;
        long size = -1;
        long originalSize = -1;
        long sizeMatched = -1;
        long fee = -1;
        long time = -1;
        long matchTime = -1;
        List<String> makers = new ArrayList<>();
        JsonToken t;
        {
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                t = p.nextToken();
                switch (name) {
                    case "event_type" -> eventType = JsonValues.text(p);
                    case "id" -> id = JsonValues.text(p);
                    case "asset_id" -> asset = JsonValues.text(p);
                    case "market" -> market = JsonValues.text(p);
                    case "type" -> type = JsonValues.text(p);
                    case "status" -> status = JsonValues.text(p);
                    case "taker_order_id" -> takerOrder = JsonValues.text(p);
                    case "side" -> side = JsonValues.textEquals(p, "BUY") ? 1 : JsonValues.textEquals(p, "SELL") ? 0 : -2;
                    case "price" -> price = JsonValues.fixed(p, 4, true);
                    case "size" -> size = JsonValues.fixed(p, 6, false);
                    case "original_size" -> originalSize = JsonValues.fixed(p, 6, false);
                    case "size_matched" -> sizeMatched = JsonValues.fixed(p, 6, false);
                    case "fee_rate_bps" -> fee = JsonValues.integer(p);
                    case "timestamp" -> time = millis(JsonValues.integer(p));
                    case "match_time", "matchtime" -> matchTime = millis(JsonValues.integer(p));
                    case "maker_orders" -> makers(p, makers, where);
                    default -> p.skipChildren();
                }
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new MalformedMessageException("unknown", where + "truncated object");
        }
        if (eventType == null) {
            throw new MalformedMessageException("unknown", where + "missing event_type");
        }
        String k = eventType;
        switch (eventType) {
            case "order" -> {
                require(id != null, k, where + "missing id");
                require(asset != null, k, where + "missing asset_id");
                require(side >= 0, k, where + "side is neither BUY nor SELL");
                require(price != Decimals.MALFORMED && price >= 0 && price <= OrderBook.MAX_PRICE_E4, k, where + "price is not a price");
                require(originalSize != Decimals.MALFORMED && originalSize >= 0, k, where + "original_size missing or not a size");
                require(sizeMatched != Decimals.MALFORMED, k, where + "size_matched is not a size");
                require(type != null, k, where + "missing type (PLACEMENT, UPDATE, CANCELLATION)");
                return new UserOrderEvent(id, asset, market, type, side == 1, price, originalSize,
                        Math.max(sizeMatched, 0), time);
            }
            case "trade" -> {
                require(id != null, k, where + "missing id");
                require(asset != null, k, where + "missing asset_id");
                require(side >= 0, k, where + "side is neither BUY nor SELL");
                require(price != Decimals.MALFORMED && price >= 0 && price <= OrderBook.MAX_PRICE_E4, k, where + "price is not a price");
                require(size != Decimals.MALFORMED && size >= 0, k, where + "size missing or not a size");
                require(status != null, k, where + "missing status");
                require(fee != Decimals.MALFORMED, k, where + "fee_rate_bps is not an integer");
                return new UserTradeEvent(id, takerOrder, makers, asset, market, side == 1, price, size,
                        (int) Math.max(fee, 0), status, matchTime >= 0 ? matchTime : time);
            }
            default -> {
                return eventType;
            }
        }
    }

    private static void makers(JsonParser p, List<String> out, String where) throws IOException, MalformedMessageException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return;
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new MalformedMessageException("trade", where + "maker_orders is not an array");
        }
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("trade", where + "maker_orders entry is not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("order_id")) {
                    String id = JsonValues.text(p);
                    if (id != null) {
                        out.add(id);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** Seconds or milliseconds to milliseconds; -1 stays -1. */
    private static long millis(long v) {
        if (v == Decimals.MALFORMED || v < 0) {
            return -1;
        }
        return v < 100_000_000_000L ? v * 1000 : v;
    }

    private static void require(boolean ok, String kind, String problem) throws MalformedMessageException {
        if (!ok) {
            throw new MalformedMessageException(kind, problem);
        }
    }


    /** Convenience for tools: all events of a frame through one consumer each. */
    public void parseFrame(String frame, Consumer<UserOrderEvent> orders, Consumer<UserTradeEvent> trades)
            throws MalformedMessageException {
        parseFrame(frame, new Handler() {
            @Override
            public void onOrder(UserOrderEvent event) {
                orders.accept(event);
            }

            @Override
            public void onTrade(UserTradeEvent event) {
                trades.accept(event);
            }
        });
    }
}
