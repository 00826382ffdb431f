package io.velocity.strategy;

/** Why a {@link StrategyResult} came from the Java fallback. */
public enum FallbackReason {
    /** Not a fallback: Python answered in time. */
    NONE,
    /** Python had not answered within the budget ({@code strategies.json pythonBudget}). */
    TIMEOUT,
    /** Python raised, or returned something that is not the documented answer. */
    ERROR,
    /** Jep or the Python venv is not available, or the bridge is closed. */
    UNAVAILABLE
}
