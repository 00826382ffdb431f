package io.velocity.execution.clob;

import java.util.List;

/**
 * One trade of the account as the venue reports it ({@code GET /data/trades}).
 *
 * @param id              trade id
 * @param takerOrderId    the taker's order hash
 * @param market          condition id
 * @param assetId         token id
 * @param side            the taker's side, BUY or SELL
 * @param sizeMicros      shares in micro-units
 * @param priceE4         price in 1e-4 units
 * @param feeRateBps      fee rate applied, in basis points
 * @param status          MATCHED, MINED, CONFIRMED, RETRYING or FAILED
 * @param matchTimeSecond match time, Unix seconds
 * @param traderSide      TAKER or MAKER: which side of it this account was
 * @param makerOrderIds   the maker orders it matched
 */
public record VenueTrade(String id, String takerOrderId, String market, String assetId, String side, long sizeMicros,
                         long priceE4, int feeRateBps, String status, long matchTimeSecond, String traderSide,
                         List<String> makerOrderIds) {
    public VenueTrade {
        makerOrderIds = List.copyOf(makerOrderIds);
    }
}
