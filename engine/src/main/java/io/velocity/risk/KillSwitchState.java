package io.velocity.risk;

import java.util.Map;

/**
 * Immutable view of the kill switch for snapshots and the UI.
 *
 * @param halted  true when any layer is engaged
 * @param engaged engaged layers with why and since when
 */
public record KillSwitchState(boolean halted, Map<HaltLayer, Engagement> engaged) {
    public KillSwitchState {
        engaged = Map.copyOf(engaged);
    }

    /** One engaged layer. */
    public record Engagement(HaltLayer layer, String reason, long sinceMillis) {
    }

    /** The reason to show first: the oldest engaged layer's. */
    public String headline() {
        return engaged.values().stream().min(java.util.Comparator.comparingLong(Engagement::sinceMillis))
                .map(e -> e.layer() + ": " + e.reason()).orElse("");
    }
}
