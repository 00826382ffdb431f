package io.velocity.strategy;

/**
 * The answer of {@link StrategyMath#kellyStakeMicros}: how much to spend on the contract.
 *
 * @param stakeMicros stake in micro-USD, 0 when nothing should be bought
 */
public record KellyStake(long stakeMicros) implements StrategyAnswer {
    public KellyStake {
        if (stakeMicros < 0) {
            throw new IllegalArgumentException("a stake is never negative, got " + stakeMicros);
        }
    }
}
