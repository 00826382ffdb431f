package io.velocity.strategy;

import io.velocity.config.StrategyConfig;

import java.time.Duration;

/** Strategy parameters for tests: the shipped defaults with a chosen snipe threshold. */
public final class StrategyFixtures {
    private StrategyFixtures() {
    }

    public static StrategyConfig strategy(double snipeThreshold) {
        return new StrategyConfig(snipeThreshold, 0.25, 0.05, 0.3, 1.5, Duration.ofSeconds(60), 2e-5,
                new StrategyConfig.Ladder(3, 1, 0.005, 2, Duration.ofSeconds(30)), Duration.ofMillis(20));
    }
}
