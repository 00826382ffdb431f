package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TickSizeTest {

    @Test
    void parsesVenueStringsIncludingTrailingZeros() {
        assertThat(TickSize.parse("0.1")).isEqualTo(TickSize.TENTH);
        assertThat(TickSize.parse("0.01")).isEqualTo(TickSize.HUNDREDTH);
        assertThat(TickSize.parse("0.010")).isEqualTo(TickSize.HUNDREDTH);
        assertThat(TickSize.parse("0.001")).isEqualTo(TickSize.THOUSANDTH);
        assertThat(TickSize.parse("0.0001")).isEqualTo(TickSize.TEN_THOUSANDTH);
    }

    @Test
    void rejectsUnknownTicksListingTheValidOnes() {
        assertThatThrownBy(() -> TickSize.parse("0.05"))
                .hasMessage("tickSize: must be 0.1, 0.01, 0.001 or 0.0001, was \"0.05\"");
        assertThatThrownBy(() -> TickSize.parse("abc")).hasMessageStartingWith("tickSize: ");
        assertThatThrownBy(() -> TickSize.parse(null)).hasMessageEndingWith("was null");
    }

    @Test
    void decimalsFollowTheVenueTable() {
        // tick -> (price, size, amount): 0.1 -> (1,2,3); 0.01 -> (2,2,4); 0.001 -> (3,2,5); 0.0001 -> (4,2,6)
        assertThat(TickSize.TENTH.amountDecimals()).isEqualTo(3);
        assertThat(TickSize.HUNDREDTH.amountDecimals()).isEqualTo(4);
        assertThat(TickSize.THOUSANDTH.amountDecimals()).isEqualTo(5);
        assertThat(TickSize.TEN_THOUSANDTH.amountDecimals()).isEqualTo(6);
        assertThat(TickSize.THOUSANDTH.priceDecimals()).isEqualTo(3);
        assertThat(TickSize.HUNDREDTH.maxPriceTicks()).isEqualTo(99);
        assertThat(TickSize.TEN_THOUSANDTH.toString()).isEqualTo("0.0001");
    }
}
