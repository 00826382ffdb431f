package io.velocity.execution.clob;

/**
 * Why a Rail A request failed as a rail (not as an order). These are failover-eligible; an order
 * error (a 4xx validation refusal) is never one of them.
 */
public enum RailFailure {
    /** No answer within the request timeout: the venue may or may not have processed it. */
    TIMEOUT(true),
    /** The connection could not be opened: the request never left this machine. */
    CONNECT(false),
    /** The connection broke after the request was written: the venue may have processed it. */
    CONNECTION_LOST(true),
    /** HTTP 5xx: the venue failed; whether it processed the request is not certain. */
    SERVER_ERROR(true),
    /** HTTP 429: refused by the rate limiter before processing. */
    RATE_LIMITED(false),
    /** A 2xx answer that could not be read: processed, outcome unknown. */
    MALFORMED(true);

    private final boolean mayHaveReachedVenue;

    RailFailure(boolean mayHaveReachedVenue) {
        this.mayHaveReachedVenue = mayHaveReachedVenue;
    }

    /**
     * True when the venue may have acted on the request. False only when it certainly did not
     * (never connected, or refused by the rate limiter), which is what lets a failed order fail
     * over without first proving it is dead.
     */
    public boolean mayHaveReachedVenue() {
        return mayHaveReachedVenue;
    }
}
