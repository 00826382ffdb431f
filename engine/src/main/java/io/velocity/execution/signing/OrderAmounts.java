package io.velocity.execution.signing;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The signed {@code makerAmount}/{@code takerAmount} of an order, in micro-units (6 decimals),
 * rounded the way the venue accepts them (POLYMARKET.md, "Amounts and rounding"). BUY pays pUSD
 * (maker) for shares (taker); SELL the reverse.
 *
 * <p><b>Limit orders</b> ({@link #limit}): price to the nearest tick (half-up), shares down to 2
 * decimals, the pUSD side = shares × price. That product has exactly 2 + price-decimals places,
 * which is the tick's amount precision, so the venue's "cut to amount decimals" never cuts.
 *
 * <p><b>Marketable FOK/FAK orders</b> ({@link #marketable}): price (the worst acceptable one) down
 * to the tick. BUY spends a pUSD amount cut to 2 decimals and receives pUSD ÷ price shares cut to
 * the amount precision but never past 4 decimals (the venue rejects more on market BUYs at every
 * tick). SELL gives shares cut to 2 decimals for shares × price pUSD.
 *
 * <p>All arithmetic is on {@code long} ticks and micro-units, so no binary floating point enters;
 * overflow (far beyond any real order) is rejected rather than wrapped. Venue minimums (resting
 * size, marketable notional) are per market and belong to the risk checks, not here.
 *
 * @param side        BUY or SELL
 * @param tickSize    the market's tick when the amounts were computed
 * @param priceTicks  the rounded price in ticks (price = priceTicks / tickSize.ticksPerUnit())
 * @param makerAmount micro-units the maker gives
 * @param takerAmount micro-units the maker receives
 */
public record OrderAmounts(Side side, TickSize tickSize, long priceTicks, long makerAmount, long takerAmount) {

    private static final long MICROS_PER_CENT = 10_000; // 1 share or 1 pUSD = 100 cents = 10^6 micro-units
    private static final int MARKET_BUY_MAX_SHARE_DECIMALS = 4;

    /**
     * Checks the invariants every rounded order satisfies.
     *
     * @throws IllegalArgumentException when a field is missing, the price is off the valid range or
     *                                  an amount is not positive
     */
    public OrderAmounts {
        if (side == null) {
            throw new IllegalArgumentException("side: required");
        }
        if (tickSize == null) {
            throw new IllegalArgumentException("tickSize: required");
        }
        checkPriceTicks(tickSize, priceTicks);
        if (makerAmount <= 0 || takerAmount <= 0) {
            throw new IllegalArgumentException("amounts: must be positive, were makerAmount=" + makerAmount
                    + " takerAmount=" + takerAmount);
        }
    }

    /** Shares in micro-units: takerAmount for BUY, makerAmount for SELL. */
    public long shareAmount() {
        return side == Side.BUY ? takerAmount : makerAmount;
    }

    /** pUSD in micro-units: makerAmount for BUY, takerAmount for SELL. */
    public long collateralAmount() {
        return side == Side.BUY ? makerAmount : takerAmount;
    }

    /** The rounded price as a decimal with the tick's scale, e.g. 0.57. For display and logs. */
    public BigDecimal price() {
        return BigDecimal.valueOf(priceTicks, tickSize.priceDecimals());
    }

    /**
     * Amounts for a resting (GTC/GTD) limit order.
     *
     * @param tick  the market's current tick size
     * @param side  BUY or SELL
     * @param price limit price; must lie in [tick, 1 − tick]; rounded half-up to the tick
     * @param size  shares; rounded down to 2 decimals, must stay positive
     * @throws IllegalArgumentException naming {@code price} or {@code size} when invalid
     */
    public static OrderAmounts limit(TickSize tick, Side side, BigDecimal price, BigDecimal size) {
        checkArgs(tick, side);
        long ticks = priceTicks(tick, price, RoundingMode.HALF_UP);
        long centiShares = hundredths(size, "size", "shares");
        return limitAmounts(tick, side, ticks, centiShares);
    }

    /**
     * Amounts for a resting limit order whose price is already on the tick grid — the engine's
     * integer path.
     *
     * @param priceTicks price in ticks, in [1, ticksPerUnit − 1]
     * @param sizeMicros shares in micro-units; rounded down to 2 decimals (10,000 micro-units)
     */
    public static OrderAmounts limitInTicks(TickSize tick, Side side, long priceTicks, long sizeMicros) {
        checkArgs(tick, side);
        checkPriceTicks(tick, priceTicks);
        return limitAmounts(tick, side, priceTicks, microsToHundredths(sizeMicros, "size", "shares"));
    }

    /**
     * Amounts for a marketable FOK/FAK order.
     *
     * @param tick   the market's current tick size
     * @param side   BUY or SELL
     * @param price  worst acceptable price; must lie in [tick, 1 − tick]; rounded down to the tick
     * @param amount for BUY the pUSD to spend, for SELL the shares to sell; rounded down to 2 decimals
     * @throws IllegalArgumentException naming {@code price} or {@code amount} when invalid
     */
    public static OrderAmounts marketable(TickSize tick, Side side, BigDecimal price, BigDecimal amount) {
        checkArgs(tick, side);
        long ticks = priceTicks(tick, price, RoundingMode.FLOOR);
        long hundredths = hundredths(amount, "amount", side == Side.BUY ? "pUSD" : "shares");
        return marketableAmounts(tick, side, ticks, hundredths);
    }

    /**
     * Amounts for a marketable FOK/FAK order with the price already on the tick grid.
     *
     * @param priceTicks   worst acceptable price in ticks, in [1, ticksPerUnit − 1]
     * @param amountMicros for BUY pUSD, for SELL shares, in micro-units; rounded down to 2 decimals
     */
    public static OrderAmounts marketableInTicks(TickSize tick, Side side, long priceTicks, long amountMicros) {
        checkArgs(tick, side);
        checkPriceTicks(tick, priceTicks);
        String unit = side == Side.BUY ? "pUSD" : "shares";
        return marketableAmounts(tick, side, priceTicks, microsToHundredths(amountMicros, "amount", unit));
    }

    private static OrderAmounts limitAmounts(TickSize tick, Side side, long priceTicks, long centiShares) {
        long shares = multiply(centiShares, MICROS_PER_CENT);
        long collateral = collateralFor(tick, priceTicks, centiShares);
        return side == Side.BUY
                ? new OrderAmounts(side, tick, priceTicks, collateral, shares)
                : new OrderAmounts(side, tick, priceTicks, shares, collateral);
    }

    private static OrderAmounts marketableAmounts(TickSize tick, Side side, long priceTicks, long hundredths) {
        if (side == Side.SELL) {
            return limitAmounts(tick, side, priceTicks, hundredths);
        }
        // shares = cents / 100 / (priceTicks / 10^P), cut to D decimals:
        // shareUnits (of 10^-D) = floor(cents * 10^(P + D - 2) / priceTicks)
        int shareDecimals = Math.min(tick.amountDecimals(), MARKET_BUY_MAX_SHARE_DECIMALS);
        long numerator = multiply(hundredths, TickSize.pow10(tick.priceDecimals() + shareDecimals - 2));
        long shareUnits = numerator / priceTicks; // floor: both operands positive
        long shares = multiply(shareUnits, TickSize.pow10(TickSize.TOKEN_DECIMALS - shareDecimals));
        long collateral = multiply(hundredths, MICROS_PER_CENT);
        return new OrderAmounts(side, tick, priceTicks, collateral, shares);
    }

    // shares × price in micro-units: (cs / 10^2) × (ticks / 10^P) × 10^6 = cs × ticks × 10^(4 − P)
    private static long collateralFor(TickSize tick, long priceTicks, long centiShares) {
        return multiply(multiply(centiShares, priceTicks), TickSize.pow10(4 - tick.priceDecimals()));
    }

    private static long priceTicks(TickSize tick, BigDecimal price, RoundingMode mode) {
        if (price == null) {
            throw new IllegalArgumentException("price: required");
        }
        // The range is checked on the price as given, before rounding, as the official clients do:
        // 0.004 at tick 0.01 is refused rather than silently becoming 0.01.
        BigDecimal max = BigDecimal.ONE.subtract(tick.value());
        if (price.compareTo(tick.value()) < 0 || price.compareTo(max) > 0) {
            throw new IllegalArgumentException("price: " + price.toPlainString() + " is outside ["
                    + tick + ", " + max.toPlainString() + "] for tick size " + tick);
        }
        return price.setScale(tick.priceDecimals(), mode).unscaledValue().longValueExact();
    }

    private static long hundredths(BigDecimal value, String field, String unit) {
        if (value == null) {
            throw new IllegalArgumentException(field + ": required");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(field + ": must be positive, was " + value.toPlainString());
        }
        BigDecimal cut = value.setScale(TickSize.SIZE_DECIMALS, RoundingMode.DOWN);
        if (cut.signum() == 0) {
            throw new IllegalArgumentException(field + ": " + value.toPlainString() + " " + unit
                    + " rounds down to 0 at " + TickSize.SIZE_DECIMALS + " decimals");
        }
        try {
            // bound so later products with 10^6 cannot overflow unnoticed either
            return cut.unscaledValue().longValueExact();
        } catch (ArithmeticException tooLarge) {
            throw new IllegalArgumentException(field + ": " + value.toPlainString() + " " + unit + " is too large");
        }
    }

    private static long microsToHundredths(long micros, String field, String unit) {
        if (micros <= 0) {
            throw new IllegalArgumentException(field + ": must be positive, was " + micros + " micro-units");
        }
        long hundredths = micros / MICROS_PER_CENT;
        if (hundredths == 0) {
            throw new IllegalArgumentException(field + ": " + micros + " micro-units of " + unit
                    + " rounds down to 0 at " + TickSize.SIZE_DECIMALS + " decimals");
        }
        return hundredths;
    }

    private static void checkArgs(TickSize tick, Side side) {
        if (tick == null) {
            throw new IllegalArgumentException("tickSize: required");
        }
        if (side == null) {
            throw new IllegalArgumentException("side: required");
        }
    }

    private static void checkPriceTicks(TickSize tick, long priceTicks) {
        if (priceTicks < tick.minPriceTicks() || priceTicks > tick.maxPriceTicks()) {
            throw new IllegalArgumentException("price: " + priceTicks + " ticks is outside [" + tick.minPriceTicks()
                    + ", " + tick.maxPriceTicks() + "] for tick size " + tick);
        }
    }

    private static long multiply(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException overflow) {
            throw new IllegalArgumentException("amount: order too large for 64-bit micro-units");
        }
    }
}
