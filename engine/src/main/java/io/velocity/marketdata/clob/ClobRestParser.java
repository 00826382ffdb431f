package io.velocity.marketdata.clob;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.velocity.marketdata.parse.Decimals;
import io.velocity.marketdata.parse.JsonValues;
import io.velocity.marketdata.parse.JsonProblems;
import io.velocity.marketdata.parse.MalformedMessageException;

import java.io.IOException;

/**
 * Decodes the small CLOB REST replies discovery needs: market parameters
 * ({@code /clob-markets/{conditionId}}: fee details {@code fd: {r, e, to}}, tick and minimum size
 * under their short or long names), {@code /tick-size} ({@code minimum_tick_size}) and
 * {@code /fee-rate} ({@code base_fee}, bps). Names the venue does not send are simply absent
 * from the result ({@link ClobMarketParams#UNKNOWN} values), since these replies have changed
 * shape over time; a reply that is not a JSON object, or is a venue error, is refused.
 */
public final class ClobRestParser {
    private static final JsonFactory JSON = new JsonFactory();

    /** Parses any of the three replies into the parameters it carries. */
    public ClobMarketParams parseParams(byte[] body) throws MalformedMessageException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new MalformedMessageException("clob-market-params", "expected a JSON object");
            }
            Acc a = new Acc();
            read(p, a, false);
            if (a.error != null) {
                throw new MalformedMessageException("clob-market-params", "venue error: " + a.error);
            }
            return new ClobMarketParams(a.tick, a.minSize, a.rate, a.exponent, a.takerOnly != 0, a.bps, a.negRisk);
        } catch (IOException e) {
            throw new MalformedMessageException("clob-market-params", JsonProblems.notJson(e));
        }
    }

    private static final class Acc {
        int tick = -1;
        long minSize = -1;
        double rate = Double.NaN;
        double exponent = Double.NaN;
        int takerOnly = -1;
        int bps = -1;
        int negRisk = -1;
        String error;
    }

    private static void read(JsonParser p, Acc a, boolean inFees) throws IOException, MalformedMessageException {
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            t = p.nextToken();
            if (inFees) {
                switch (name) {
                    case "r", "rate" -> a.rate = JsonValues.dbl(p);
                    case "e", "exponent" -> a.exponent = JsonValues.dbl(p);
                    case "to", "taker_only" -> a.takerOnly = JsonValues.bool(p);
                    default -> p.skipChildren();
                }
                continue;
            }
            switch (name) {
                case "fd", "fee_details", "fees" -> {
                    if (t == JsonToken.START_OBJECT) {
                        read(p, a, true);
                    } else {
                        p.skipChildren();
                    }
                }
                case "minimum_tick_size", "mts", "tick_size" -> {
                    long v = JsonValues.fixed(p, 4, true);
                    if (v == 1 || v == 10 || v == 100 || v == 1000) {
                        a.tick = (int) v;
                    } else if (t != JsonToken.VALUE_NULL) {
                        throw new MalformedMessageException("clob-market-params", name + " is not one of 0.1, 0.01, 0.001, 0.0001");
                    }
                }
                case "minimum_order_size", "mos", "min_order_size" -> {
                    long v = JsonValues.fixed(p, 6, false);
                    a.minSize = v == Decimals.MALFORMED ? -1 : v;
                }
                case "fee_rate_bps", "base_fee", "taker_base_fee" -> {
                    long v = JsonValues.integer(p);
                    if (v != Decimals.MALFORMED && v <= 10_000) {
                        a.bps = (int) v;
                    }
                }
                case "neg_risk", "nr" -> a.negRisk = JsonValues.bool(p);
                case "error" -> a.error = JsonValues.text(p);
                default -> p.skipChildren();
            }
        }
    }
}
