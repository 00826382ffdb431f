package io.velocity.execution.clob;

import java.util.Locale;

/**
 * One order as the venue reports it ({@code GET /data/order/{id}}).
 *
 * @param id                 the order hash
 * @param status             LIVE, MATCHED, CANCELED, ... (upper case)
 * @param originalSizeMicros the order's size in micro-shares
 * @param sizeMatchedMicros  matched so far, in micro-shares
 * @param priceE4            its limit price in 1e-4 units
 */
public record VenueOrder(String id, String status, long originalSizeMicros, long sizeMatchedMicros, long priceE4) {
    public VenueOrder {
        status = status == null ? "" : status.toUpperCase(Locale.ROOT);
    }

    /** True while the order can still trade. */
    public boolean working() {
        return status.equals("LIVE") || status.equals("DELAYED");
    }

    /** True when the order can never trade again (matched in full, cancelled, expired, market closed). */
    public boolean terminal() {
        return status.equals("MATCHED") || status.startsWith("CANCEL") || status.equals("EXPIRED")
                || status.equals("UNMATCHED");
    }
}
