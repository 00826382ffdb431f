package io.velocity.storage.journal;

/** The execution rail a step used. */
public enum Rail {
    /** No order was sent (a decision row, a risk rejection). */
    NONE,
    /** Rail A: the CLOB API. */
    A,
    /** Rail B: a direct contract call. */
    B
}
