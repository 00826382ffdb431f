package io.velocity.engine;

/**
 * One fill or redemption for the blotter and financials.
 *
 * @param timeMillis    when
 * @param traceId       trade lifecycle id
 * @param clientOrderId order (0 for redemptions)
 * @param slug          market slug
 * @param outcome       UP/DOWN
 * @param kind          FILL or REDEMPTION
 * @param priceE4       price (1e-4 units; 10000 or 0 for redemptions)
 * @param sizeMicros    shares
 * @param feeMicros     fee
 * @param rail          rail or "chain"
 */
public record FillRow(long timeMillis, String traceId, long clientOrderId, String slug, String outcome, String kind,
                      long priceE4, long sizeMicros, long feeMicros, String rail) {
}
