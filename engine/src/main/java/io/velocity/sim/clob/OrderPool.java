package io.velocity.sim.clob;

import java.util.Arrays;

/**
 * Every resting order's hot fields in parallel primitive arrays, addressed by an int handle.
 * Prices are in 1e-4 units of the market's first (Up) token; sizes in micro-shares. Handles are
 * recycled through a free list. Owned by the simulator loop thread.
 */
final class OrderPool {
    static final byte BUY = 0;
    static final byte SELL = 1;

    long[] price = new long[256];
    long[] remaining = new long[256];
    long[] reserved = new long[256];
    long[] seq = new long[256];
    long[] expiresAt = new long[256];
    int[] next = new int[256];
    int[] prev = new int[256];
    int[] account = new int[256];
    int[] market = new int[256];
    /** Side in Up-token terms: what the order does to the book. */
    byte[] upSide = new byte[256];
    /** Outcome index of the token the order was placed on. */
    byte[] outcome = new byte[256];
    boolean[] live = new boolean[256];
    /** Reporting metadata for venue users' orders; null for liquidity providers. */
    OrderInfo[] info = new OrderInfo[256];

    private int[] free = new int[256];
    private int freeCount;
    private int size;

    int allocate() {
        int h;
        if (freeCount > 0) {
            h = free[--freeCount];
        } else {
            if (size == price.length) {
                grow();
            }
            h = size++;
        }
        next[h] = -1;
        prev[h] = -1;
        live[h] = true;
        info[h] = null;
        return h;
    }

    void release(int h) {
        live[h] = false;
        info[h] = null;
        if (freeCount == free.length) {
            free = Arrays.copyOf(free, free.length * 2);
        }
        free[freeCount++] = h;
    }

    /** Own-side of the order on its token. */
    byte ownSide(int h) {
        return outcome[h] == 0 ? upSide[h] : (byte) (1 - upSide[h]);
    }

    private void grow() {
        int n = price.length * 2;
        price = Arrays.copyOf(price, n);
        remaining = Arrays.copyOf(remaining, n);
        reserved = Arrays.copyOf(reserved, n);
        seq = Arrays.copyOf(seq, n);
        expiresAt = Arrays.copyOf(expiresAt, n);
        next = Arrays.copyOf(next, n);
        prev = Arrays.copyOf(prev, n);
        account = Arrays.copyOf(account, n);
        market = Arrays.copyOf(market, n);
        upSide = Arrays.copyOf(upSide, n);
        outcome = Arrays.copyOf(outcome, n);
        live = Arrays.copyOf(live, n);
        info = Arrays.copyOf(info, n);
    }
}
