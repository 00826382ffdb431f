package io.velocity.desktop.killswitch;

import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitchState;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KillSwitchViewModelTest {
    @Test
    void headlineNamesTheOldestLayerAndCountsTheOthers() {
        KillSwitchViewModel vm = new KillSwitchViewModel();
        vm.apply(new KillSwitchState(true, Map.of(
                HaltLayer.STALE_FEED, new KillSwitchState.Engagement(HaltLayer.STALE_FEED, "binance: FROZEN", 2_000),
                HaltLayer.MANUAL, new KillSwitchState.Engagement(HaltLayer.MANUAL, "kill switch pressed", 1_000))));
        assertThat(vm.isHalted()).isTrue();
        assertThat(vm.headlineProperty().get()).startsWith("TRADING HALTED — Manual: kill switch pressed · since ")
                .endsWith("(+1 more layer)");
        assertThat(vm.engagedProperty().get()).extracting(KillSwitchState.Engagement::layer)
                .containsExactly(HaltLayer.MANUAL, HaltLayer.STALE_FEED);
        vm.apply(new KillSwitchState(false, Map.of()));
        assertThat(vm.isHalted()).isFalse();
        assertThat(vm.headlineProperty().get()).isEmpty();
    }
}
