package io.velocity.marketdata.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * Reads the current value of a streaming {@link JsonParser} without allocating. Venues send
 * numbers both as JSON numbers and as strings, so every reader accepts both.
 */
public final class JsonValues {
    /** Returned by {@link #bool} for a value that is not a boolean. */
    public static final int NOT_BOOLEAN = -1;

    private JsonValues() {
    }

    private static boolean scalarText(JsonToken t) {
        return t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
    }

    /** A decimal as fixed point with {@code scale} decimals; {@link Decimals#MALFORMED} otherwise. */
    public static long fixed(JsonParser p, int scale, boolean exact) throws IOException {
        JsonToken t = p.currentToken();
        if (!scalarText(t)) {
            return Decimals.MALFORMED;
        }
        return Decimals.parseFixed(p.getTextCharacters(), p.getTextOffset(), p.getTextLength(), scale, exact);
    }

    /** A number (or numeric string) as a double; NaN otherwise. */
    public static double dbl(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (!scalarText(t)) {
            return Double.NaN;
        }
        return Decimals.parseDouble(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A non-negative integer (or integer string); {@link Decimals#MALFORMED} otherwise. */
    public static long integer(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) {
            long v = p.getLongValue();
            return v < 0 ? Decimals.MALFORMED : v;
        }
        if (t != JsonToken.VALUE_STRING) {
            return Decimals.MALFORMED;
        }
        return Decimals.parseLong(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A string (or number) value through the pool; null for JSON null or a structure. */
    public static String text(JsonParser p, StringPool pool) throws IOException {
        JsonToken t = p.currentToken();
        if (!scalarText(t)) {
            return null;
        }
        return pool.get(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** A string (or number) value as a new string; null for JSON null or a structure. */
    public static String text(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        return scalarText(t) ? p.getText() : null;
    }

    /** 1 for true/"true", 0 for false/"false", {@link #NOT_BOOLEAN} otherwise. */
    public static int bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return 1;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return 0;
        }
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText();
            if (s.equalsIgnoreCase("true")) {
                return 1;
            }
            if (s.equalsIgnoreCase("false")) {
                return 0;
            }
        }
        return NOT_BOOLEAN;
    }

    /** True when the current string value equals {@code expected} (ASCII case-insensitive). */
    public static boolean textEquals(JsonParser p, String expected) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            return false;
        }
        char[] b = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        if (len != expected.length()) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (Character.toUpperCase(b[off + i]) != Character.toUpperCase(expected.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
