package io.velocity.desktop.markets;

import io.velocity.desktop.support.Snapshots;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.FeedStatus;
import org.junit.jupiter.api.Test;

import static io.velocity.desktop.support.Snapshots.T0;
import static io.velocity.desktop.support.Snapshots.market;
import static org.assertj.core.api.Assertions.assertThat;

class MarketsViewModelTest {
    private final MarketsViewModel vm = new MarketsViewModel();

    @Test
    void updatesRowsInPlaceSoSelectionAndScrollSurvive() {
        vm.apply(Snapshots.at(T0).market(market("a")).market(market("b").asset("eth")).build());
        MarketItem a = vm.item("a");
        vm.apply(Snapshots.at(T0 + 100).sequence(2).market(market("a").spot(97_500)).market(market("b").asset("eth")).build());
        assertThat(vm.item("a")).isSameAs(a);
        assertThat(a.row().spot()).isEqualTo(97_500);
        assertThat(vm.items()).hasSize(2);
    }

    @Test
    void delistedMarketsLeaveTheTableAndNewOnesJoinIt() {
        vm.apply(Snapshots.at(T0).market(market("a")).market(market("b")).build());
        vm.apply(Snapshots.at(T0 + 100).market(market("b")).market(market("c")).build());
        assertThat(vm.items()).extracting(MarketItem::conditionId).containsExactly("b", "c");
        assertThat(vm.history().track("a")).isNull();
    }

    @Test
    void countdownRoundsUpAndStopsAtZero() {
        vm.apply(Snapshots.at(T0 + 239_001).market(market("a")).build());
        assertThat(vm.item("a").secondsLeftProperty().get()).isEqualTo(1);
        vm.apply(Snapshots.at(T0 + 250_000).market(market("a")).build());
        assertThat(vm.item("a").secondsLeftProperty().get()).isZero();
    }

    @Test
    void filtersByAssetTextAndActionable() {
        vm.apply(Snapshots.at(T0)
                .market(market("a"))
                .market(market("b").asset("eth").decision("SNIPE", "TRADE"))
                .market(market("c").asset("sol").duration("15m").position(5_000_000, 0, 120_000))
                .build());
        assertThat(vm.knownAssetsProperty().get()).containsExactly("BTC", "ETH", "SOL");
        vm.assetFilter().add("ETH");
        assertThat(vm.items().filtered(vm.predicateProperty().get())).extracting(MarketItem::conditionId).containsExactly("b");
        vm.assetFilter().clear();
        vm.queryProperty().set("sol 15m");
        assertThat(vm.items().filtered(vm.predicateProperty().get())).extracting(MarketItem::conditionId).containsExactly("c");
        vm.queryProperty().set("");
        vm.actionableOnlyProperty().set(true);
        assertThat(vm.items().filtered(vm.predicateProperty().get())).extracting(MarketItem::conditionId).containsExactly("b", "c");
    }

    @Test
    void emptyStateSaysWhyThereAreNoMarkets() {
        vm.apply(Snapshots.at(T0).build());
        assertThat(vm.placeholderProperty().get()).contains("not running in this session");
        vm.apply(Snapshots.at(T0).feed(new FeedStatus("gamma", FeedState.CONNECTING, "first poll", -1)).build());
        assertThat(vm.placeholderProperty().get()).contains("connecting").contains("first poll");
        vm.apply(Snapshots.at(T0).market(market("a")).build());
        assertThat(vm.placeholderProperty().get()).isEqualTo("No market matches the filter");
        assertThat(vm.summaryProperty().get()).startsWith("1 markets");
    }
}
