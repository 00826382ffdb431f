package io.velocity.marketdata;

/**
 * A tradeable Up/Down market as discovery found it, with the venue parameters the engine needs.
 *
 * @param conditionId        market id
 * @param slug               e.g. {@code btc-updown-15m-1764000000}
 * @param asset              lower-case asset
 * @param duration           {@code 5m}, {@code 15m} or {@code 1h}
 * @param upTokenId          token of the "Up" outcome
 * @param downTokenId        token of the "Down" outcome
 * @param windowStartMillis  {@code eventStartTime}
 * @param windowEndMillis    {@code endDate}
 * @param tickE4             minimum tick in 1e-4 units
 * @param minOrderSizeMicros minimum resting order size in micro-shares
 * @param feeRate            taker fee rate r in {@code shares × r × (p(1−p))^e}
 * @param feeExponent        taker fee exponent e
 * @param feeRateBps         fee rate in basis points as the venue reports it
 * @param negRisk            neg-risk market (signs against the neg-risk exchange)
 * @param liquidityMicros    reported liquidity in micro-USD
 * @param exchangeVersion    EIP-712 domain version of the market's exchange ("2" or "3")
 */
public record MarketInfo(String conditionId, String slug, String asset, String duration, String upTokenId,
                         String downTokenId, long windowStartMillis, long windowEndMillis, int tickE4,
                         long minOrderSizeMicros, double feeRate, double feeExponent, int feeRateBps,
                         boolean negRisk, long liquidityMicros, String exchangeVersion) {
}
