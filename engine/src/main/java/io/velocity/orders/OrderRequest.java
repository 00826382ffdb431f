package io.velocity.orders;

import io.velocity.strategy.Outcome;

/**
 * An order leaving the engine for a rail: immutable, carries everything a rail needs to sign and
 * send it (the market's tick, neg-risk flag and fee parameters) so a rail never calls back into
 * engine state.
 *
 * @param clientOrderId  our id, echoed in every {@link ExecutionReport}
 * @param traceId        trade lifecycle id for logs, journal and database
 * @param conditionId    market
 * @param tokenId        outcome token
 * @param outcome        UP or DOWN
 * @param buy            BUY (true) or SELL
 * @param priceE4        limit price in 1e-4 units (worst price for marketable orders)
 * @param sizeMicros     size in micro-shares
 * @param tif            GTC, GTD, FOK or FAK
 * @param postOnly       refuse to take liquidity (maker only)
 * @param tickE4         the market's tick in 1e-4 units
 * @param negRisk        sign against the neg-risk exchange
 * @param feeRate        taker fee rate of the market
 * @param feeExponent    taker fee exponent of the market
 * @param createdNanos   engine time of the decision (for intent-to-wire latency)
 */
public record OrderRequest(long clientOrderId, String traceId, String conditionId, String tokenId, Outcome outcome,
                           boolean buy, long priceE4, long sizeMicros, TimeInForce tif, boolean postOnly, int tickE4,
                           boolean negRisk, double feeRate, double feeExponent, long createdNanos) {
}
