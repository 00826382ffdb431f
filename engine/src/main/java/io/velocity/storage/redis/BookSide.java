package io.velocity.storage.redis;

/** A side of an order book. */
public enum BookSide {
    BIDS("bids"),
    ASKS("asks");

    private final String field;

    BookSide(String field) {
        this.field = field;
    }

    /** The name used in keys and hash fields. */
    public String field() {
        return field;
    }
}
