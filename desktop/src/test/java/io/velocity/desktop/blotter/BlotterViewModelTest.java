package io.velocity.desktop.blotter;

import io.velocity.desktop.support.Snapshots;
import io.velocity.engine.FillRow;
import org.junit.jupiter.api.Test;

import static io.velocity.desktop.support.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

class BlotterViewModelTest {
    private final BlotterViewModel vm = new BlotterViewModel();

    @Test
    void ordersUpdateInPlaceAndStayAfterTheEngineForgetsThem() {
        vm.apply(Snapshots.at(T0).order(Snapshots.order(1, "c", "btc-updown-5m-1", "UP", 5_000, "ACKED")).build());
        OrderItem item = vm.orders().get(0);
        vm.apply(Snapshots.at(T0).order(Snapshots.order(1, "c", "btc-updown-5m-1", "UP", 5_000, "FILLED")).build());
        assertThat(vm.orders()).containsExactly(item);
        assertThat(item.row().state()).isEqualTo("FILLED");
        vm.apply(Snapshots.at(T0).build());
        assertThat(vm.orders()).containsExactly(item);
    }

    @Test
    void keepsTheSlugWhenTheEngineFallsBackToTheConditionId() {
        vm.apply(Snapshots.at(T0).order(Snapshots.order(1, "0xc", "btc-updown-5m-1", "UP", 5_000, "ACKED")).build());
        vm.apply(Snapshots.at(T0).order(Snapshots.order(1, "0xc", "0xc", "UP", 5_000, "CANCELLED")).build());
        assertThat(vm.orders().get(0).row().slug()).isEqualTo("btc-updown-5m-1");
        assertThat(vm.orders().get(0).row().state()).isEqualTo("CANCELLED");
    }

    @Test
    void newFillsArePrependedOnceNewestFirst() {
        FillRow f1 = Snapshots.fill(T0, 1, "s", "UP", 5_000);
        FillRow f2 = Snapshots.fill(T0 + 1, 2, "s", "UP", 5_100);
        FillRow f3 = Snapshots.fill(T0 + 2, 3, "s", "DOWN", 4_900);
        vm.apply(Snapshots.at(T0).fill(f1).build());
        vm.apply(Snapshots.at(T0).fill(f2).fill(f1).build());
        vm.apply(Snapshots.at(T0).fill(f3).fill(f2).fill(f1).build());
        vm.apply(Snapshots.at(T0).fill(f3).fill(f2).fill(f1).build());
        assertThat(vm.fills()).extracting(FillItem::row).containsExactly(f3, f2, f1);
    }

    @Test
    void filterMatchesTraceIdsAndWorkingOnlyHidesFinishedOrders() {
        vm.apply(Snapshots.at(T0)
                .order(Snapshots.order(1, "c", "btc-updown-5m-1", "UP", 5_000, "ACKED"))
                .order(Snapshots.order(2, "c", "btc-updown-5m-1", "UP", 5_000, "FILLED")).build());
        vm.workingOnlyProperty().set(true);
        assertThat(vm.orders().filtered(vm.orderFilterProperty().get())).extracting(OrderItem::clientOrderId).containsExactly(1L);
        vm.workingOnlyProperty().set(false);
        vm.queryProperty().set("trace2");
        assertThat(vm.orders().filtered(vm.orderFilterProperty().get())).extracting(OrderItem::clientOrderId).containsExactly(2L);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 orders (1 working) · 0 fills · 0 redemptions");
    }
}
