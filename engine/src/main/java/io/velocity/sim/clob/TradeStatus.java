package io.velocity.sim.clob;

/** Settlement states of a matched trade, as the user channel reports them. */
public enum TradeStatus {
    MATCHED, MINED, CONFIRMED, RETRYING, FAILED
}
