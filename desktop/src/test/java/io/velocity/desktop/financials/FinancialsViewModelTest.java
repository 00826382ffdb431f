package io.velocity.desktop.financials;

import io.velocity.desktop.support.Snapshots;
import io.velocity.engine.Financials;
import io.velocity.engine.PnlPoint;
import io.velocity.engine.WindowResult;
import org.junit.jupiter.api.Test;

import static io.velocity.desktop.support.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

class FinancialsViewModelTest {
    private final FinancialsViewModel vm = new FinancialsViewModel();

    @Test
    void keyFiguresAreSignedAndColoured() {
        vm.apply(Snapshots.at(T0).financials(new Financials(950_000_000, -12_500_000, 3_250_000, 800_000, 20_000_000,
                40_000_000, -12_500_000)).build());
        var kpis = vm.kpisProperty().get();
        assertThat(kpis).filteredOn(k -> k.id().equals("bankroll")).singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo("$950.00"));
        assertThat(kpis).filteredOn(k -> k.id().equals("realized")).singleElement()
                .satisfies(k -> {
                    assertThat(k.value()).isEqualTo("−$12.50");
                    assertThat(k.style()).isEqualTo("neg");
                });
        assertThat(kpis).filteredOn(k -> k.id().equals("equity")).singleElement()
                .satisfies(k -> assertThat(k.value()).isEqualTo("$993.25"));
    }

    @Test
    void pnlPointsAreHandedOutOnce() {
        vm.apply(Snapshots.at(T0).pnl(new PnlPoint(T0, 1, 0, 0)).build());
        vm.apply(Snapshots.at(T0).pnl(new PnlPoint(T0, 1, 0, 0)).pnl(new PnlPoint(T0 + 5_000, 2, 0, 0)).build());
        assertThat(vm.drainNewPoints()).extracting(PnlPoint::timeMillis).containsExactly(T0, T0 + 5_000);
        assertThat(vm.drainNewPoints()).isEmpty();
    }

    @Test
    void windowBarsSumEveryMarketOfTheSameClose() {
        WindowResult btc = new WindowResult("btc-updown-5m-1", "btc", T0, true, 10_000_000, 15_000_000, 5_000_000, 100_000);
        WindowResult eth = new WindowResult("eth-updown-5m-1", "eth", T0, false, 8_000_000, 0, -8_000_000, 90_000);
        WindowResult later = new WindowResult("btc-updown-15m-2", "btc", T0 + 900_000, true, 1_000_000, 2_000_000, 1_000_000, 0);
        vm.apply(Snapshots.at(T0).result(eth).result(btc).build());
        vm.apply(Snapshots.at(T0).result(later).result(eth).result(btc).build());
        assertThat(vm.results()).extracting(WindowResultItem::row).containsExactly(later, eth, btc);
        assertThat(vm.windowBars()).extracting(FinancialsViewModel.WindowBar::pnlMicros).containsExactly(-3_000_000L, 1_000_000L);
        assertThat(vm.windowBars().get(0).markets()).isEqualTo(2);
        assertThat(vm.windowBars().get(1).label()).endsWith("15m");
    }
}
