package io.velocity.storage.redis;

/**
 * One price level of a mirrored book.
 *
 * @param priceMicros micro-USD per share
 * @param sizeMicros  shares × 10⁶ resting at that price
 */
public record BookLevel(long priceMicros, long sizeMicros) {

    /** The sorted-set member: {@code <priceMicros>:<sizeMicros>}. */
    String member() {
        return priceMicros + ":" + sizeMicros;
    }

    static BookLevel parse(String member) {
        int colon = member.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not a book level member: '" + member + "'");
        }
        return new BookLevel(Long.parseLong(member, 0, colon, 10), Long.parseLong(member, colon + 1, member.length(), 10));
    }
}
