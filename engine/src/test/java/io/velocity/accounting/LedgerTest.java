package io.velocity.accounting;

import io.velocity.strategy.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LedgerTest {
    @Test
    void fillsMoveCashAndSharesInMicroUnits() {
        Ledger l = new Ledger(1_000_000_000L);
        l.onFill("m", Outcome.UP, true, 10_000_000, 6_000, 168_000); // 10 shares at 0.60, fee $0.168
        assertThat(l.bankrollMicros()).isEqualTo(1_000_000_000L - 6_000_000 - 168_000);
        MarketPosition p = l.position("m");
        assertThat(p.upSharesMicros()).isEqualTo(10_000_000);
        assertThat(p.costMicros()).isEqualTo(6_168_000);
        assertThat(p.unrealizedMicros(0.7)).isEqualTo(7_000_000 - 6_168_000);
        assertThat(l.feesMicros()).isEqualTo(168_000);
    }

    @Test
    void resolutionPaysWinningSharesAndRealizesPnl() {
        Ledger l = new Ledger(100_000_000L);
        l.onFill("m", Outcome.UP, true, 10_000_000, 6_000, 0);
        l.onFill("m", Outcome.DOWN, true, 5_000_000, 3_000, 0);
        assertThat(l.resolve("m", true)).isEqualTo(10_000_000 - 7_500_000);
        assertThat(l.bankrollMicros()).isEqualTo(100_000_000L - 7_500_000 + 10_000_000);
        assertThat(l.realizedMicros()).isEqualTo(2_500_000);
        assertThat(l.redeemedMicros()).isEqualTo(10_000_000);
        assertThat(l.positionOrNull("m")).isNull();
        assertThat(l.resolve("m", true)).isZero();
    }

    @Test
    void aLosingPositionRealizesItsWholeCost() {
        Ledger l = new Ledger(100_000_000L);
        l.onFill("m", Outcome.DOWN, true, 10_000_000, 4_000, 70_000);
        assertThat(l.resolve("m", true)).isEqualTo(-4_070_000);
    }

    @Test
    void sellingReducesSharesAndReturnsCash() {
        Ledger l = new Ledger(100_000_000L);
        l.onFill("m", Outcome.UP, true, 10_000_000, 5_000, 0);
        l.onFill("m", Outcome.UP, false, 10_000_000, 5_500, 50_000);
        assertThat(l.position("m").upSharesMicros()).isZero();
        assertThat(l.bankrollMicros()).isEqualTo(100_000_000L + 500_000 - 50_000);
    }
}
