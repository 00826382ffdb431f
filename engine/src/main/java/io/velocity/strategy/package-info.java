/**
 * Strategy: fair value, edge, fees, Kelly sizing, Allora signal checks, Snipe vs Ladder.
 *
 * <p>{@link io.velocity.strategy.StrategyMath} holds the Kelly, staleness and signal-validation
 * rules in Java; the same rules live in {@code python/strategy.py}, which the engine runs through
 * {@link io.velocity.strategy.python.PythonStrategy} with {@code StrategyMath} as its fallback.
 * Requests ({@link io.velocity.strategy.StrategyRequest}) and results
 * ({@link io.velocity.strategy.StrategyResult}) are immutable values that cross threads.
 */
package io.velocity.strategy;
