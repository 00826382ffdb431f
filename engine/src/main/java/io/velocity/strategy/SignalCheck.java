package io.velocity.strategy;

/**
 * The answer of {@link StrategyMath#validateSignal}.
 *
 * @param valid  whether the Allora forecast may be used
 * @param reason why not ({@code "direction disagrees"}, {@code "magnitude implausible"},
 *               {@code "vol_per_sqrt_s must be > 0"}, ...), {@code ""} when valid
 */
public record SignalCheck(boolean valid, String reason) implements StrategyAnswer {
    /** The one valid answer; {@link StrategyMath} hands out shared instances, so checking allocates nothing. */
    public static final SignalCheck VALID = new SignalCheck(true, "");
}
