package io.velocity.sim.world;

/**
 * One aggregated trade on the simulated spot venue.
 *
 * @param aggId        aggregate trade id ({@code a})
 * @param priceTicks   price in the asset's ticks
 * @param qtyUnits     quantity in 1e-8 base units
 * @param firstId      first trade id ({@code f})
 * @param lastId       last trade id ({@code l})
 * @param time         trade time in epoch milliseconds ({@code T})
 * @param buyerIsMaker {@code m}
 */
public record AggTrade(long aggId, long priceTicks, long qtyUnits, long firstId, long lastId, long time, boolean buyerIsMaker) {
}
