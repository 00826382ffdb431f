package io.velocity.marketdata.clob;

import java.util.Arrays;

/**
 * One decoded CLOB market-channel event (or a REST {@code /book} reply), reused from message
 * to message so parsing allocates nothing in the steady state. A handler must copy what it
 * keeps: the next message overwrites this object.
 *
 * <p>Prices are in 1e-4 units, sizes in micro-shares; -1 marks an absent optional number.
 */
public final class ClobMessage {

    /** The event kinds of the market channel. */
    public enum Type {
        BOOK("book"),
        PRICE_CHANGE("price_change"),
        TICK_SIZE_CHANGE("tick_size_change"),
        LAST_TRADE_PRICE("last_trade_price"),
        BEST_BID_ASK("best_bid_ask"),
        NEW_MARKET("new_market"),
        MARKET_RESOLVED("market_resolved");

        private final String wire;

        Type(String wire) {
            this.wire = wire;
        }

        /** The {@code event_type} value on the wire. */
        public String wire() {
            return wire;
        }
    }

    /**
     * The {@code price_change} layouts seen over time. All carry the same information (the new
     * total size at one price of one side) and are accepted; a message mixing them is rejected.
     */
    public enum PriceChangeFormat {
        /** Since late 2025: {@code price_changes[]}, each entry with its own asset, hash and best prices. */
        PRICE_CHANGES,
        /** Mid-2025: top-level {@code asset_id} and {@code hash} with a {@code changes[]} array. */
        CHANGES_ARRAY,
        /** 2024: one level at the top level ({@code asset_id, price, side, size, hash}). */
        FLAT
    }

    Type type;
    String assetId;
    String market;
    long timestampMillis = -1;
    char[] hashBuf = new char[64];
    int hashLength = -1;

    // book
    final LevelList bids = new LevelList();
    final LevelList asks = new LevelList();
    int tickE4;
    long minOrderSizeMicros = -1;
    int negRisk = -1;
    long lastTradePriceE4 = -1;

    // price_change
    PriceChangeFormat format;
    int changeCount;
    String[] changeAsset = new String[4];
    int[] changePrice = new int[4];
    long[] changeSize = new long[4];
    boolean[] changeBid = new boolean[4];
    int[] changeBestBid = new int[4];
    int[] changeBestAsk = new int[4];
    int[] changeHashOff = new int[4];
    int[] changeHashLen = new int[4];
    char[] changeHashes = new char[256];
    int changeHashesUsed;

    // scalar events
    int priceE4 = -1;
    long sizeMicros = -1;
    int side = -1; // 1 buy, 0 sell
    int bestBidE4 = -1;
    int bestAskE4 = -1;
    int oldTickE4;
    int newTickE4;
    int feeRateBps = -1;
    String winningAssetId;
    String unknownEventType;

    void reset() {
        type = null;
        assetId = null;
        market = null;
        timestampMillis = -1;
        hashLength = -1;
        bids.clear();
        asks.clear();
        tickE4 = 0;
        minOrderSizeMicros = -1;
        negRisk = -1;
        lastTradePriceE4 = -1;
        format = null;
        changeCount = 0;
        changeHashesUsed = 0;
        priceE4 = -1;
        sizeMicros = -1;
        side = -1;
        bestBidE4 = -1;
        bestAskE4 = -1;
        oldTickE4 = 0;
        newTickE4 = 0;
        feeRateBps = -1;
        winningAssetId = null;
        unknownEventType = null;
    }

    int addChange() {
        if (changeCount == changeAsset.length) {
            int n = changeCount * 2;
            changeAsset = Arrays.copyOf(changeAsset, n);
            changePrice = Arrays.copyOf(changePrice, n);
            changeSize = Arrays.copyOf(changeSize, n);
            changeBid = Arrays.copyOf(changeBid, n);
            changeBestBid = Arrays.copyOf(changeBestBid, n);
            changeBestAsk = Arrays.copyOf(changeBestAsk, n);
            changeHashOff = Arrays.copyOf(changeHashOff, n);
            changeHashLen = Arrays.copyOf(changeHashLen, n);
        }
        int i = changeCount++;
        changeAsset[i] = null;
        changePrice[i] = -1;
        changeSize[i] = -1;
        changeBid[i] = false;
        changeBestBid[i] = -1;
        changeBestAsk[i] = -1;
        changeHashLen[i] = -1;
        return i;
    }

    void setChangeHash(int i, char[] buf, int off, int len) {
        if (changeHashesUsed + len > changeHashes.length) {
            changeHashes = Arrays.copyOf(changeHashes, Math.max(changeHashes.length * 2, changeHashesUsed + len));
        }
        System.arraycopy(buf, off, changeHashes, changeHashesUsed, len);
        changeHashOff[i] = changeHashesUsed;
        changeHashLen[i] = len;
        changeHashesUsed += len;
    }

    void setHash(char[] buf, int off, int len) {
        if (hashBuf.length < len) {
            hashBuf = new char[len];
        }
        System.arraycopy(buf, off, hashBuf, 0, len);
        hashLength = len;
    }

    /** The event kind. */
    public Type type() {
        return type;
    }

    /** Token id ({@code asset_id}); null for market-level events. */
    public String assetId() {
        return assetId;
    }

    /** Condition id ({@code market}); may be null. */
    public String market() {
        return market;
    }

    /** Venue time in epoch ms, -1 when absent. */
    public long timestampMillis() {
        return timestampMillis;
    }

    /** The book hash of a {@code book} message or REST reply, null when absent. */
    public String hash() {
        return hashLength < 0 ? null : new String(hashBuf, 0, hashLength);
    }

    /** True when this message's hash equals {@code other} (no allocation). */
    public boolean hashEquals(CharSequence other) {
        return other != null && hashLength >= 0 && contentEquals(hashBuf, 0, hashLength, other);
    }

    /** Bid levels of a {@code book}. */
    public LevelList bids() {
        return bids;
    }

    /** Ask levels of a {@code book}. */
    public LevelList asks() {
        return asks;
    }

    /** Tick size of a snapshot in 1e-4 units, 0 when absent (book refreshes omit it). */
    public int tickE4() {
        return tickE4;
    }

    /** Minimum order size of a REST snapshot in micro-shares, -1 when absent. */
    public long minOrderSizeMicros() {
        return minOrderSizeMicros;
    }

    /** 1 neg-risk, 0 not, -1 absent. */
    public int negRisk() {
        return negRisk;
    }

    /** Last trade price of a snapshot, -1 when absent or empty. */
    public long lastTradePriceE4() {
        return lastTradePriceE4;
    }

    /** Which {@code price_change} layout this message used. */
    public PriceChangeFormat format() {
        return format;
    }

    /** Number of level changes in a {@code price_change}. */
    public int changeCount() {
        return changeCount;
    }

    public String changeAsset(int i) {
        return changeAsset[i];
    }

    public int changePriceE4(int i) {
        return changePrice[i];
    }

    /** New total size at the price; 0 removes the level. */
    public long changeSizeMicros(int i) {
        return changeSize[i];
    }

    /** True for a bid (BUY) level. */
    public boolean changeIsBid(int i) {
        return changeBid[i];
    }

    /** Best bid after the change, -1 when the format has none; 0 means an empty bid side. */
    public int changeBestBidE4(int i) {
        return changeBestBid[i];
    }

    /** Best ask after the change, -1 when the format has none; 10000 means an empty ask side. */
    public int changeBestAskE4(int i) {
        return changeBestAsk[i];
    }

    /** The book hash after change {@code i}, null when absent. */
    public String changeHash(int i) {
        return changeHashLen[i] < 0 ? null : new String(changeHashes, changeHashOff[i], changeHashLen[i]);
    }

    /** True when change {@code i}'s hash equals {@code other} (no allocation). */
    public boolean changeHashEquals(int i, CharSequence other) {
        return other != null && changeHashLen[i] >= 0
                && contentEquals(changeHashes, changeHashOff[i], changeHashLen[i], other);
    }

    /** Price of a {@code last_trade_price}. */
    public int priceE4() {
        return priceE4;
    }

    /** Size of a {@code last_trade_price}, -1 when absent. */
    public long sizeMicros() {
        return sizeMicros;
    }

    /** 1 BUY, 0 SELL, -1 absent. */
    public int side() {
        return side;
    }

    /** Best bid of a {@code best_bid_ask}. */
    public int bestBidE4() {
        return bestBidE4;
    }

    /** Best ask of a {@code best_bid_ask}. */
    public int bestAskE4() {
        return bestAskE4;
    }

    public int oldTickE4() {
        return oldTickE4;
    }

    public int newTickE4() {
        return newTickE4;
    }

    /** Fee rate of a {@code last_trade_price}, 0 when absent. */
    public int feeRateBps() {
        return Math.max(feeRateBps, 0);
    }

    /** Winning token of a {@code market_resolved}, null when absent. */
    public String winningAssetId() {
        return winningAssetId;
    }

    private static boolean contentEquals(char[] buf, int off, int len, CharSequence s) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf[off + i] != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A growable list of (price, size) levels. */
    public static final class LevelList {
        private int[] prices = new int[64];
        private long[] sizes = new long[64];
        private int count;
        boolean present;

        void clear() {
            count = 0;
            present = false;
        }

        void add(int price, long size) {
            if (count == prices.length) {
                prices = Arrays.copyOf(prices, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
            }
            prices[count] = price;
            sizes[count] = size;
            count++;
        }

        public int count() {
            return count;
        }

        public int priceE4(int i) {
            return prices[i];
        }

        public long sizeMicros(int i) {
            return sizes[i];
        }
    }
}
