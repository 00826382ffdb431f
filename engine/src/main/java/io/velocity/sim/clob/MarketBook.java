package io.velocity.sim.clob;

import io.velocity.sim.market.SimMarket;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The book of one binary market, kept once in the first (Up) token's prices: a bid for Up at p
 * and a bid for Down at 1 - p are the same liquidity seen from both sides (a Down buyer is an Up
 * seller), so both tokens' books and their matching (including mint and merge matches) come from
 * one pair of sides. Records which levels a batch of operations touched for {@code price_change}.
 */
final class MarketBook {
    final SimMarket market;
    final BookSide bids = new BookSide(true);
    final BookSide asks = new BookSide(false);

    private long[] dirtyPrice = new long[16];
    private boolean[] dirtyBid = new boolean[16];
    private long[] dirtyBefore = new long[16];
    private int dirtyCount;
    boolean traded;
    boolean queued;

    MarketBook(SimMarket market) {
        this.market = market;
    }

    BookSide side(byte upSide) {
        return upSide == OrderPool.BUY ? bids : asks;
    }

    BookSide opposite(byte upSide) {
        return upSide == OrderPool.BUY ? asks : bids;
    }

    /** Remembers a level's size before the first change in this batch. */
    void touch(boolean bid, long price) {
        for (int i = 0; i < dirtyCount; i++) {
            if (dirtyPrice[i] == price && dirtyBid[i] == bid) {
                return;
            }
        }
        if (dirtyCount == dirtyPrice.length) {
            dirtyPrice = Arrays.copyOf(dirtyPrice, dirtyCount * 2);
            dirtyBid = Arrays.copyOf(dirtyBid, dirtyCount * 2);
            dirtyBefore = Arrays.copyOf(dirtyBefore, dirtyCount * 2);
        }
        dirtyPrice[dirtyCount] = price;
        dirtyBid[dirtyCount] = bid;
        dirtyBefore[dirtyCount] = (bid ? bids : asks).totalAt(price);
        dirtyCount++;
    }

    boolean dirty() {
        return dirtyCount > 0 || traded;
    }

    /** The levels whose size differs from the start of the batch; resets the batch. */
    List<LevelChange> drainChanges() {
        List<LevelChange> out = new ArrayList<>(dirtyCount);
        for (int i = 0; i < dirtyCount; i++) {
            long after = (dirtyBid[i] ? bids : asks).totalAt(dirtyPrice[i]);
            if (after != dirtyBefore[i]) {
                out.add(new LevelChange(dirtyBid[i], dirtyPrice[i], after));
            }
        }
        dirtyCount = 0;
        return out;
    }

    /** Best bid of a token (own prices), -1 when none. */
    long bestBid(int outcome) {
        if (outcome == 0) {
            return bids.best();
        }
        long a = asks.best();
        return a < 0 ? -1 : SimMarket.PRICE_ONE - a;
    }

    /** Best ask of a token (own prices), -1 when none. */
    long bestAsk(int outcome) {
        if (outcome == 0) {
            return asks.best();
        }
        long b = bids.best();
        return b < 0 ? -1 : SimMarket.PRICE_ONE - b;
    }

    /** One token's book in wire order. */
    BookSnapshot snapshot(int outcome) {
        if (outcome == 0) {
            return new BookSnapshot(Arrays.copyOf(bids.prices, bids.count), Arrays.copyOf(bids.totals, bids.count),
                    Arrays.copyOf(asks.prices, asks.count), Arrays.copyOf(asks.totals, asks.count));
        }
        // Down bids mirror Up asks (stored descending, so 1 - p comes out ascending) and vice versa.
        return new BookSnapshot(mirror(asks.prices, asks.count), Arrays.copyOf(asks.totals, asks.count),
                mirror(bids.prices, bids.count), Arrays.copyOf(bids.totals, bids.count));
    }

    private static long[] mirror(long[] prices, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = SimMarket.PRICE_ONE - prices[i];
        }
        return out;
    }
}
