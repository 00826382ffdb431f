package io.velocity.storage.redis;

import java.util.Locale;

/**
 * The Redis key schema: every key Velocity reads or writes is built here, nowhere else
 * (docs/storage.md shows the same table for people who read Redis with other tools).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>type</th><th>content</th><th>writer</th></tr>
 *   <tr><td>{@code mkt:{conditionId}}</td><td>HASH</td><td>market metadata, fields in {@link MarketField}</td><td>market discovery</td></tr>
 *   <tr><td>{@code book:{<tokenId>}:bids}, {@code book:{<tokenId>}:asks}</td><td>ZSET</td>
 *       <td>order-book mirror: score = price in micro-USD, member = {@code <priceMicros>:<sizeMicros>}</td><td>books</td></tr>
 *   <tr><td>{@code book:{<tokenId>}:ts}</td><td>HASH</td><td>fields {@code bids}/{@code asks}: epoch ms of each side's book</td><td>books</td></tr>
 *   <tr><td>{@code vol:{asset}}</td><td>HASH</td><td>volatility cache, fields in {@link VolatilityField}</td><td>strategy</td></tr>
 *   <tr><td>{@code nonce:{chainId}:{address}}</td><td>STRING</td><td>next unused nonce (integer); only via the Lua allocator</td><td>execution</td></tr>
 *   <tr><td>{@code sys:bankroll:usdc}</td><td>STRING</td><td>bankroll in micro-USD (integer string)</td><td>accounting</td></tr>
 *   <tr><td>{@code sys:killswitch}</td><td>HASH</td><td>kill-switch state, fields in {@link KillSwitchField}</td><td>risk</td></tr>
 *   <tr><td>{@code hb:feed:{feed}}</td><td>STRING</td><td>epoch ms of the feed's last message; expires when the feed stops</td><td>feeds</td></tr>
 * </table>
 *
 * <p>Money is integer micro-USD and sizes are shares × 10⁶, written as decimal integer strings.
 * Book keys put the token id in a hash tag ({@code {…}}) so both sides and their timestamps
 * live in one Redis Cluster slot and the atomic replace script can touch them together.
 */
public final class RedisKeys {
    /** Bankroll in micro-USD as an integer string. */
    public static final String BANKROLL_USDC = "sys:bankroll:usdc";
    /** Kill-switch state hash. */
    public static final String KILL_SWITCH = "sys:killswitch";

    private RedisKeys() {
    }

    /** Market metadata hash of one market. */
    public static String market(String conditionId) {
        return "mkt:" + requireId("conditionId", conditionId);
    }

    /** One side of a token's order-book mirror. */
    public static String book(String tokenId, BookSide side) {
        return "book:{" + requireId("tokenId", tokenId) + "}:" + side.field();
    }

    /** Update times of a token's book sides. */
    public static String bookUpdated(String tokenId) {
        return "book:{" + requireId("tokenId", tokenId) + "}:ts";
    }

    /** Volatility cache of an asset ("btc", "eth", …). */
    public static String volatility(String asset) {
        return "vol:" + requireId("asset", asset).toLowerCase(Locale.ROOT);
    }

    /** Nonce counter of an account on a chain; the address is lower-cased so checksum casing never splits it. */
    public static String nonce(long chainId, String address) {
        return "nonce:" + chainId + ":" + requireId("address", address).toLowerCase(Locale.ROOT);
    }

    /** Heartbeat of a feed ("binance", "clob-market", …). */
    public static String feedHeartbeat(String feed) {
        return "hb:feed:" + requireId("feed", feed);
    }

    private static String requireId(String what, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be empty");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c == '{' || c == '}' || c == 0x7f) {
                throw new IllegalArgumentException(what + " contains a character not allowed in a key: '" + id + "'");
            }
        }
        return id;
    }

    /** Field names of the market metadata hash ({@link #market}). */
    public static final class MarketField {
        public static final String CONDITION_ID = "conditionId";
        public static final String ASSET = "asset";
        public static final String UP_TOKEN_ID = "upTokenId";
        public static final String DOWN_TOKEN_ID = "downTokenId";
        /** Taker fee rate r of {@code shares × r × (p(1−p))^e}, decimal. */
        public static final String FEE_RATE = "feeRate";
        /** Taker fee exponent e, decimal. */
        public static final String FEE_EXPONENT = "feeExponent";
        /** Fee rate in basis points as the venue's trade events report it. */
        public static final String FEE_RATE_BPS = "feeRateBps";
        /** Minimum price increment in micro-USD (0.01 → 10000). */
        public static final String MIN_TICK_SIZE_MICROS = "minTickSizeMicros";
        /** Minimum order size in shares × 10⁶. */
        public static final String MIN_ORDER_SIZE_MICROS = "minOrderSizeMicros";
        public static final String WINDOW_START_MILLIS = "windowStartMillis";
        public static final String WINDOW_END_MILLIS = "windowEndMillis";
        /** "1" when orders go to the neg-risk exchange. */
        public static final String NEG_RISK = "negRisk";
        /** "1" when the event is neg-risk augmented. */
        public static final String NEG_RISK_AUGMENTED = "negRiskAugmented";

        private MarketField() {
        }
    }

    /** Field names of the volatility cache hash ({@link #volatility}). */
    public static final class VolatilityField {
        /** Realised volatility per √second, decimal. */
        public static final String SIGMA_PER_SQRT_SECOND = "sigmaPerSqrtSecond";
        /** Samples behind the estimate. */
        public static final String SAMPLES = "samples";
        public static final String UPDATED_AT_MILLIS = "updatedAtMillis";

        private VolatilityField() {
        }
    }

    /** Field names of the kill-switch hash ({@link #KILL_SWITCH}). */
    public static final class KillSwitchField {
        /** "1" engaged, "0" released. */
        public static final String ENGAGED = "engaged";
        /** Which layer acted: "manual", "risk:daily-loss", … */
        public static final String SOURCE = "source";
        public static final String REASON = "reason";
        public static final String SINCE_MILLIS = "sinceMillis";

        private KillSwitchField() {
        }
    }
}
