package io.velocity.telemetry;

/** Coarse state of one component, ordered from best to worst. */
public enum HealthState {
    UP,
    DEGRADED,
    DOWN,
    UNKNOWN
}
