package io.velocity.sim.clob;

/**
 * One token's book in wire order: bids ascending and asks descending, so the best level of each
 * side is the last element (as the venue's REST {@code /book} prints it). Prices in 1e-4 units of
 * this token, sizes in micro-shares.
 */
public record BookSnapshot(long[] bidPrices, long[] bidSizes, long[] askPrices, long[] askSizes) {

    /** Best bid, or -1 when there are no bids. */
    public long bestBid() {
        return bidPrices.length == 0 ? -1 : bidPrices[bidPrices.length - 1];
    }

    /** Best ask, or -1 when there are no asks. */
    public long bestAsk() {
        return askPrices.length == 0 ? -1 : askPrices[askPrices.length - 1];
    }
}
