package io.velocity.execution;

/** Which execution step a trade-log row records (the {@code trade_logs.stage} the orchestrator writes). */
public enum ExecutionStage {
    /** The order left on a rail. */
    SUBMIT,
    /** The venue or chain accepted it. */
    ACK,
    /** Shares matched. */
    FILL,
    /** A resting order was cancelled, or a marketable remainder killed. */
    CANCEL,
    /** The venue, the chain or the kill switch refused it, or a rail failed. */
    REJECT,
    /** The intent moved from Rail A to Rail B (or could not, and why). */
    FAILOVER
}
