package io.velocity.sim.clob;

import java.util.Arrays;

/**
 * One side of a book: price levels in a sorted primitive array with the best level last (bids
 * ascending, asks descending, the order the venue's REST {@code /book} prints), each level a FIFO
 * of order handles for price-time priority.
 */
final class BookSide {
    private final boolean bids;
    long[] prices = new long[32];
    long[] totals = new long[32];
    int[] heads = new int[32];
    int[] tails = new int[32];
    int count;

    BookSide(boolean bids) {
        this.bids = bids;
    }

    boolean isBids() {
        return bids;
    }

    /** Sort key: ascending for both sides once asks are negated. */
    private long key(long price) {
        return bids ? price : -price;
    }

    /** Level index of {@code price}, or {@code -(insertion point) - 1}. */
    int indexOf(long price) {
        long k = key(price);
        int lo = 0;
        int hi = count - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long mk = key(prices[mid]);
            if (mk < k) {
                lo = mid + 1;
            } else if (mk > k) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** Best price, or -1 when empty. */
    long best() {
        return count == 0 ? -1 : prices[count - 1];
    }

    long totalAt(long price) {
        int i = indexOf(price);
        return i < 0 ? 0 : totals[i];
    }

    /** Whether {@code price} is at least as good as {@code limit} for a taker on the other side. */
    boolean crosses(long levelPrice, long limit) {
        return bids ? levelPrice >= limit : levelPrice <= limit;
    }

    /** Appends an order at the back of its price level's queue. */
    void append(OrderPool pool, int h) {
        long p = pool.price[h];
        int i = indexOf(p);
        if (i < 0) {
            i = -i - 1;
            if (count == prices.length) {
                int n = count * 2;
                prices = Arrays.copyOf(prices, n);
                totals = Arrays.copyOf(totals, n);
                heads = Arrays.copyOf(heads, n);
                tails = Arrays.copyOf(tails, n);
            }
            System.arraycopy(prices, i, prices, i + 1, count - i);
            System.arraycopy(totals, i, totals, i + 1, count - i);
            System.arraycopy(heads, i, heads, i + 1, count - i);
            System.arraycopy(tails, i, tails, i + 1, count - i);
            prices[i] = p;
            totals[i] = 0;
            heads[i] = -1;
            tails[i] = -1;
            count++;
        }
        pool.prev[h] = tails[i];
        pool.next[h] = -1;
        if (tails[i] >= 0) {
            pool.next[tails[i]] = h;
        } else {
            heads[i] = h;
        }
        tails[i] = h;
        totals[i] += pool.remaining[h];
    }

    /** Unlinks an order (its remaining size leaves the level); drops the level when empty. */
    void remove(OrderPool pool, int h) {
        int i = indexOf(pool.price[h]);
        if (i < 0) {
            throw new IllegalStateException("order " + h + " not on its level");
        }
        int p = pool.prev[h];
        int n = pool.next[h];
        if (p >= 0) {
            pool.next[p] = n;
        } else {
            heads[i] = n;
        }
        if (n >= 0) {
            pool.prev[n] = p;
        } else {
            tails[i] = p;
        }
        pool.prev[h] = -1;
        pool.next[h] = -1;
        totals[i] -= pool.remaining[h];
        if (heads[i] < 0) {
            System.arraycopy(prices, i + 1, prices, i, count - i - 1);
            System.arraycopy(totals, i + 1, totals, i, count - i - 1);
            System.arraycopy(heads, i + 1, heads, i, count - i - 1);
            System.arraycopy(tails, i + 1, tails, i, count - i - 1);
            count--;
        }
    }

    /** Reduces a resting order's size in place (a partial fill keeps its queue position). */
    void reduce(OrderPool pool, int h, long by) {
        int i = indexOf(pool.price[h]);
        totals[i] -= by;
        pool.remaining[h] -= by;
    }
}
