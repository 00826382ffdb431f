package io.velocity.strategy;

/**
 * The answer of {@link StrategyMath#staleness}.
 *
 * @param ratio    {@code (now - signal time) / (window end - now)}; infinite once the window is over
 * @param weight   how much of its configured weight the signal keeps, 1 when fresh, decaying
 *                 linearly to 0 at the limit; 0 whenever it is not accepted
 * @param accepted whether the signal may be blended into fair value
 * @param reason   why it was refused ({@code "stale"}, {@code "window over"}, ...), {@code ""} when accepted
 */
public record StalenessResult(double ratio, double weight, boolean accepted, String reason) implements StrategyAnswer {
}
