package io.velocity.strategy;

/**
 * Arguments of {@link StrategyMath#staleness} / {@code strategy.calculate_staleness}.
 *
 * @param nowMs       now, epoch milliseconds
 * @param signalTsMs  the Allora inference timestamp, epoch milliseconds
 * @param windowEndMs end of the market's candle, epoch milliseconds
 * @param maxRatio    largest accepted staleness ratio (0.05 in DESIGN.md §4)
 */
public record StalenessRequest(long nowMs, long signalTsMs, long windowEndMs, double maxRatio)
        implements StrategyRequest {

    @Override
    public StalenessResult answerInJava() {
        return StrategyMath.staleness(nowMs, signalTsMs, windowEndMs, maxRatio);
    }
}
