package io.velocity.storage.journal;

/** Field checks shared by the journal records, so a record that exists can always be stored. */
final class RecordFields {
    private RecordFields() {
    }

    /**
     * A non-null string of at most {@code maxChars} characters without NUL (PostgreSQL text
     * refuses NUL, and a record the database refuses would stall the shipper).
     */
    static String text(String field, String value, int maxChars) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (value.length() > maxChars) {
            throw new IllegalArgumentException(field + " is longer than " + maxChars + " characters");
        }
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(field + " contains a NUL character");
        }
        return value;
    }

    /** Like {@link #text} and also not blank. */
    static String id(String field, String value, int maxChars) {
        text(field, value, maxChars);
        if (value.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        return value;
    }

    static double finite(String field, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(field + " must be a finite number: " + value);
        }
        return value;
    }

    static long nonNegative(String field, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(field + " must be >= 0: " + value);
        }
        return value;
    }

    static <T> T present(String field, T value) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        return value;
    }
}
