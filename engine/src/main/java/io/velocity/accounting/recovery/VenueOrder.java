package io.velocity.accounting.recovery;

import java.util.Objects;

/**
 * An order the venue reports as open.
 *
 * @param orderId            venue order id (hash)
 * @param market             condition id
 * @param tokenId            outcome token id (decimal)
 * @param side               BUY or SELL
 * @param priceMicros        limit price in micro-USD per share
 * @param originalSizeMicros shares × 10⁶ ordered
 * @param matchedSizeMicros  shares × 10⁶ filled so far
 * @param orderType          GTC, GTD, …
 * @param createdAtMillis    when the venue accepted it (epoch ms), 0 when not reported
 */
public record VenueOrder(String orderId, String market, String tokenId, String side, long priceMicros,
        long originalSizeMicros, long matchedSizeMicros, String orderType, long createdAtMillis) {

    /** Rejects missing identifiers. */
    public VenueOrder {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(tokenId, "tokenId");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(orderType, "orderType");
    }

    /** @return PARTIAL when some of it is filled, else OPEN (the status words of the orders table) */
    public String status() {
        return matchedSizeMicros > 0 ? "PARTIAL" : "OPEN";
    }
}
