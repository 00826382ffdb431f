package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;

import java.time.Duration;

/**
 * Message-age thresholds per feed. A feed with no message for {@code staleAfter} is stale; one
 * that stays connected but silent for {@code frozenAfter} is frozen (the silent-socket failure).
 */
public record FeedHealthConfig(
        Thresholds binance,
        Thresholds clobMarket,
        Thresholds clobUser,
        Thresholds allora,
        Thresholds gamma) {

    /** Age thresholds of one feed. */
    public record Thresholds(
            @Doc(value = "Age after which the feed is stale", unit = "duration") @Range(min = 1) Duration staleAfter,
            @Doc(value = "Age after which a connected feed is frozen", unit = "duration") @Range(min = 1) Duration frozenAfter) {

        public Thresholds {
            if (frozenAfter.compareTo(staleAfter) < 0) {
                throw new IllegalArgumentException("frozenAfter must be >= staleAfter");
            }
        }
    }
}
