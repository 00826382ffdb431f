package io.velocity.storage.redis;

import io.velocity.storage.redis.RedisKeys.MarketField;

import java.util.HashMap;
import java.util.Map;

/**
 * What the engine needs to know about one Up/Down market, cached in Redis by market discovery.
 *
 * @param conditionId        the market's condition id
 * @param asset              underlying asset, e.g. "btc"
 * @param upTokenId          token id of the "Up" outcome
 * @param downTokenId        token id of the "Down" outcome
 * @param feeRate            taker fee rate r of {@code shares × r × (p(1−p))^e}
 * @param feeExponent        taker fee exponent e
 * @param feeRateBps         fee rate in basis points as trade events report it
 * @param minTickSizeMicros  price increment in micro-USD
 * @param minOrderSizeMicros minimum order size in shares × 10⁶
 * @param windowStartMillis  start of the market's price window (epoch ms)
 * @param windowEndMillis    end of the window (epoch ms)
 * @param negRisk            orders go to the neg-risk exchange
 * @param negRiskAugmented   the event is neg-risk augmented
 */
public record MarketMeta(String conditionId, String asset, String upTokenId, String downTokenId, double feeRate,
                         double feeExponent, int feeRateBps, long minTickSizeMicros, long minOrderSizeMicros,
                         long windowStartMillis, long windowEndMillis, boolean negRisk, boolean negRiskAugmented) {

    /** The hash fields as written to Redis. */
    Map<String, String> toHash() {
        Map<String, String> h = new HashMap<>();
        h.put(MarketField.CONDITION_ID, conditionId);
        h.put(MarketField.ASSET, asset);
        h.put(MarketField.UP_TOKEN_ID, upTokenId);
        h.put(MarketField.DOWN_TOKEN_ID, downTokenId);
        h.put(MarketField.FEE_RATE, Double.toString(feeRate));
        h.put(MarketField.FEE_EXPONENT, Double.toString(feeExponent));
        h.put(MarketField.FEE_RATE_BPS, Integer.toString(feeRateBps));
        h.put(MarketField.MIN_TICK_SIZE_MICROS, Long.toString(minTickSizeMicros));
        h.put(MarketField.MIN_ORDER_SIZE_MICROS, Long.toString(minOrderSizeMicros));
        h.put(MarketField.WINDOW_START_MILLIS, Long.toString(windowStartMillis));
        h.put(MarketField.WINDOW_END_MILLIS, Long.toString(windowEndMillis));
        h.put(MarketField.NEG_RISK, negRisk ? "1" : "0");
        h.put(MarketField.NEG_RISK_AUGMENTED, negRiskAugmented ? "1" : "0");
        return h;
    }

    /** Reads the hash back; a missing field names itself in the exception. */
    static MarketMeta fromHash(Map<String, String> h) {
        return new MarketMeta(field(h, MarketField.CONDITION_ID), field(h, MarketField.ASSET),
                field(h, MarketField.UP_TOKEN_ID), field(h, MarketField.DOWN_TOKEN_ID),
                Double.parseDouble(field(h, MarketField.FEE_RATE)), Double.parseDouble(field(h, MarketField.FEE_EXPONENT)),
                Integer.parseInt(field(h, MarketField.FEE_RATE_BPS)),
                Long.parseLong(field(h, MarketField.MIN_TICK_SIZE_MICROS)),
                Long.parseLong(field(h, MarketField.MIN_ORDER_SIZE_MICROS)),
                Long.parseLong(field(h, MarketField.WINDOW_START_MILLIS)),
                Long.parseLong(field(h, MarketField.WINDOW_END_MILLIS)),
                "1".equals(field(h, MarketField.NEG_RISK)), "1".equals(field(h, MarketField.NEG_RISK_AUGMENTED)));
    }

    static String field(Map<String, String> h, String name) {
        String v = h.get(name);
        if (v == null) {
            throw new IllegalArgumentException("redis hash is missing field '" + name + "'");
        }
        return v;
    }
}
