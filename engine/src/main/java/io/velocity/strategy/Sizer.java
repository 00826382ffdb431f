package io.velocity.strategy;

/** Kelly sizing: the stake in micro-USD for buying at {@code price} with win probability {@code winProb}. */
@FunctionalInterface
public interface Sizer {
    /**
     * @param price       cost per share (0..1) before fees
     * @param winProb     probability the share pays 1
     * @param feePerShare taker fee per share (0 for maker orders)
     * @return stake in micro-USD, 0 when there is no edge
     */
    long stakeMicros(double price, double winProb, double feePerShare);
}
