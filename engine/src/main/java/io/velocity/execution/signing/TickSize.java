package io.velocity.execution.signing;

import java.math.BigDecimal;

/**
 * The price increments a CLOB market can have, with the decimal places the venue allows for
 * price, size (shares) and amount (price × size) at each. Ticks change per market at run time
 * ({@code tick_size_change}); never cache one across that event.
 */
public enum TickSize {
    /** 0.1: prices 0.1 .. 0.9. */
    TENTH(1),
    /** 0.01: prices 0.01 .. 0.99. */
    HUNDREDTH(2),
    /** 0.001: prices 0.001 .. 0.999. */
    THOUSANDTH(3),
    /** 0.0001: prices 0.0001 .. 0.9999. */
    TEN_THOUSANDTH(4);

    /** Shares are always quoted to 2 decimals. */
    public static final int SIZE_DECIMALS = 2;

    /** pUSD and shares both have 6 decimals on chain. */
    public static final int TOKEN_DECIMALS = 6;

    private final int priceDecimals;
    private final long ticksPerUnit;
    private final BigDecimal value;

    TickSize(int priceDecimals) {
        this.priceDecimals = priceDecimals;
        this.ticksPerUnit = pow10(priceDecimals);
        this.value = BigDecimal.ONE.movePointLeft(priceDecimals);
    }

    /** Decimal places of a price: 1, 2, 3 or 4. */
    public int priceDecimals() {
        return priceDecimals;
    }

    /** Decimal places of the amount (price × size): always price decimals + 2, so the product is exact. */
    public int amountDecimals() {
        return priceDecimals + SIZE_DECIMALS;
    }

    /** Number of ticks in a price of 1: 10, 100, 1000 or 10000. */
    public long ticksPerUnit() {
        return ticksPerUnit;
    }

    /** Lowest valid price in ticks (always 1). */
    public long minPriceTicks() {
        return 1;
    }

    /** Highest valid price in ticks: 1 − tick. */
    public long maxPriceTicks() {
        return ticksPerUnit - 1;
    }

    /** The tick as a decimal, e.g. 0.01. */
    public BigDecimal value() {
        return value;
    }

    /**
     * The tick size for a venue string such as {@code "0.01"} (trailing zeros allowed).
     *
     * @throws IllegalArgumentException for anything but 0.1, 0.01, 0.001 or 0.0001
     */
    public static TickSize parse(String text) {
        if (text != null) {
            try {
                BigDecimal tick = new BigDecimal(text.trim());
                for (TickSize size : values()) {
                    if (size.value.compareTo(tick) == 0) {
                        return size;
                    }
                }
            } catch (NumberFormatException notANumber) {
                // reported below with the accepted values
            }
        }
        throw new IllegalArgumentException("tickSize: must be 0.1, 0.01, 0.001 or 0.0001, was "
                + (text == null ? "null" : "\"" + text + "\""));
    }

    /** The tick as the venue writes it, e.g. {@code 0.01}. */
    @Override
    public String toString() {
        return value.toPlainString();
    }

    static long pow10(int exponent) {
        long result = 1;
        for (int i = 0; i < exponent; i++) {
            result *= 10;
        }
        return result;
    }
}
