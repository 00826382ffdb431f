package io.velocity.storage.journal;

/** Which step of a trade's life a trade-log row describes. */
public enum TradeStage {
    /** The strategy decided (or declined) to act on an edge. */
    DECISION,
    /** An order was sent on a rail. */
    SUBMIT,
    /** The venue or chain accepted the order. */
    ACK,
    /** Shares were matched (partially or fully). */
    FILL,
    /** A resting order was cancelled (ladder edge degraded, window ending, kill switch). */
    CANCEL,
    /** The venue, the chain or a risk check refused the order. */
    REJECT,
    /** The intent moved from Rail A to Rail B. */
    FAILOVER,
    /** The fill settled on chain (or failed to). */
    SETTLE
}
