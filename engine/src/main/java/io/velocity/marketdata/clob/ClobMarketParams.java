package io.velocity.marketdata.clob;

/**
 * A market's trading parameters as the CLOB reports them ({@code GET /clob-markets/{conditionId}},
 * completed by {@code /tick-size} and {@code /fee-rate} when absent there). -1 / NaN mark what
 * the venue did not say.
 *
 * @param tickE4             minimum tick in 1e-4 units
 * @param minOrderSizeMicros minimum resting order size in micro-shares
 * @param feeRate            taker fee rate r ({@code fd.r})
 * @param feeExponent        taker fee exponent e ({@code fd.e})
 * @param takerOnly          fees charged to takers only ({@code fd.to})
 * @param feeRateBps         fee rate in basis points as the venue reports it
 * @param negRisk            1 neg-risk, 0 not, -1 unknown
 */
public record ClobMarketParams(int tickE4, long minOrderSizeMicros, double feeRate, double feeExponent,
                               boolean takerOnly, int feeRateBps, int negRisk) {

    /** Nothing known. */
    public static final ClobMarketParams UNKNOWN = new ClobMarketParams(-1, -1, Double.NaN, Double.NaN, true, -1, -1);

    /** These parameters with gaps filled from {@code other}. */
    public ClobMarketParams orElse(ClobMarketParams other) {
        return new ClobMarketParams(tickE4 > 0 ? tickE4 : other.tickE4,
                minOrderSizeMicros >= 0 ? minOrderSizeMicros : other.minOrderSizeMicros,
                Double.isNaN(feeRate) ? other.feeRate : feeRate,
                Double.isNaN(feeExponent) ? other.feeExponent : feeExponent,
                takerOnly, feeRateBps >= 0 ? feeRateBps : other.feeRateBps, negRisk >= 0 ? negRisk : other.negRisk);
    }
}
