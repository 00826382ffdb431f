package io.velocity.orders;

/** What can happen to an order; drives {@link OrderLifecycle}. */
public enum OrderEvent {
    /** Left the process on a rail. */
    SEND,
    /** The venue accepted it (resting or being matched). */
    ACK,
    /** Refused by risk, the rail or the venue. */
    REJECT,
    /** Part of the remaining size traded. */
    PARTIAL_FILL,
    /** The remaining size traded. */
    FULL_FILL,
    /** We asked the venue to cancel. */
    CANCEL_REQUEST,
    /** The venue confirmed the cancel (or killed a FAK/FOK remainder). */
    CANCELLED,
    /** A GTD order timed out. */
    EXPIRE
}
