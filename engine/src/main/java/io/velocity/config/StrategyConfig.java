package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;

import java.time.Duration;

/**
 * The contents of {@code config/strategies.json}: the tunable parameters the meta-brain may
 * adjust within bounds. Probabilities and fractions are plain doubles: they live inside models.
 */
public record StrategyConfig(
        @Doc(value = "Snipe only when edge exceeds taker fee + gas + this margin", unit = "probability")
        @Range(min = 0, max = 0.5) double snipeThreshold,
        @Doc(value = "Fraction of full Kelly to bet", unit = "fraction") @Range(min = 0, max = 1, minExclusive = true) double kellyFraction,
        @Doc(value = "Largest fraction of bankroll in one order", unit = "fraction") @Range(min = 0, max = 1, minExclusive = true) double maxBankrollFraction,
        @Doc(value = "Weight of a valid Allora signal in the fair probability", unit = "fraction") @Range(min = 0, max = 1) double alloraWeight,
        @Doc(value = "Allora direction must agree with Binance distance-from-open within this many sigmas", unit = "sigma")
        @Range(min = 0) double signalToleranceSigma,
        @Doc(value = "Window of the realized volatility estimate", unit = "duration") @Range(min = 5_000) Duration volatilityWindow,
        @Doc(value = "Lower bound of volatility per sqrt(second), so fair value never divides by ~0", unit = "1/sqrt(s)")
        @Range(min = 0, minExclusive = true) double volatilityFloor,
        Ladder ladder,
        @Doc(value = "Python must answer within this budget or the Java fallback is used", unit = "duration")
        @Range(min = 1) Duration pythonBudget) {

    /** Resting maker orders. */
    public record Ladder(
            @Doc("Resting orders per side") @Range(min = 1, max = 10) int levels,
            @Doc("Ticks between ladder levels") @Range(min = 1, max = 50) int levelSpacingTicks,
            @Doc(value = "Cancel when maker edge falls below this", unit = "probability") @Range(min = 0, max = 0.5) double minMakerEdge,
            @Doc("Cancel when fair value moves more than this many ticks") @Range(min = 1, max = 100) int cancelOnFairMoveTicks,
            @Doc(value = "Cancel resting orders this close to the window's end", unit = "duration") @Range(min = 0) Duration cancelBeforeEnd) {
    }
}
