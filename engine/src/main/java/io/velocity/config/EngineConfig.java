package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Money;
import io.velocity.config.schema.Range;

import java.time.Duration;

/** The engine thread, its ring and paper-trading accounting. */
public record EngineConfig(
        @Doc("Slots in the inbound event ring (a power of two)") @Range(min = 1024, max = 1_048_576) int ringSize,
        @Doc("How the engine thread waits for events: blocking (frees the CPU), yielding or busy-spin (lowest latency, burns a core)")
        WaitStrategyKind waitStrategy,
        @Doc(value = "Longest time between two published snapshots", unit = "duration") @Range(min = 10, max = 1_000) Duration snapshotInterval,
        @Doc(value = "Re-evaluate every market at least this often (fair value decays with time)", unit = "duration")
        @Range(min = 10, max = 5_000) Duration evaluationInterval,
        @Doc("Book levels per side the engine keeps for depth-aware pricing") @Range(min = 1, max = 50) int bookLevels,
        @Doc(value = "Starting bankroll in paper mode", unit = "USD") @Money @Range(min = 0, minExclusive = true) long paperBankrollUsd,
        @Doc(value = "Gas cost charged to each trade (redemption, Rail B)", unit = "USD") @Money @Range(min = 0) long gasPerTradeUsd,
        @Doc("Who sizes trades: python (strategy.py via Jep on its own thread, Java fallback past the budget) or java")
        SizingKind sizing) {

    public EngineConfig {
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two, was " + ringSize);
        }
    }

    /** Where Kelly sizing runs. */
    public enum SizingKind {
        PYTHON,
        JAVA
    }

    /** Disruptor wait strategies offered to the trader. */
    public enum WaitStrategyKind {
        BLOCKING,
        YIELDING,
        BUSY_SPIN
    }
}
