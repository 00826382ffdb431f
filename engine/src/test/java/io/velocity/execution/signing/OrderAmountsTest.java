package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Hand-computed cases for every tick and side (the arithmetic is in each row's comment), then
 * exhaustive checks of every price on every tick against a BigDecimal reference of the rules in
 * POLYMARKET.md "Amounts and rounding".
 */
class OrderAmountsTest {

    @ParameterizedTest(name = "limit {0} {1} @ {2} x {3} -> maker {4}, taker {5}")
    @CsvSource({
            // tick  side  price     size        maker        taker
            // 0.55 -> 0.6 (half-up); 10.129 -> 10.12 sh; 10.12 x 0.6 = 6.072
            "0.1,    BUY,  0.55,     10.129,     6072000,     10120000",
            // 0.34 -> 0.3; 7.5 sh x 0.3 = 2.25
            "0.1,    SELL, 0.34,     7.5,        7500000,     2250000",
            // 0.565 -> 0.57; 100.999 -> 100.99 sh; 100.99 x 0.57 = 57.5643
            "0.01,   BUY,  0.565,    100.999,    57564300,    100990000",
            // 0.444 -> 0.44; 5 sh x 0.44 = 2.2
            "0.01,   SELL, 0.444,    5,          5000000,     2200000",
            // 0.1235 -> 0.124; 33.333 -> 33.33 sh; 33.33 x 0.124 = 4.13292
            "0.001,  BUY,  0.1235,   33.333,     4132920,     33330000",
            // 0.9985 -> 0.999 (half-up); 1.01 sh x 0.999 = 1.00899
            "0.001,  SELL, 0.9985,   1.01,       1010000,     1008990",
            // 0.00015 -> 0.0002; 12345.678 -> 12345.67 sh; x 0.0002 = 2.469134
            "0.0001, BUY,  0.00015,  12345.678,  2469134,     12345670000",
            // 0.5; 0.01 sh x 0.5 = 0.005
            "0.0001, SELL, 0.5,      0.01,       10000,       5000",
    })
    void limitOrderAmountsMatchHandComputation(String tick, Side side, String price, String size,
                                               long maker, long taker) {
        OrderAmounts amounts = OrderAmounts.limit(TickSize.parse(tick), side, new BigDecimal(price), new BigDecimal(size));

        assertThat(amounts.makerAmount()).isEqualTo(maker);
        assertThat(amounts.takerAmount()).isEqualTo(taker);
        assertThat(amounts.side()).isEqualTo(side);
    }

    @ParameterizedTest(name = "marketable {0} {1} @ {2} amount {3} -> maker {4}, taker {5}")
    @CsvSource({
            // tick  side  price     amount   maker      taker
            // 0.39 -> 0.3 (down); $10.009 -> $10.00; 10 / 0.3 = 33.333.. -> 33.333 (3 amount decimals)
            "0.1,    BUY,  0.39,     10.009,  10000000,  33333000",
            // 0.85 -> 0.8; 3.456 -> 3.45 sh; x 0.8 = 2.76
            "0.1,    SELL, 0.85,     3.456,   3450000,   2760000",
            // 0.567 -> 0.56; $25.5 / 0.56 = 45.535714.. -> 45.5357
            "0.01,   BUY,  0.567,    25.5,    25500000,  45535700",
            // 0.129 -> 0.12; 10 sh x 0.12 = 1.2
            "0.01,   SELL, 0.129,    10,      10000000,  1200000",
            // 0.3337 -> 0.333; $1 / 0.333 = 3.003003.. -> 3.0030 (capped at 4 decimals, not 5)
            "0.001,  BUY,  0.3337,   1,       1000000,   3003000",
            // 0.5555 -> 0.555; 2 sh x 0.555 = 1.11
            "0.001,  SELL, 0.5555,   2,       2000000,   1110000",
            // 0.3333; $10 / 0.3333 = 30.0030003.. -> 30.0030 (capped at 4 decimals, not 6)
            "0.0001, BUY,  0.3333,   10,      10000000,  30003000",
            // 0.00019 -> 0.0001; $0.07 / 0.0001 = 700
            "0.0001, BUY,  0.00019,  0.07,    70000,     700000000",
            // 0.1234; 1.999 -> 1.99 sh x 0.1234 = 0.245566
            "0.0001, SELL, 0.1234,   1.999,   1990000,   245566",
    })
    void marketableOrderAmountsMatchHandComputation(String tick, Side side, String price, String amount,
                                                    long maker, long taker) {
        OrderAmounts amounts = OrderAmounts.marketable(TickSize.parse(tick), side, new BigDecimal(price), new BigDecimal(amount));

        assertThat(amounts.makerAmount()).isEqualTo(maker);
        assertThat(amounts.takerAmount()).isEqualTo(taker);
    }

    @Test
    void limitPriceRoundsHalfUpToTheTick() {
        assertThat(OrderAmounts.limit(TickSize.HUNDREDTH, Side.BUY, new BigDecimal("0.025"), BigDecimal.ONE).priceTicks())
                .isEqualTo(3);
        assertThat(OrderAmounts.limit(TickSize.HUNDREDTH, Side.BUY, new BigDecimal("0.0249999"), BigDecimal.ONE).priceTicks())
                .isEqualTo(2);
        assertThat(OrderAmounts.limit(TickSize.HUNDREDTH, Side.BUY, new BigDecimal("0.57"), BigDecimal.ONE).price())
                .isEqualByComparingTo("0.57");
    }

    @Test
    void marketablePriceRoundsDownToTheTick() {
        assertThat(OrderAmounts.marketable(TickSize.HUNDREDTH, Side.BUY, new BigDecimal("0.579999"), BigDecimal.ONE)
                .priceTicks()).isEqualTo(57);
        assertThat(OrderAmounts.marketable(TickSize.HUNDREDTH, Side.SELL, new BigDecimal("0.579999"), BigDecimal.ONE)
                .priceTicks()).isEqualTo(57);
    }

    @ParameterizedTest
    @EnumSource(TickSize.class)
    void acceptsPricesExactlyAtTickAndOneMinusTick(TickSize tick) {
        BigDecimal max = BigDecimal.ONE.subtract(tick.value());

        assertThat(OrderAmounts.limit(tick, Side.BUY, tick.value(), BigDecimal.TEN).priceTicks()).isEqualTo(1);
        assertThat(OrderAmounts.limit(tick, Side.SELL, max, BigDecimal.TEN).priceTicks()).isEqualTo(tick.maxPriceTicks());
        assertThat(OrderAmounts.marketable(tick, Side.BUY, max, BigDecimal.TEN).priceTicks()).isEqualTo(tick.maxPriceTicks());
    }

    @ParameterizedTest
    @EnumSource(TickSize.class)
    void rejectsPricesOutsideTickToOneMinusTickWithTheRangeInTheMessage(TickSize tick) {
        BigDecimal max = BigDecimal.ONE.subtract(tick.value());
        BigDecimal justBelow = tick.value().subtract(new BigDecimal("0.00001"));
        BigDecimal justAbove = max.add(new BigDecimal("0.00001"));
        String range = "[" + tick + ", " + max.toPlainString() + "]";

        for (BigDecimal price : new BigDecimal[] {justBelow, justAbove, BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("-0.5")}) {
            assertThatThrownBy(() -> OrderAmounts.limit(tick, Side.BUY, price, BigDecimal.TEN))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("price: " + price.toPlainString() + " is outside " + range + " for tick size " + tick);
            assertThatThrownBy(() -> OrderAmounts.marketable(tick, Side.SELL, price, BigDecimal.TEN))
                    .hasMessageStartingWith("price: ");
        }
        assertThatThrownBy(() -> OrderAmounts.limitInTicks(tick, Side.BUY, 0, 1_000_000)).hasMessageStartingWith("price: 0 ticks");
        assertThatThrownBy(() -> OrderAmounts.limitInTicks(tick, Side.BUY, tick.ticksPerUnit(), 1_000_000))
                .hasMessageStartingWith("price: " + tick.ticksPerUnit() + " ticks is outside");
    }

    @Test
    void rejectsSizesThatAreNotPositiveOrRoundToZero() {
        TickSize tick = TickSize.HUNDREDTH;
        BigDecimal price = new BigDecimal("0.5");

        assertThatThrownBy(() -> OrderAmounts.limit(tick, Side.BUY, price, new BigDecimal("0.009")))
                .hasMessage("size: 0.009 shares rounds down to 0 at 2 decimals");
        assertThatThrownBy(() -> OrderAmounts.limit(tick, Side.BUY, price, new BigDecimal("-1")))
                .hasMessage("size: must be positive, was -1");
        assertThatThrownBy(() -> OrderAmounts.limit(tick, Side.BUY, price, null)).hasMessage("size: required");
        assertThatThrownBy(() -> OrderAmounts.marketable(tick, Side.BUY, price, new BigDecimal("0.0099")))
                .hasMessage("amount: 0.0099 pUSD rounds down to 0 at 2 decimals");
        assertThatThrownBy(() -> OrderAmounts.limitInTicks(tick, Side.SELL, 50, 9_999))
                .hasMessage("size: 9999 micro-units of shares rounds down to 0 at 2 decimals");
        assertThatThrownBy(() -> OrderAmounts.limit(tick, Side.BUY, price, new BigDecimal("1e30")))
                .hasMessageStartingWith("size: ").hasMessageEndingWith("is too large");
        assertThatThrownBy(() -> OrderAmounts.limit(tick, Side.BUY, price, new BigDecimal("1e15")))
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @EnumSource(TickSize.class)
    void integerPathsAgreeWithDecimalPaths(TickSize tick) {
        Random random = new Random(42 + tick.ordinal());
        for (int i = 0; i < 500; i++) {
            long ticks = 1 + random.nextInt((int) tick.maxPriceTicks());
            long micros = 10_000 + random.nextInt(50_000_000); // at least 0.01
            BigDecimal price = BigDecimal.valueOf(ticks, tick.priceDecimals());
            BigDecimal amount = BigDecimal.valueOf(micros, 6);
            for (Side side : Side.values()) {
                assertThat(OrderAmounts.limitInTicks(tick, side, ticks, micros))
                        .isEqualTo(OrderAmounts.limit(tick, side, price, amount));
                assertThat(OrderAmounts.marketableInTicks(tick, side, ticks, micros))
                        .isEqualTo(OrderAmounts.marketable(tick, side, price, amount));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TickSize.class)
    void everyLimitPriceOnEveryTickMatchesTheDecimalReference(TickSize tick) {
        BigDecimal[] sizes = {new BigDecimal("0.01"), new BigDecimal("5"), new BigDecimal("7.777"),
                new BigDecimal("123.45"), new BigDecimal("99999.999")};
        for (long k = 1; k <= tick.maxPriceTicks(); k++) {
            BigDecimal price = BigDecimal.valueOf(k, tick.priceDecimals());
            for (BigDecimal size : sizes) {
                BigDecimal shares = size.setScale(2, RoundingMode.DOWN);
                BigDecimal notional = shares.multiply(price);
                // the venue's "cut to amount decimals" must be a no-op: the product is already that precise
                assertThat(notional.stripTrailingZeros().scale()).isLessThanOrEqualTo(tick.amountDecimals());
                long shareMicros = micros(shares);
                long collateralMicros = micros(notional.setScale(tick.amountDecimals(), RoundingMode.DOWN));

                OrderAmounts buy = OrderAmounts.limit(tick, Side.BUY, price, size);
                OrderAmounts sell = OrderAmounts.limit(tick, Side.SELL, price, size);

                assertThat(buy.makerAmount()).isEqualTo(collateralMicros);
                assertThat(buy.takerAmount()).isEqualTo(shareMicros);
                assertThat(sell.makerAmount()).isEqualTo(shareMicros);
                assertThat(sell.takerAmount()).isEqualTo(collateralMicros);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TickSize.class)
    void everyMarketableBuyOnEveryTickSpendsCentsAndReceivesAtMostFourShareDecimals(TickSize tick) {
        BigDecimal[] budgets = {new BigDecimal("1"), new BigDecimal("10.009"), new BigDecimal("33.33"),
                new BigDecimal("777.77")};
        int shareDecimals = Math.min(tick.amountDecimals(), 4);
        for (long k = 1; k <= tick.maxPriceTicks(); k++) {
            BigDecimal price = BigDecimal.valueOf(k, tick.priceDecimals());
            for (BigDecimal budget : budgets) {
                BigDecimal spend = budget.setScale(2, RoundingMode.DOWN);
                BigDecimal shares = spend.divide(price, shareDecimals, RoundingMode.DOWN);

                OrderAmounts buy = OrderAmounts.marketable(tick, Side.BUY, price, budget);

                assertThat(buy.makerAmount()).isEqualTo(micros(spend)).matches(m -> m % 10_000 == 0, "2 decimals");
                assertThat(buy.takerAmount()).isEqualTo(micros(shares)).matches(t -> t % 100 == 0, "4 decimals");
                // never pays more than the worst price: shares x price <= spend
                assertThat(shares.multiply(price)).isLessThanOrEqualTo(spend);
            }
        }
    }

    @Test
    void exposesSharesAndCollateralRegardlessOfSide() {
        OrderAmounts buy = OrderAmounts.limit(TickSize.HUNDREDTH, Side.BUY, new BigDecimal("0.25"), new BigDecimal("4"));
        OrderAmounts sell = OrderAmounts.limit(TickSize.HUNDREDTH, Side.SELL, new BigDecimal("0.25"), new BigDecimal("4"));

        assertThat(buy.shareAmount()).isEqualTo(sell.shareAmount()).isEqualTo(4_000_000);
        assertThat(buy.collateralAmount()).isEqualTo(sell.collateralAmount()).isEqualTo(1_000_000);
    }

    private static long micros(BigDecimal value) {
        return value.movePointRight(6).longValueExact();
    }
}
