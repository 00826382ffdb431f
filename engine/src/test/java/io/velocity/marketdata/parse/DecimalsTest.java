package io.velocity.marketdata.parse;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalsTest {

    @Test
    void parsesVenuePricesWithVaryingTrailingZerosIntoTicks() {
        assertThat(Decimals.parseFixed("0.870", 4, true)).isEqualTo(8700);
        assertThat(Decimals.parseFixed("0.1", 4, true)).isEqualTo(1000);
        assertThat(Decimals.parseFixed("0.0001", 4, true)).isEqualTo(1);
        assertThat(Decimals.parseFixed("1", 4, true)).isEqualTo(10_000);
        assertThat(Decimals.parseFixed(".5", 4, true)).isEqualTo(5000);
        assertThat(Decimals.parseFixed("0.50000000", 4, true)).isEqualTo(5000);
    }

    @Test
    void rejectsPricesFinerThanTheScaleWhenExact() {
        assertThat(Decimals.parseFixed("0.12345", 4, true)).isEqualTo(Decimals.MALFORMED);
    }

    @Test
    void roundsSizesHalfUpBeyondMicros() {
        assertThat(Decimals.parseFixed("1234.56", 6, false)).isEqualTo(1_234_560_000L);
        assertThat(Decimals.parseFixed("0.0000005", 6, false)).isEqualTo(1);
        assertThat(Decimals.parseFixed("0.0000004", 6, false)).isZero();
    }

    @Test
    void rejectsAnythingThatIsNotAPlainDecimal() {
        for (String s : new String[]{"", ".", "-1", "1e3", "0.5a", "abc", "1.2.3", " 1"}) {
            assertThat(Decimals.parseFixed(s, 4, true)).as(s).isEqualTo(Decimals.MALFORMED);
        }
    }

    @Test
    void parsesDoublesExactlyLikeTheJdk() {
        for (String s : new String[]{"97234.56000000", "0.00012", "100", "-0.0031", "3.14159265358979",
                "123456789012345678901234", "1e-4", "0.1", "42.000"}) {
            assertThat(Decimals.parseDouble(s)).as(s).isEqualTo(Double.parseDouble(s));
        }
        assertThat(Decimals.parseDouble("x")).isNaN();
        assertThat(Decimals.parseDouble("-")).isNaN();
    }

    @Test
    void formatsFixedPointForTools() {
        assertThat(Decimals.format(8700, 4)).isEqualTo("0.87");
        assertThat(Decimals.format(10_000, 4)).isEqualTo("1");
        assertThat(Decimals.format(1_500_000, 6)).isEqualTo("1.5");
    }
}
