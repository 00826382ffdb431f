package io.velocity.strategy;

/**
 * One call of a strategy function, as an immutable value that can cross threads: the engine
 * submits it to {@link io.velocity.strategy.python.PythonStrategy}, which answers it in Python
 * or, failing that, with {@link #answerInJava()}.
 */
public sealed interface StrategyRequest permits KellyRequest, StalenessRequest, SignalRequest {

    /** The same answer computed by {@link StrategyMath}, the Java fallback. */
    StrategyAnswer answerInJava();
}
