package io.velocity.orders;

/** Venue order types (POLYMARKET.md: GTC, GTD, FOK, FAK). */
public enum TimeInForce {
    /** Rests until cancelled. */
    GTC,
    /** Rests until an expiry. */
    GTD,
    /** Fill completely at once or not at all. */
    FOK,
    /** Fill what is available at once, kill the rest (IOC). */
    FAK;

    public boolean marketable() {
        return this == FOK || this == FAK;
    }
}
