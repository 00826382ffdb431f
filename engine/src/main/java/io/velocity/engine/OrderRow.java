package io.velocity.engine;

/**
 * One order for the blotter.
 *
 * @param clientOrderId  our id
 * @param venueOrderId   venue id ("" until acknowledged)
 * @param traceId        trade lifecycle id
 * @param conditionId    market
 * @param slug           market slug
 * @param outcome        UP/DOWN
 * @param side           BUY/SELL
 * @param intent         SNIPE, LADDER or FLATTEN
 * @param tif            GTC, FOK, FAK, GTD
 * @param priceE4        limit price (1e-4 units)
 * @param sizeMicros     size (micro-shares)
 * @param filledMicros   filled so far
 * @param avgPriceE4     average fill price
 * @param feesMicros     fees paid
 * @param state          lifecycle state
 * @param settlement     settlement state of its fills
 * @param rail           rail used
 * @param latencyMicros  send-to-ack latency, -1 when unknown
 * @param detail         venue message or reason
 * @param updatedMillis  last change
 */
public record OrderRow(long clientOrderId, String venueOrderId, String traceId, String conditionId, String slug,
                       String outcome, String side, String intent, String tif, long priceE4, long sizeMicros,
                       long filledMicros, long avgPriceE4, long feesMicros, String state, String settlement,
                       String rail, long latencyMicros, String detail, long updatedMillis) {
}
