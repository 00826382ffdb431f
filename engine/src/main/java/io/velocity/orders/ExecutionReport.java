package io.velocity.orders;

/**
 * What a rail says happened to an order. Reports re-enter the engine through its ring so order
 * state changes in exactly one place.
 *
 * @param clientOrderId  the order
 * @param kind           what happened
 * @param venueOrderId   the venue's order id when known, else ""
 * @param fillPriceE4    fill price (FILL only)
 * @param fillSizeMicros fill size (FILL only)
 * @param feeMicros      taker fee charged on the fill
 * @param rail           {@code A}, {@code B} or {@code paper}
 * @param detail         venue message or failure reason, for the trader
 * @param latencyNanos   intent-to-acknowledgement time on the rail, or 0
 */
public record ExecutionReport(long clientOrderId, Kind kind, String venueOrderId, long fillPriceE4, long fillSizeMicros,
                              long feeMicros, String rail, String detail, long latencyNanos) {

    /** Report kinds. */
    public enum Kind {
        /** Accepted by the venue. */
        ACK,
        /** Refused by the venue or the rail (an order error: never resent elsewhere). */
        REJECT,
        /** Part or all of the order traded. */
        FILL,
        /** Cancelled (by us, by the venue, or a FAK/FOK remainder). */
        CANCELLED,
        /** The cancel request failed (already filled, unknown). */
        CANCEL_REJECTED,
        /** A GTD order expired. */
        EXPIRED,
        /** A rail failure (timeout, connection, 5xx, 429): nothing is known to have traded. */
        RAIL_FAILURE
    }
}
