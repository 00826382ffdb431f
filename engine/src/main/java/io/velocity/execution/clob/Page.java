package io.velocity.execution.clob;

import java.util.List;

/**
 * One page of a cursor-paginated venue list ({@code /data/orders}, {@code /data/trades}): the
 * first page is asked for with {@link #FIRST}, the last one answers {@link #END}.
 *
 * @param items      this page's entries
 * @param nextCursor the cursor of the next page
 * @param <T>        entry type
 */
public record Page<T>(List<T> items, String nextCursor) {
    /** The cursor of the first page. */
    public static final String FIRST = "MA==";
    /** The cursor the venue answers after the last page. */
    public static final String END = "LTE=";

    public Page {
        items = List.copyOf(items);
    }

    public boolean last() {
        return nextCursor == null || nextCursor.isEmpty() || END.equals(nextCursor);
    }
}
