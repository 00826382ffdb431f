package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Money;
import io.velocity.config.schema.Range;

import java.time.Duration;

/** Pre-trade limits and automatic kill-switch thresholds (DESIGN.md §5). */
public record RiskConfig(
        @Doc(value = "Largest single order", unit = "USD") @Money @Range(min = 0, minExclusive = true) long maxOrderUsd,
        @Doc(value = "Largest position in one market", unit = "USD") @Money @Range(min = 0, minExclusive = true) long maxPositionPerMarketUsd,
        @Doc(value = "Largest total position across one window", unit = "USD") @Money @Range(min = 0, minExclusive = true) long maxPositionPerWindowUsd,
        @Doc(value = "Loss in one UTC day that halts trading", unit = "USD") @Money @Range(min = 0, minExclusive = true) long dailyLossLimitUsd,
        @Doc("Consecutive losing trades that halt trading") @Range(min = 1, max = 1_000) int maxConsecutiveLosses,
        @Doc(value = "Orders priced further than this from fair value are refused", unit = "probability")
        @Range(min = 0, max = 1, minExclusive = true) double priceCollar,
        @Doc(value = "Most orders sent per minute", unit = "orders/min") @Range(min = 1, max = 100_000) int maxOrdersPerMinute,
        @Doc(value = "No new risk this close to a window's end", unit = "duration") @Range(min = 0) Duration noNewRiskBeforeEnd,
        @Doc(value = "Tick-to-intent p99 above this halts trading", unit = "duration") @Range(min = 1) Duration maxTickToIntentLatency,
        @Doc(value = "Realized volatility above this multiple of its daily median halts trading", unit = "x")
        @Range(min = 1) double volatilityHaltMultiple,
        @Doc("Consecutive rail failures that halt trading") @Range(min = 1, max = 1_000) int maxRailFailures) {
}
