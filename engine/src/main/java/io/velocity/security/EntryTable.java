package io.velocity.security;

import io.velocity.core.IntegrityException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * The decrypted entries while a keystore file is being read or changed, and their plaintext
 * encoding (big-endian):
 *
 * <pre>
 *   u16 entry count, then per entry: u8 type tag, u8 name length, name (ASCII), u32 value length, value
 * </pre>
 *
 * Owns its value arrays: {@link #close()} zeroes every one. Not thread-safe; used by one
 * operation at a time under the keystore's file lock.
 */
final class EntryTable implements AutoCloseable {
    /** One entry's type and raw value. */
    record Item(SecretType type, byte[] value) {
        @Override
        public String toString() {
            return "Item[" + type.label() + ", " + io.velocity.core.Sensitive.REDACTED + "]";
        }
    }

    static final int MAX_ENTRIES = 1024;

    private final TreeMap<String, Item> items = new TreeMap<>();

    /** Adds or replaces an entry, taking ownership of {@code value}; returns true when it replaced one. */
    boolean put(String name, SecretType type, byte[] value) {
        SecretNames.validate(name);
        type.validate(name, value);
        Item old = items.put(name, new Item(type, value));
        if (old != null) {
            SecretBytes.zero(old.value());
        }
        if (items.size() > MAX_ENTRIES) {
            throw new io.velocity.core.InputException("a keystore holds at most " + MAX_ENTRIES + " entries");
        }
        return old != null;
    }

    /** Removes and zeroes an entry; false when there was none. */
    boolean remove(String name) {
        Item old = items.remove(name);
        if (old == null) {
            return false;
        }
        SecretBytes.zero(old.value());
        return true;
    }

    boolean contains(String name) {
        return items.containsKey(name);
    }

    int size() {
        return items.size();
    }

    /** Read-only view in name order; the arrays stay owned by this table. */
    Map<String, Item> items() {
        return java.util.Collections.unmodifiableSortedMap(items);
    }

    /** The plaintext encoding, in one exactly-sized array (no growing buffers leaving copies); the caller zeroes it. */
    byte[] encode() {
        int size = 2;
        for (Map.Entry<String, Item> e : items.entrySet()) {
            size += 1 + 1 + e.getKey().length() + 4 + e.getValue().value().length;
        }
        byte[] out = new byte[size];
        int p = 0;
        out[p++] = (byte) (items.size() >>> 8);
        out[p++] = (byte) items.size();
        for (Map.Entry<String, Item> e : items.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            byte[] value = e.getValue().value();
            out[p++] = (byte) e.getValue().type().code();
            out[p++] = (byte) name.length;
            System.arraycopy(name, 0, out, p, name.length);
            p += name.length;
            out[p++] = (byte) (value.length >>> 24);
            out[p++] = (byte) (value.length >>> 16);
            out[p++] = (byte) (value.length >>> 8);
            out[p++] = (byte) value.length;
            System.arraycopy(value, 0, out, p, value.length);
            p += value.length;
        }
        return out;
    }

    /**
     * Parses a decrypted payload. The GCM tag already proved the bytes are what was written, so
     * a malformed payload means a writer bug; it is still reported, never trusted.
     */
    static EntryTable decode(java.nio.file.Path file, byte[] plain) {
        EntryTable t = new EntryTable();
        try {
            int p = 0;
            int count = ((plain[p++] & 0xFF) << 8) | (plain[p++] & 0xFF);
            for (int i = 0; i < count; i++) {
                SecretType type = SecretType.fromCode(plain[p++] & 0xFF);
                int nameLength = plain[p++] & 0xFF;
                String name = new String(plain, p, nameLength, StandardCharsets.US_ASCII);
                p += nameLength;
                int valueLength = ((plain[p] & 0xFF) << 24) | ((plain[p + 1] & 0xFF) << 16)
                        | ((plain[p + 2] & 0xFF) << 8) | (plain[p + 3] & 0xFF);
                p += 4;
                if (type == null || valueLength < 0 || valueLength > plain.length - p || t.contains(name)) {
                    throw new IllegalArgumentException("bad entry " + i);
                }
                SecretNames.validate(name);
                // Not re-validated by type: a value accepted when it was added stays readable even if rules tighten later.
                t.items.put(name, new Item(type, java.util.Arrays.copyOfRange(plain, p, p + valueLength)));
                p += valueLength;
            }
            if (p != plain.length) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return t;
        } catch (RuntimeException e) {
            t.close();
            // Deliberately no cause: a parse error message could quote payload bytes.
            throw new IntegrityException("integrity check failed: " + file + ": the decrypted entries are malformed");
        }
    }

    @Override
    public void close() {
        for (Item i : items.values()) {
            SecretBytes.zero(i.value());
        }
        items.clear();
    }
}
