package io.velocity.config;

/** How Velocity trades (DESIGN.md §3). */
public enum Mode {
    /** Simulated fills; no keys needed. */
    PAPER,
    /** Real orders with an unlocked keystore. */
    LIVE,
    /** A recorded session or a past window through the engine. */
    REPLAY
}
