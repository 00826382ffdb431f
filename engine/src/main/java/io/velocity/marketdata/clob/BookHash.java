package io.velocity.marketdata.clob;

import io.velocity.book.OrderBook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The CLOB's book hash as the official client library computes it: SHA-1 (hex) of the compact
 * JSON order-book summary with an empty {@code hash} field, keys in the order
 * {@code market, asset_id, timestamp, hash, bids, asks, min_order_size, tick_size, neg_risk,
 * last_trade_price}, levels best-last, prices with the tick's decimals and sizes without
 * trailing zeros. Whether the live venue's stream hashes reproduce this exactly is not
 * documented, so {@link ClobBooks} treats it as self-calibrating (see there). Reuses its
 * buffers: one instance per owner thread.
 */
final class BookHash {
    private final StringBuilder sb = new StringBuilder(4096);
    private final long[] prices = new long[OrderBook.SLOTS];
    private final long[] sizes = new long[OrderBook.SLOTS];
    private final MessageDigest sha1;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    BookHash() {
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 missing from the JDK", e);
        }
    }

    /**
     * @param lastTradePriceE4 -1 when nothing traded (written as {@code ""})
     */
    String hash(String market, String assetId, long timestampMillis, OrderBook book, long minOrderSizeMicros,
                boolean negRisk, long lastTradePriceE4) {
        int digits = tickDigits(book.tickE4());
        sb.setLength(0);
        sb.append("{\"market\":\"").append(market).append("\",\"asset_id\":\"").append(assetId)
                .append("\",\"timestamp\":\"").append(timestampMillis).append("\",\"hash\":\"\",\"bids\":[");
        int n = book.topBids(prices, sizes, OrderBook.SLOTS);
        for (int i = n - 1; i >= 0; i--) { // best last
            level(prices[i], sizes[i], digits, i == n - 1);
        }
        sb.append("],\"asks\":[");
        n = book.topAsks(prices, sizes, OrderBook.SLOTS);
        for (int i = n - 1; i >= 0; i--) {
            level(prices[i], sizes[i], digits, i == n - 1);
        }
        sb.append("],\"min_order_size\":\"");
        minimal(minOrderSizeMicros, 6);
        sb.append("\",\"tick_size\":\"");
        minimal(book.tickE4(), 4);
        sb.append("\",\"neg_risk\":").append(negRisk).append(",\"last_trade_price\":\"");
        if (lastTradePriceE4 >= 0) {
            fixed(lastTradePriceE4, digits);
        }
        sb.append("\"}");
        byte[] digest = sha1.digest(sb.toString().getBytes(StandardCharsets.US_ASCII));
        char[] hex = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 15];
            hex[2 * i + 1] = HEX[digest[i] & 15];
        }
        return new String(hex);
    }

    private void level(long price, long size, int digits, boolean first) {
        if (!first) {
            sb.append(',');
        }
        sb.append("{\"price\":\"");
        fixed(price, digits);
        sb.append("\",\"size\":\"");
        minimal(size, 6);
        sb.append("\"}");
    }

    static int tickDigits(int tickE4) {
        int d = 4;
        int t = tickE4;
        while (t >= 10 && t % 10 == 0) {
            t /= 10;
            d--;
        }
        return d;
    }

    /** A price in 1e-4 units with exactly {@code digits} decimals (truncating finer digits). */
    private void fixed(long e4, int digits) {
        sb.append(e4 / 10_000);
        if (digits == 0) {
            return;
        }
        sb.append('.');
        long frac = e4 % 10_000;
        long div = 1000;
        for (int i = 0; i < digits; i++) {
            sb.append((char) ('0' + frac / div % 10));
            div /= 10;
        }
    }

    /** A fixed-point value without trailing zeros ({@code 18250000, 6 -> "18.25"}). */
    private void minimal(long value, int scale) {
        long unit = 1;
        for (int i = 0; i < scale; i++) {
            unit *= 10;
        }
        sb.append(value / unit);
        long frac = value % unit;
        if (frac == 0) {
            return;
        }
        int digits = scale;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        sb.append('.');
        String f = Long.toString(frac);
        for (int i = f.length(); i < digits; i++) {
            sb.append('0');
        }
        sb.append(f);
    }
}
