package io.velocity.strategy;

/** What one strategy function returned: a Kelly stake, a staleness verdict or a signal check. */
public sealed interface StrategyAnswer permits KellyStake, StalenessResult, SignalCheck {
}
