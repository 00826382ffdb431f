package io.velocity.execution.onchain;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeesTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger CAP = GWEI.multiply(BigInteger.valueOf(500));

    @Test
    void initialFeesCoverTwiceTheBaseFeePlusAtLeastTheMinimumTip() {
        Fees f = Fees.initial(GWEI.multiply(BigInteger.valueOf(40)), GWEI, GWEI.multiply(BigInteger.valueOf(30)), CAP);

        assertThat(f.tipWei()).isEqualTo(GWEI.multiply(BigInteger.valueOf(30)));
        assertThat(f.maxFeeWei()).isEqualTo(GWEI.multiply(BigInteger.valueOf(110)));
    }

    @Test
    void initialFeesNeverExceedTheCap() {
        Fees f = Fees.initial(CAP, GWEI, GWEI, CAP);

        assertThat(f.maxFeeWei()).isEqualTo(CAP);
        assertThat(f.tipWei()).isLessThanOrEqualTo(f.maxFeeWei());
    }

    @Test
    void everyBumpRaisesBothFeesByAtLeastTheConfiguredPercentRoundedUp() {
        Fees f = new Fees(BigInteger.valueOf(7), BigInteger.valueOf(1_000_000_001));
        for (int i = 0; i < 20; i++) {
            Fees next = f.bumped(12.5, CAP);
            assertThat(next.isBumpOf(f, 12.5)).isTrue();
            // x * 1.125 <= next, checked without rounding: 8 * next >= 9 * x
            assertThat(next.tipWei().multiply(BigInteger.valueOf(8))).isGreaterThanOrEqualTo(f.tipWei().multiply(BigInteger.valueOf(9)));
            assertThat(next.maxFeeWei().multiply(BigInteger.valueOf(8))).isGreaterThanOrEqualTo(f.maxFeeWei().multiply(BigInteger.valueOf(9)));
            f = next;
        }
    }

    @Test
    void aBumpThatWouldPassTheCapIsNotOffered() {
        Fees nearCap = new Fees(GWEI, CAP.subtract(BigInteger.ONE));

        assertThat(nearCap.bumped(12.5, CAP)).isNull();
    }

    @Test
    void feesMustBeOrdered() {
        assertThatThrownBy(() -> new Fees(GWEI, BigInteger.ONE)).hasMessageContaining("tip <= maxFee");
    }
}
