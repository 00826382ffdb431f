package io.velocity.orders;

/** Lifecycle of one order from the engine's point of view. */
public enum OrderState {
    NEW,
    SENT,
    ACKED,
    PARTIALLY_FILLED,
    CANCEL_REQUESTED,
    FILLED,
    CANCELLED,
    REJECTED,
    EXPIRED;

    /** No further lifecycle change is expected (late fills are still recorded). */
    public boolean terminal() {
        return this == FILLED || this == CANCELLED || this == REJECTED || this == EXPIRED;
    }

    /** Still able to trade on the venue. */
    public boolean working() {
        return this == SENT || this == ACKED || this == PARTIALLY_FILLED || this == CANCEL_REQUESTED;
    }
}
