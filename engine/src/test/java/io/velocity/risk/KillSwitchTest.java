package io.velocity.risk;

import io.velocity.core.InputException;
import io.velocity.core.ManualClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KillSwitchTest {
    private final ManualClock clock = new ManualClock(1_000);
    private final KillSwitch ks = new KillSwitch(clock);

    @Test
    void engagingFromAnyThreadFlipsTheRailFlagImmediately() throws Exception {
        Thread ui = new Thread(() -> ks.engage(HaltLayer.MANUAL, "trader pressed HALT"));
        ui.start();
        ui.join();
        assertThat(ks.isHalted()).isTrue();
        assertThat(ks.state().headline()).isEqualTo("MANUAL: trader pressed HALT");
    }

    @Test
    void releaseNeedsAReasonAndAnActorAndIsAudited() {
        List<KillSwitch.KillSwitchEvent> audit = new ArrayList<>();
        ks.onEvent(audit::add);
        ks.engage(HaltLayer.MANUAL, "test");
        assertThatThrownBy(() -> ks.release(HaltLayer.MANUAL, " ", "alice")).isInstanceOf(InputException.class)
                .hasMessageContaining("reason");
        assertThatThrownBy(() -> ks.release(HaltLayer.MANUAL, "ok", "")).isInstanceOf(InputException.class);
        assertThat(ks.isHalted()).isTrue();
        ks.release(HaltLayer.MANUAL, "checked the feeds", "alice");
        assertThat(ks.isHalted()).isFalse();
        assertThat(audit).extracting(KillSwitch.KillSwitchEvent::engaged).containsExactly(true, false);
        assertThat(audit.get(1).actor()).isEqualTo("alice");
        assertThat(audit.get(1).reason()).isEqualTo("checked the feeds");
    }

    @Test
    void staysHaltedWhileAnyLayerIsEngaged() {
        ks.engage(HaltLayer.MANUAL, "a");
        ks.engage(HaltLayer.STALE_FEED, "binance frozen");
        ks.release(HaltLayer.MANUAL, "done", "bob");
        assertThat(ks.isHalted()).isTrue();
        ks.clearGuard(HaltLayer.STALE_FEED, "binance live");
        assertThat(ks.isHalted()).isFalse();
    }

    @Test
    void latchingLayersCannotClearThemselves() {
        ks.engage(HaltLayer.DAILY_LOSS, "limit");
        assertThatThrownBy(() -> ks.clearGuard(HaltLayer.DAILY_LOSS, "new day")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ks.isHalted()).isTrue();
    }

    @Test
    void reEngagingKeepsTheFirstReason() {
        ks.engage(HaltLayer.LATENCY, "first");
        clock.advanceMillis(10);
        ks.engage(HaltLayer.LATENCY, "second");
        assertThat(ks.state().engaged().get(HaltLayer.LATENCY).reason()).isEqualTo("first");
        assertThat(ks.state().engaged().get(HaltLayer.LATENCY).sinceMillis()).isEqualTo(1_000);
    }
}
