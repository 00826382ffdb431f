package io.velocity.marketdata;

/**
 * An order event from the CLOB user channel.
 *
 * @param orderId            venue order id
 * @param tokenId            token id
 * @param conditionId        market id
 * @param type               PLACEMENT, UPDATE or CANCELLATION
 * @param buy                BUY side
 * @param priceE4            limit price in 1e-4 units
 * @param originalSizeMicros original size in micro-shares
 * @param sizeMatchedMicros  matched so far in micro-shares
 * @param timeMillis         venue time
 */
public record UserOrderEvent(String orderId, String tokenId, String conditionId, String type, boolean buy,
                             long priceE4, long originalSizeMicros, long sizeMatchedMicros, long timeMillis) {
}
