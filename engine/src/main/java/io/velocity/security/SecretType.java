package io.velocity.security;

import io.velocity.core.InputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a keystore entry holds. The type decides how a typed-in value is parsed and validated
 * and how it is stored: a private key as its 32 raw bytes, everything else as UTF-8 text.
 */
public enum SecretType {
    /** A secp256k1 wallet key: 32 bytes, entered as 64 hex digits (optionally {@code 0x}-prefixed). */
    PRIVATE_KEY(1, "private-key"),
    /** An API key (Polymarket CLOB, Allora). */
    API_KEY(2, "api-key"),
    /** An API secret (the CLOB HMAC secret, base64). */
    API_SECRET(3, "api-secret"),
    /** An API passphrase (CLOB). */
    API_PASSPHRASE(4, "api-passphrase"),
    /** Any other secret text: RPC URLs with embedded keys, database passwords. */
    PLAIN_SECRET(5, "secret");

    /** Longest text secret accepted, in UTF-8 bytes. */
    public static final int MAX_TEXT_BYTES = 8192;

    private final int code;
    private final String label;

    SecretType(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The one-byte tag stored in the keystore (never reorder or reuse). */
    int code() {
        return code;
    }

    /** The name used on the command line and in {@code keytool list}. */
    public String label() {
        return label;
    }

    /** True for types stored as UTF-8 text. */
    public boolean isText() {
        return this != PRIVATE_KEY;
    }

    /** The type with this stored tag, or null. */
    static SecretType fromCode(int code) {
        for (SecretType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        return null;
    }

    /** Parses a command-line label such as {@code private-key}. */
    public static SecretType fromLabel(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        for (SecretType t : values()) {
            if (t.label.equals(l)) {
                return t;
            }
        }
        throw new InputException("unknown secret type '" + label + "' (one of "
                + Arrays.stream(values()).map(SecretType::label).collect(Collectors.joining(", ")) + ")");
    }

    /**
     * Turns what a trader typed into the stored bytes, validating it. The caller keeps ownership
     * of {@code input} (and zeroes it); the result is a fresh array the caller must zero too.
     *
     * @throws InputException naming the entry (never the value) when the input is unusable
     */
    public byte[] parse(String entryName, char[] input) {
        if (this == PRIVATE_KEY) {
            byte[] key = parseHexKey(entryName, input);
            try {
                validate(entryName, key);
                return key;
            } catch (RuntimeException e) {
                SecretBytes.zero(key);
                throw e;
            }
        }
        byte[] bytes = SecretBytes.utf8(input, "the value of '" + entryName + "'");
        try {
            validate(entryName, bytes);
            return bytes;
        } catch (RuntimeException e) {
            SecretBytes.zero(bytes);
            throw e;
        }
    }

    /**
     * Checks stored bytes: a private key is 32 bytes in secp256k1's range; text is 1 to
     * {@link #MAX_TEXT_BYTES} bytes of UTF-8 without control characters or surrounding spaces
     * (almost always a paste mistake).
     */
    public void validate(String entryName, byte[] value) {
        if (this == PRIVATE_KEY) {
            if (value.length != 32) {
                throw new InputException("'" + entryName + "': a private key is 32 bytes, got " + value.length);
            }
            if (!EthereumAddress.isValidPrivateKey(value)) {
                throw new InputException("'" + entryName + "': not a valid secp256k1 private key (zero or not below the curve order)");
            }
            return;
        }
        if (value.length == 0) {
            throw new InputException("'" + entryName + "': the value is empty");
        }
        if (value.length > MAX_TEXT_BYTES) {
            throw new InputException("'" + entryName + "': the value is longer than " + MAX_TEXT_BYTES + " bytes");
        }
        if (!SecretBytes.isUtf8(value)) {
            throw new InputException("'" + entryName + "': the value is not valid UTF-8 text");
        }
        for (byte b : value) {
            if ((b >= 0 && b < 0x20) || b == 0x7F) {
                throw new InputException("'" + entryName + "': the value contains a control character (tab, newline, ...)");
            }
        }
        if (value[0] == ' ' || value[value.length - 1] == ' ') {
            throw new InputException("'" + entryName + "': the value starts or ends with a space");
        }
    }

    private static byte[] parseHexKey(String entryName, char[] input) {
        int from = 0;
        int to = input.length;
        while (from < to && Character.isWhitespace(input[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(input[to - 1])) {
            to--;
        }
        if (to - from >= 2 && input[from] == '0' && (input[from + 1] == 'x' || input[from + 1] == 'X')) {
            from += 2;
        }
        if (to - from != 64) {
            throw new InputException("'" + entryName + "': a private key is 64 hex digits (optionally 0x-prefixed), got "
                    + (to - from) + " characters");
        }
        byte[] key = new byte[32];
        for (int i = 0; i < 32; i++) {
            int hi = SecretBytes.hexDigit(input[from + 2 * i]);
            int lo = SecretBytes.hexDigit(input[from + 2 * i + 1]);
            if (hi < 0 || lo < 0) {
                SecretBytes.zero(key);
                throw new InputException("'" + entryName + "': a private key may contain only hex digits 0-9 and a-f");
            }
            key[i] = (byte) ((hi << 4) | lo);
        }
        return key;
    }
}
