package io.velocity.engine;

/**
 * Bankroll and PnL in micro-USD.
 *
 * @param bankrollMicros   cash available
 * @param realizedMicros   realized PnL since start
 * @param unrealizedMicros open positions at fair value minus their cost
 * @param feesMicros       taker fees paid since start
 * @param redeemedMicros   payouts received since start
 * @param openCostMicros   money in open positions
 * @param dailyPnlMicros   realized PnL today (UTC)
 */
public record Financials(long bankrollMicros, long realizedMicros, long unrealizedMicros, long feesMicros,
                         long redeemedMicros, long openCostMicros, long dailyPnlMicros) {

    /** Bankroll plus open positions at fair value. */
    public long equityMicros() {
        return bankrollMicros + openCostMicros + unrealizedMicros;
    }
}
