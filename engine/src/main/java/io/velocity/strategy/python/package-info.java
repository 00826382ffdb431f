/**
 * The bridge to {@code python/strategy.py}: one dedicated thread embeds CPython through Jep and
 * answers {@link io.velocity.strategy.StrategyRequest}s; a deadline watchdog answers with
 * {@link io.velocity.strategy.StrategyMath} whenever Python is late, fails or is missing.
 * Entry point: {@link io.velocity.strategy.python.PythonStrategy}.
 */
package io.velocity.strategy.python;
