package io.velocity.risk;

import io.velocity.config.RiskConfig;

import java.time.Duration;

final class RiskFixtures {
    private RiskFixtures() {
    }

    /** $50 max order, $200 per market, $400 per window, $250 daily loss, 3 losses, 0.15 collar, 5 orders/min. */
    static RiskConfig limits() {
        return new RiskConfig(50_000_000, 200_000_000, 400_000_000, 250_000_000, 3, 0.15, 5,
                Duration.ofSeconds(20), Duration.ofMillis(5), 4.0, 3);
    }
}
