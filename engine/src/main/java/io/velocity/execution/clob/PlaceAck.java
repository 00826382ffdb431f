package io.velocity.execution.clob;

/**
 * The venue's answer to one placed order ({@code POST /order}, or one element of {@code POST /orders}).
 *
 * @param orderId      the order hash the venue keys the order by
 * @param status       {@code live} (resting), {@code matched}, {@code delayed} or {@code unmatched}
 * @param makingMicros what the order gave in immediate matches (pUSD for BUY, shares for SELL)
 * @param takingMicros what it received (shares for BUY, pUSD for SELL)
 */
public record PlaceAck(String orderId, String status, long makingMicros, long takingMicros) {

    /** True when the order rests on the book (possibly after a partial match). */
    public boolean live() {
        return "live".equalsIgnoreCase(status);
    }

    /** True when the venue holds the order back before matching (acknowledged, outcome pending). */
    public boolean delayed() {
        return "delayed".equalsIgnoreCase(status);
    }
}
