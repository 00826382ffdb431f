package io.velocity.sim.clob;

/** CLOB order types. */
public enum OrderType {
    /** Good till cancelled. */
    GTC,
    /** Good till date. */
    GTD,
    /** Fill or kill. */
    FOK,
    /** Fill and kill. */
    FAK;

    /** Marketable types never rest. */
    public boolean rests() {
        return this == GTC || this == GTD;
    }
}
