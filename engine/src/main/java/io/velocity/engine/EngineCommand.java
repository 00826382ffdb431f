package io.velocity.engine;

import io.velocity.config.Config;
import io.velocity.risk.HaltLayer;

/** Commands from the workstation, the CLI or other threads; they travel on the ring like any event. */
public sealed interface EngineCommand {
    /** Engage the manual kill switch (the rail flag is already flipped by the caller) and cancel resting orders. */
    record Halt(String reason) implements EngineCommand {
    }

    /** Release one layer (or all when {@code layer} is null) with a reason and who. */
    record Release(HaltLayer layer, String reason, String actor) implements EngineCommand {
    }

    /** Cancel every working order. */
    record CancelAll(String reason) implements EngineCommand {
    }

    /** Cancel everything and sell every position at the best bid. */
    record Flatten(String reason) implements EngineCommand {
    }

    /** A new configuration generation took effect. */
    record ApplyConfig(Config config) implements EngineCommand {
    }

    /** A market resolved (from the chain, the venue or the paper resolver). */
    record Resolve(String conditionId, boolean resolvedUp, String source) implements EngineCommand {
    }

    /** Start the latency histograms afresh (after a warm-up, or when a trader wants a clean window). */
    record ResetLatencyStats() implements EngineCommand {
    }

    /** Replace the cash balance with an external truth (chain balance after reconciliation). */
    record SetBankroll(long micros, String source) implements EngineCommand {
    }
}
