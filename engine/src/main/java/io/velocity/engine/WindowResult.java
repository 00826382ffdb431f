package io.velocity.engine;

/**
 * The result of one resolved market (per-window results table).
 *
 * @param slug            market slug
 * @param asset           asset
 * @param windowEndMillis window close
 * @param resolvedUp      outcome
 * @param costMicros      spent incl. fees
 * @param payoutMicros    redeemed
 * @param pnlMicros       payout − cost
 * @param feesMicros      fees paid
 */
public record WindowResult(String slug, String asset, long windowEndMillis, boolean resolvedUp, long costMicros,
                           long payoutMicros, long pnlMicros, long feesMicros) {
}
