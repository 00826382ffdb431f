package io.velocity.marketdata.clob;

import io.velocity.marketdata.BookTop;

/**
 * Where the book feed copies its books for other readers (Redis ZSETs). Implementations must
 * return at once (queue, conflate, write asynchronously): the caller is the book feed thread.
 */
@FunctionalInterface
public interface BookMirror {
    /** Mirrors the newest top of a book; may be conflated with later calls for the same token. */
    void mirror(BookTop top);

    /** Mirrors nothing. */
    BookMirror NONE = top -> { };
}
