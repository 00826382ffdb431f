package io.velocity.book;

import java.util.Arrays;

/**
 * One outcome token's order book as primitive arrays indexed by price in units of 0.0001 (the
 * finest CLOB tick), so a level update is an array store: no maps, no boxing, no allocation.
 *
 * <p>Each side keeps sizes in micro-shares per price slot ({@value #SLOTS} slots, prices
 * 0.0000 to 1.0000) plus an occupancy bitset of 64-bit words. The best price is cached; adding a
 * better level updates it in O(1) and removing the best scans the bitset a word (64 prices) at a
 * time to the next occupied level, which is O(1) amortised for real books whose levels cluster
 * near the top. Top-N extraction and depth walks iterate the bitset the same way.
 *
 * <p>Not thread-safe: a book has exactly one writer (the CLOB book feed) and readers receive
 * copies ({@link #topBids}, {@link #topAsks}).
 */
public final class OrderBook {
    /** Highest price in 1e-4 units (1.0000). */
    public static final int MAX_PRICE_E4 = 10_000;
    /** Price slots per side: 0 to {@link #MAX_PRICE_E4} inclusive. */
    public static final int SLOTS = MAX_PRICE_E4 + 1;
    /** Best bid when the bid side is empty. */
    public static final int NO_BID = -1;
    /** Best ask when the ask side is empty. */
    public static final int NO_ASK = SLOTS;

    private static final int WORDS = (SLOTS + 63) >>> 6;

    private final long[] bidSizes = new long[SLOTS];
    private final long[] askSizes = new long[SLOTS];
    private final long[] bidBits = new long[WORDS];
    private final long[] askBits = new long[WORDS];
    private int bestBid = NO_BID;
    private int bestAsk = NO_ASK;
    private int bidLevels;
    private int askLevels;
    private int tickE4 = 100;

    /** Empties both sides (the tick size is kept). */
    public void clear() {
        // Clearing only the occupied words keeps a resync cheap for sparse books.
        clearSide(bidSizes, bidBits);
        clearSide(askSizes, askBits);
        bestBid = NO_BID;
        bestAsk = NO_ASK;
        bidLevels = 0;
        askLevels = 0;
    }

    private static void clearSide(long[] sizes, long[] bits) {
        for (int w = 0; w < WORDS; w++) {
            long word = bits[w];
            while (word != 0) {
                int b = Long.numberOfTrailingZeros(word);
                sizes[(w << 6) + b] = 0;
                word &= word - 1;
            }
            bits[w] = 0;
        }
    }

    /**
     * Sets the total size resting at a price; 0 removes the level (venue semantics: the size in a
     * change is the new total at that price).
     *
     * @param bid        bid side (else ask)
     * @param priceE4    0 to {@link #MAX_PRICE_E4}
     * @param sizeMicros total size in micro-shares, 0 to remove
     * @throws IllegalArgumentException for a price outside the range or a negative size
     */
    public void set(boolean bid, int priceE4, long sizeMicros) {
        if (priceE4 < 0 || priceE4 > MAX_PRICE_E4 || sizeMicros < 0) {
            throw new IllegalArgumentException("level out of range: price " + priceE4 + " size " + sizeMicros);
        }
        if (bid) {
            setBid(priceE4, sizeMicros);
        } else {
            setAsk(priceE4, sizeMicros);
        }
    }

    private void setBid(int p, long size) {
        long old = bidSizes[p];
        bidSizes[p] = size;
        if (size != 0) {
            if (old == 0) {
                bidBits[p >>> 6] |= 1L << p;
                bidLevels++;
                if (p > bestBid) {
                    bestBid = p;
                }
            }
        } else if (old != 0) {
            bidBits[p >>> 6] &= ~(1L << p);
            bidLevels--;
            if (p == bestBid) {
                bestBid = prevSet(bidBits, p - 1);
            }
        }
    }

    private void setAsk(int p, long size) {
        long old = askSizes[p];
        askSizes[p] = size;
        if (size != 0) {
            if (old == 0) {
                askBits[p >>> 6] |= 1L << p;
                askLevels++;
                if (p < bestAsk) {
                    bestAsk = p;
                }
            }
        } else if (old != 0) {
            askBits[p >>> 6] &= ~(1L << p);
            askLevels--;
            if (p == bestAsk) {
                bestAsk = nextSet(askBits, p + 1);
            }
        }
    }

    /** Highest occupied index at or below {@code from}, or {@link #NO_BID}. */
    private static int prevSet(long[] bits, int from) {
        if (from < 0) {
            return NO_BID;
        }
        int w = from >>> 6;
        long word = bits[w] & (-1L >>> (63 - (from & 63)));
        while (true) {
            if (word != 0) {
                return (w << 6) + 63 - Long.numberOfLeadingZeros(word);
            }
            if (--w < 0) {
                return NO_BID;
            }
            word = bits[w];
        }
    }

    /** Lowest occupied index at or above {@code from}, or {@link #NO_ASK}. */
    private static int nextSet(long[] bits, int from) {
        if (from >= SLOTS) {
            return NO_ASK;
        }
        int w = from >>> 6;
        long word = bits[w] & (-1L << (from & 63));
        while (true) {
            if (word != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(word);
            }
            if (++w >= WORDS) {
                return NO_ASK;
            }
            word = bits[w];
        }
    }

    /** Best bid in 1e-4 units, or {@link #NO_BID}. */
    public int bestBid() {
        return bestBid;
    }

    /** Best ask in 1e-4 units, or {@link #NO_ASK}. */
    public int bestAsk() {
        return bestAsk;
    }

    /** Size resting at a price on a side, 0 when none. */
    public long sizeAt(boolean bid, int priceE4) {
        return bid ? bidSizes[priceE4] : askSizes[priceE4];
    }

    /** Number of occupied price levels on a side. */
    public int levels(boolean bid) {
        return bid ? bidLevels : askLevels;
    }

    /** True when the best bid is at or above the best ask: the book missed an update. */
    public boolean crossed() {
        return bestBid != NO_BID && bestAsk != NO_ASK && bestBid >= bestAsk;
    }

    /** The market's tick size in 1e-4 units (1, 10, 100 or 1000). */
    public int tickE4() {
        return tickE4;
    }

    /** Records a tick-size change; resting levels are kept as the venue sent them. */
    public void tickE4(int tick) {
        if (tick <= 0 || tick > MAX_PRICE_E4) {
            throw new IllegalArgumentException("tick size out of range: " + tick);
        }
        this.tickE4 = tick;
    }

    /**
     * Copies up to {@code max} bid levels, best (highest) first.
     *
     * @return the number of levels written
     */
    public int topBids(long[] prices, long[] sizes, int max) {
        int n = 0;
        int p = bestBid;
        int limit = Math.min(max, Math.min(prices.length, sizes.length));
        while (p != NO_BID && n < limit) {
            prices[n] = p;
            sizes[n] = bidSizes[p];
            n++;
            p = prevSet(bidBits, p - 1);
        }
        return n;
    }

    /**
     * Copies up to {@code max} ask levels, best (lowest) first.
     *
     * @return the number of levels written
     */
    public int topAsks(long[] prices, long[] sizes, int max) {
        int n = 0;
        int p = bestAsk;
        int limit = Math.min(max, Math.min(prices.length, sizes.length));
        while (p != NO_ASK && n < limit) {
            prices[n] = p;
            sizes[n] = askSizes[p];
            n++;
            p = nextSet(askBits, p + 1);
        }
        return n;
    }

    /**
     * The average price a taker would pay or receive for {@code sizeMicros}, walking the
     * opposite side from its best level (a buy lifts asks, a sell hits bids).
     *
     * @param takerBuys  true to buy (walk asks), false to sell (walk bids)
     * @param sizeMicros size to fill, positive
     * @return the size-weighted average price in 1e-4 units, or NaN when the side cannot fill it
     */
    public double averageFillPriceE4(boolean takerBuys, long sizeMicros) {
        if (sizeMicros <= 0) {
            throw new IllegalArgumentException("size must be positive: " + sizeMicros);
        }
        long remaining = sizeMicros;
        long notional = 0; // price (1e-4) x size (1e-6): at most 1e4 x 1e12 per level, far from overflow
        if (takerBuys) {
            for (int p = bestAsk; p != NO_ASK && remaining > 0; p = nextSet(askBits, p + 1)) {
                long take = Math.min(remaining, askSizes[p]);
                notional += take * p;
                remaining -= take;
            }
        } else {
            for (int p = bestBid; p != NO_BID && remaining > 0; p = prevSet(bidBits, p - 1)) {
                long take = Math.min(remaining, bidSizes[p]);
                notional += take * p;
                remaining -= take;
            }
        }
        return remaining > 0 ? Double.NaN : (double) notional / sizeMicros;
    }

    /** Total size on a side at prices a taker with this limit could take (asks ≤ limit for a buy, bids ≥ limit for a sell). */
    public long fillableMicros(boolean takerBuys, int limitPriceE4) {
        long total = 0;
        if (takerBuys) {
            for (int p = bestAsk; p != NO_ASK && p <= limitPriceE4; p = nextSet(askBits, p + 1)) {
                total += askSizes[p];
            }
        } else {
            for (int p = bestBid; p != NO_BID && p >= limitPriceE4; p = prevSet(bidBits, p - 1)) {
                total += bidSizes[p];
            }
        }
        return total;
    }

    /** True when both books hold exactly the same levels (for resync checks and tests). */
    public boolean sameLevels(OrderBook other) {
        return bestBid == other.bestBid && bestAsk == other.bestAsk && bidLevels == other.bidLevels
                && askLevels == other.askLevels && Arrays.equals(bidBits, other.bidBits)
                && Arrays.equals(askBits, other.askBits) && Arrays.equals(bidSizes, other.bidSizes)
                && Arrays.equals(askSizes, other.askSizes);
    }

    /** Copies every level and the tick size of {@code other} into this book. */
    public void copyFrom(OrderBook other) {
        System.arraycopy(other.bidSizes, 0, bidSizes, 0, SLOTS);
        System.arraycopy(other.askSizes, 0, askSizes, 0, SLOTS);
        System.arraycopy(other.bidBits, 0, bidBits, 0, WORDS);
        System.arraycopy(other.askBits, 0, askBits, 0, WORDS);
        bestBid = other.bestBid;
        bestAsk = other.bestAsk;
        bidLevels = other.bidLevels;
        askLevels = other.askLevels;
        tickE4 = other.tickE4;
    }

    @Override
    public String toString() {
        return "OrderBook{bid=" + bestBid + " (" + bidLevels + " levels), ask=" + bestAsk + " (" + askLevels
                + " levels), tick=" + tickE4 + "}";
    }
}
