package io.velocity.marketdata.parse;

/**
 * A venue message that cannot be decoded. Thrown by the parsers before any part of the message
 * reached a handler, so a rejected message is never half-applied. The message names the problem
 * (e.g. {@code "price_change entry 2: missing price"}); it never carries credentials.
 */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String kind;

    /**
     * @param kind    the message kind, for per-kind counting (e.g. {@code price_change}, {@code book})
     * @param problem what is wrong
     */
    public MalformedMessageException(String kind, String problem) {
        // No stack trace: this is an expected outcome on a hot path, not a bug.
        super(problem, null, false, false);
        this.kind = kind;
    }

    /** The message kind, e.g. {@code price_change}; {@code unknown} when the type could not be read. */
    public String kind() {
        return kind;
    }
}
