package io.velocity.marketdata.clob;

import io.velocity.marketdata.parse.Decimals;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * An independent reference of one token's venue-side book (sorted maps, not our arrays) that
 * emits wire messages in the current layout: {@code book} snapshots and {@code price_change}s
 * whose entries carry the hash and best prices after the change, like the venue.
 */
final class VenueBookModel {
    final String tokenId;
    final String market;
    final TreeMap<Integer, Long> bids = new TreeMap<>();
    final TreeMap<Integer, Long> asks = new TreeMap<>();
    long seq;
    long timestamp = 1_760_000_000_000L;

    VenueBookModel(String tokenId, String market) {
        this.tokenId = tokenId;
        this.market = market;
    }

    String hash() {
        return "h" + tokenId.hashCode() + "-" + seq;
    }

    /** Applies a random change that keeps the book uncrossed and returns its price_change frame. */
    String randomChange(Random rnd) {
        boolean bid = rnd.nextBoolean();
        int price;
        if (bid) {
            int maxBid = asks.isEmpty() ? 9999 : asks.firstKey() - 1;
            price = Math.max(1, maxBid - rnd.nextInt(Math.min(maxBid, 300)));
        } else {
            int minAsk = bids.isEmpty() ? 1 : bids.lastKey() + 1;
            price = Math.min(9999, minAsk + rnd.nextInt(Math.max(1, Math.min(10_000 - minAsk, 300))));
        }
        TreeMap<Integer, Long> side = bid ? bids : asks;
        long size = side.containsKey(price) && rnd.nextInt(3) == 0 ? 0 : (1 + rnd.nextInt(50_000)) * 10_000L;
        return change(bid, price, size);
    }

    String change(boolean bid, int price, long size) {
        TreeMap<Integer, Long> side = bid ? bids : asks;
        if (size == 0) {
            side.remove(price);
        } else {
            side.put(price, size);
        }
        seq++;
        timestamp += seq % 3 == 0 ? 1 : 0; // several changes share a millisecond, like the venue
        return "{\"market\":\"" + market + "\",\"price_changes\":[{\"asset_id\":\"" + tokenId + "\",\"price\":\""
                + Decimals.format(price, 4) + "\",\"size\":\"" + Decimals.format(size, 6) + "\",\"side\":\""
                + (bid ? "BUY" : "SELL") + "\",\"hash\":\"" + hash() + "\",\"best_bid\":\""
                + Decimals.format(bids.isEmpty() ? 0 : bids.lastKey(), 4) + "\",\"best_ask\":\""
                + Decimals.format(asks.isEmpty() ? 10_000 : asks.firstKey(), 4) + "\"}],\"timestamp\":\""
                + timestamp + "\",\"event_type\":\"price_change\"}";
    }

    /** The current book as a REST {@code /book} reply (best level last). */
    String snapshot() {
        StringBuilder sb = new StringBuilder("{\"market\":\"" + market + "\",\"asset_id\":\"" + tokenId
                + "\",\"timestamp\":\"" + timestamp + "\",\"hash\":\"" + hash() + "\",\"bids\":[");
        levels(sb, bids, false);
        sb.append("],\"asks\":[");
        levels(sb, asks, true);
        return sb.append("],\"tick_size\":\"0.01\",\"min_order_size\":\"5\",\"neg_risk\":false,\"last_trade_price\":\"\"}").toString();
    }

    private static void levels(StringBuilder sb, TreeMap<Integer, Long> side, boolean descending) {
        boolean first = true;
        for (Map.Entry<Integer, Long> e : (descending ? side.descendingMap() : side).entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append("{\"price\":\"").append(Decimals.format(e.getKey(), 4)).append("\",\"size\":\"")
                    .append(Decimals.format(e.getValue(), 6)).append("\"}");
        }
    }

    /** True when {@code book} holds exactly this model's levels. */
    boolean matches(io.velocity.book.OrderBook book) {
        if (book.levels(true) != bids.size() || book.levels(false) != asks.size()) {
            return false;
        }
        for (Map.Entry<Integer, Long> e : bids.entrySet()) {
            if (book.sizeAt(true, e.getKey()) != e.getValue()) {
                return false;
            }
        }
        for (Map.Entry<Integer, Long> e : asks.entrySet()) {
            if (book.sizeAt(false, e.getKey()) != e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
