package io.velocity.marketdata.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;

import java.io.IOException;

/**
 * Decodes the Binance REST replies market data uses: {@code /api/v3/klines} (arrays whose
 * index 0 is the open time and index 1 the open price, as a string) and {@code /api/v3/time}
 * ({@code {"serverTime": ms}}).
 */
public final class BinanceRestParser {
    private static final JsonFactory JSON = new JsonFactory();

    /** The first kline of a klines reply. */
    public record Kline(long openTimeMillis, double open) {
    }

    /** The first kline of a {@code /api/v3/klines} reply; null when the reply holds none yet. */
    public Kline parseFirstKline(byte[] body) throws MalformedMessageException {
        try (JsonParser p = JSON.createParser(body)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                throw new MalformedMessageException("kline", "venue error: " + errorText(p));
            }
            if (t != JsonToken.START_ARRAY) {
                throw new MalformedMessageException("kline", "expected a JSON array of klines");
            }
            t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return null;
            }
            if (t != JsonToken.START_ARRAY) {
                throw new MalformedMessageException("kline", "kline is not an array");
            }
            p.nextToken();
            long openTime = JsonValues.integer(p);
            p.nextToken();
            double open = JsonValues.dbl(p);
            if (openTime == Decimals.MALFORMED || !(open > 0)) {
                throw new MalformedMessageException("kline", "kline without an open time and a positive open price");
            }
            return new Kline(openTime, open);
        } catch (IOException e) {
            throw new MalformedMessageException("kline", JsonProblems.notJson(e));
        }
    }

    /** The server time of an {@code /api/v3/time} reply, epoch ms. */
    public long parseServerTime(byte[] body) throws MalformedMessageException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("time", "expected a JSON object");
            }
            long time = -1;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (name.equals("serverTime")) {
                    time = JsonValues.integer(p);
                } else {
                    p.skipChildren();
                }
            }
            if (time < 0) {
                throw new MalformedMessageException("time", "serverTime missing or not an integer");
            }
            return time;
        } catch (IOException e) {
            throw new MalformedMessageException("time", JsonProblems.notJson(e));
        }
    }

    private static String errorText(JsonParser p) throws IOException {
        String msg = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (name.equals("msg")) {
                msg = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return msg;
    }
}
