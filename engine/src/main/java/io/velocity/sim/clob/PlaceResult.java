package io.velocity.sim.clob;

import java.util.List;

/**
 * Outcome of placing an order: either a rejection with the venue's HTTP status and message, or
 * the placement status with what was matched.
 *
 * @param status       live, matched, delayed or unmatched (empty when rejected)
 * @param makingAmount what the order gave in matches (micro-units)
 * @param takingAmount what it received (micro-units)
 */
public record PlaceResult(boolean accepted, int httpStatus, String error, String orderId, String status, long makingAmount,
                          long takingAmount, List<String> tradeIds, List<String> transactionHashes) {

    public static PlaceResult rejected(int httpStatus, String orderId, String error) {
        return new PlaceResult(false, httpStatus, error, orderId, "", 0, 0, List.of(), List.of());
    }
}
