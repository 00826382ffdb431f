package io.velocity.execution.clob;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Reads the venue's decimal strings ({@code "0.870"}, {@code "12.5"}) into integer units. */
final class VenueDecimals {
    private VenueDecimals() {
    }

    /** Shares or pUSD as micro-units (6 decimals), rounded down; 0 when absent or empty. */
    static long micros(JsonNode node) {
        return scaled(node, 6);
    }

    /** A price in 1e-4 units, rounded half-up; 0 when absent or empty. */
    static long priceE4(JsonNode node) {
        return scaled(node, 4);
    }

    private static long scaled(JsonNode node, int decimals) {
        if (node == null || node.isNull()) {
            return 0;
        }
        String text = node.asText().trim();
        if (text.isEmpty()) {
            return 0;
        }
        try {
            RoundingMode mode = decimals == 4 ? RoundingMode.HALF_UP : RoundingMode.DOWN;
            return new BigDecimal(text).setScale(decimals, mode).unscaledValue().longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a decimal amount: \"" + text + "\"");
        }
    }
}
