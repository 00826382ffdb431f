package io.velocity.security;

import io.velocity.core.InputException;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Conversions between secret text and bytes that never create a {@link String} (a String cannot
 * be zeroed and may be interned or copied by the JVM). Every intermediate buffer is zeroed;
 * the caller owns and must zero what is returned.
 */
final class SecretBytes {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private SecretBytes() {
    }

    /** UTF-8 bytes of {@code chars}; a lone surrogate is an {@link InputException} naming {@code what}. */
    static byte[] utf8(char[] chars, String what) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 needs at most 3 bytes per UTF-16 unit (a surrogate pair is 4 bytes for 2 units).
        byte[] buf = new byte[chars.length * 3];
        try {
            ByteBuffer out = ByteBuffer.wrap(buf);
            var result = enc.encode(CharBuffer.wrap(chars), out, true);
            if (result.isError()) {
                throw new InputException(what + " is not valid text (broken UTF-16 surrogate pair)");
            }
            enc.flush(out);
            return Arrays.copyOf(buf, out.position());
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    /** Characters of UTF-8 {@code bytes}; invalid UTF-8 is an {@link InputException} naming {@code what}. */
    static char[] chars(byte[] bytes, String what) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // UTF-8 never yields more UTF-16 units than it has bytes.
        char[] buf = new char[bytes.length];
        try {
            CharBuffer out = CharBuffer.wrap(buf);
            var result = dec.decode(ByteBuffer.wrap(bytes), out, true);
            if (result.isError()) {
                throw new InputException(what + " is not valid UTF-8 text");
            }
            dec.flush(out);
            return Arrays.copyOf(buf, out.position());
        } finally {
            Arrays.fill(buf, '\0');
        }
    }

    /** True when {@code bytes} is well-formed UTF-8 (decoded into a buffer that is zeroed). */
    static boolean isUtf8(byte[] bytes) {
        try {
            zero(chars(bytes, "value"));
            return true;
        } catch (InputException e) {
            return false;
        }
    }

    /** Lower-case hex of {@code bytes}, optionally prefixed with {@code 0x}. */
    static char[] hex(byte[] bytes, boolean prefix) {
        int off = prefix ? 2 : 0;
        char[] out = new char[off + bytes.length * 2];
        if (prefix) {
            out[0] = '0';
            out[1] = 'x';
        }
        for (int i = 0; i < bytes.length; i++) {
            out[off + 2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[off + 2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return out;
    }

    /** Value of one hex digit, or -1. */
    static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    static void zero(byte[]... arrays) {
        for (byte[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, (byte) 0);
            }
        }
    }

    static void zero(char[]... arrays) {
        for (char[] a : arrays) {
            if (a != null) {
                Arrays.fill(a, '\0');
            }
        }
    }
}
