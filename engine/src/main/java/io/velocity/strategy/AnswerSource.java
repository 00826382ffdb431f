package io.velocity.strategy;

/** Who computed a {@link StrategyResult}. */
public enum AnswerSource {
    /** {@code python/strategy.py}, through Jep. */
    PYTHON,
    /** {@link StrategyMath}, because Python was late, failed or is not available. */
    JAVA_FALLBACK
}
