package io.velocity.marketdata;

import java.util.List;

/**
 * A trade event from the CLOB user channel, repeated as its settlement status moves on.
 *
 * @param tradeId       venue trade id
 * @param takerOrderId  the taker order
 * @param makerOrderIds our maker orders involved (from {@code maker_orders[]})
 * @param tokenId       token id
 * @param conditionId   market id
 * @param buy           side of the taker
 * @param priceE4       price in 1e-4 units
 * @param sizeMicros    size in micro-shares
 * @param feeRateBps    fee rate applied
 * @param status        MATCHED, MINED, CONFIRMED, RETRYING or FAILED
 * @param timeMillis    match time
 */
public record UserTradeEvent(String tradeId, String takerOrderId, List<String> makerOrderIds, String tokenId,
                             String conditionId, boolean buy, long priceE4, long sizeMicros, int feeRateBps,
                             String status, long timeMillis) {
    public UserTradeEvent {
        makerOrderIds = List.copyOf(makerOrderIds);
    }
}
