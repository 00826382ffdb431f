package io.velocity.execution.signing;

/**
 * {@code 0x}-prefixed hexadecimal encoding, the form every Ethereum-facing value takes on the wire.
 *
 * <p>Decoding errors name the field and describe the shape that was expected, but never repeat the
 * input: a private key pasted into the wrong field must not end up in a log line.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Encodes {@code bytes} as {@code 0x} followed by two lower-case hex digits per byte. */
    public static String encode(byte[] bytes) {
        return encode(bytes, 0, bytes.length);
    }

    /** Encodes {@code length} bytes of {@code bytes} from {@code offset} as {@code 0x}-prefixed lower-case hex. */
    public static String encode(byte[] bytes, int offset, int length) {
        char[] out = new char[2 + 2 * length];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < length; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 + 2 * i] = DIGITS[b >>> 4];
            out[3 + 2 * i] = DIGITS[b & 0x0f];
        }
        return new String(out);
    }

    /**
     * Decodes {@code 0x} followed by exactly {@code 2 * length} hex digits (either case).
     *
     * @param text   the text to decode
     * @param length the number of bytes expected
     * @param field  the name used in the error message, e.g. {@code order.metadata}
     * @return a new array of {@code length} bytes
     * @throws IllegalArgumentException naming {@code field} when the text is null, lacks the prefix,
     *                                  has the wrong number of digits or a non-hex character
     */
    public static byte[] decode(String text, int length, String field) {
        if (text == null) {
            throw new IllegalArgumentException(field + ": required (0x followed by " + 2 * length + " hex digits)");
        }
        if (!text.startsWith("0x")) {
            throw new IllegalArgumentException(field + ": must start with 0x and hold " + 2 * length + " hex digits");
        }
        int digits = text.length() - 2;
        if (digits != 2 * length) {
            throw new IllegalArgumentException(
                    field + ": must be 0x followed by " + 2 * length + " hex digits, got " + digits + " characters");
        }
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) {
            int hi = digit(text.charAt(2 + 2 * i));
            int lo = digit(text.charAt(3 + 2 * i));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException(field + ": contains a character that is not a hex digit");
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** Value of one hex digit, or -1 when {@code c} is not one. */
    static int digit(char c) {
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
}
