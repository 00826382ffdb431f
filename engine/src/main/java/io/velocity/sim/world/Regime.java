package io.velocity.sim.world;

/** Volatility regime of an asset. */
public enum Regime {
    CALM, NORMAL, STORM
}
