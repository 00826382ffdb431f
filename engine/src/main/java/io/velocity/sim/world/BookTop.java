package io.velocity.sim.world;

/**
 * Best bid and offer of the simulated spot venue (Binance {@code bookTicker}).
 *
 * @param updateId  order book update id ({@code u})
 * @param bidTicks  best bid in ticks
 * @param bidQty    best bid quantity in 1e-8 base units
 * @param askTicks  best ask in ticks
 * @param askQty    best ask quantity in 1e-8 base units
 * @param time      when it changed, epoch milliseconds (spot bookTicker does not publish it)
 */
public record BookTop(long updateId, long bidTicks, long bidQty, long askTicks, long askQty, long time) {
}
