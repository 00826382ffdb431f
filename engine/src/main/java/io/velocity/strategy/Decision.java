package io.velocity.strategy;

/** What the strategy wants to do in a market right now. */
public enum Decision {
    /** Take liquidity now (FOK/FAK): edge beats fee + gas + the snipe threshold. */
    SNIPE,
    /** Rest maker orders below fair value: no fee, positive maker edge. */
    LADDER,
    /** Nothing; see {@link NoTradeReason}. */
    NONE
}
