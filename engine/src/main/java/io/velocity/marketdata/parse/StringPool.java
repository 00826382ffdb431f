package io.velocity.marketdata.parse;

/**
 * Canonical strings for identifiers that repeat in every message (token ids, condition ids,
 * symbols), looked up by content straight from a parser's character buffer so the steady state
 * allocates nothing. Not thread-safe: each parser owns one. When the table fills it is cleared,
 * which only costs a few re-allocations.
 */
public final class StringPool {
    private final String[] table;
    private final int[] hashes;
    private final int mask;
    private final int maxEntries;
    private int size;

    /** @param capacityPow2 slots, a power of two */
    public StringPool(int capacityPow2) {
        if (Integer.bitCount(capacityPow2) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacityPow2);
        }
        table = new String[capacityPow2];
        hashes = new int[capacityPow2];
        mask = capacityPow2 - 1;
        maxEntries = capacityPow2 / 2;
    }

    /** The canonical string with these characters. */
    public String get(char[] buf, int off, int len) {
        int h = 0;
        for (int i = off, end = off + len; i < end; i++) {
            h = 31 * h + buf[i];
        }
        int slot = mix(h) & mask;
        while (true) {
            String s = table[slot];
            if (s == null) {
                break;
            }
            if (hashes[slot] == h && equals(s, buf, off, len)) {
                return s;
            }
            slot = (slot + 1) & mask;
        }
        if (size >= maxEntries) {
            java.util.Arrays.fill(table, null);
            size = 0;
            slot = mix(h) & mask;
        }
        String s = new String(buf, off, len);
        table[slot] = s;
        hashes[slot] = h;
        size++;
        return s;
    }

    private static boolean equals(String s, char[] buf, int off, int len) {
        if (s.length() != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) != buf[off + i]) {
                return false;
            }
        }
        return true;
    }

    private static int mix(int h) {
        return h ^ (h >>> 16);
    }
}
