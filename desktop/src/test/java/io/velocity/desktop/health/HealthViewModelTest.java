package io.velocity.desktop.health;

import io.velocity.config.AppConfig;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigSources;
import io.velocity.desktop.support.EngineFixture;
import io.velocity.desktop.support.Snapshots;
import io.velocity.engine.LatencyStats;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.FeedStatus;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitchState;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.HealthStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.velocity.desktop.support.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

/** Tile colours follow the thresholds in the configuration (defaults: drift 250 ms, tick-to-intent 5 ms, 120 orders/min). */
class HealthViewModelTest {
    private static final AppConfig CFG = new ConfigLoader(ConfigSources.filesOnly(EngineFixture.defaultConfigDir())).load(1).app();
    private final HealthViewModel vm = new HealthViewModel();

    private TileState tile(Snapshots.Builder s, String id) {
        return vm.tiles(s.build(), CFG).stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void clockDriftWarnsAtHalfTheLimitAndAlarmsAtIt() {
        assertThat(tile(Snapshots.at(T0).health(new HealthStatus("clock", HealthState.UP, "", 40_000, T0)), "clock").level())
                .isEqualTo(HealthLevel.OK);
        assertThat(tile(Snapshots.at(T0).health(new HealthStatus("clock", HealthState.UP, "", 130_000, T0)), "clock").level())
                .isEqualTo(HealthLevel.WARN);
        assertThat(tile(Snapshots.at(T0).health(new HealthStatus("clock", HealthState.UP, "", 260_000, T0)), "clock").level())
                .isEqualTo(HealthLevel.ALARM);
        assertThat(tile(Snapshots.at(T0), "clock").level()).isEqualTo(HealthLevel.UNKNOWN);
    }

    @Test
    void tickToIntentP99IsJudgedAgainstTheRiskLimit() {
        TileState t = tile(Snapshots.at(T0).tickToIntent(new LatencyStats(500, 80, 60_000, 70_000, 90_000)), "tick-to-intent");
        assertThat(t.level()).isEqualTo(HealthLevel.ALARM);
        assertThat(t.threshold()).isEqualTo(50.0); // risk.maxTickToIntentLatency in the shipped config
        assertThat(t.text()).isEqualTo("60.00 ms");
    }

    @Test
    void feedAgesUseThatFeedsStaleAndFrozenThresholds() {
        assertThat(tile(Snapshots.at(T0).feed(new FeedStatus("binance", FeedState.LIVE, "", 300)), "feed-binance").level())
                .isEqualTo(HealthLevel.OK);
        assertThat(tile(Snapshots.at(T0).feed(new FeedStatus("binance", FeedState.LIVE, "", 2_500)), "feed-binance").level())
                .isEqualTo(HealthLevel.WARN);
        assertThat(tile(Snapshots.at(T0).feed(new FeedStatus("gamma", FeedState.LIVE, "", 2_500)), "feed-gamma").level())
                .isEqualTo(HealthLevel.OK);
        assertThat(tile(Snapshots.at(T0).feed(new FeedStatus("clobMarket", FeedState.FROZEN, "silent socket", 25_000)),
                "feed-clobMarket").level()).isEqualTo(HealthLevel.ALARM);
        assertThat(tile(Snapshots.at(T0), "feed-allora").text()).isEqualTo("NOT RUNNING");
    }

    @Test
    void ordersPerMinuteWarnsNearTheThrottle() {
        assertThat(tile(Snapshots.at(T0).ordersPerMinute(100), "orders-per-minute").level()).isEqualTo(HealthLevel.WARN);
        assertThat(tile(Snapshots.at(T0).ordersPerMinute(120), "orders-per-minute").level()).isEqualTo(HealthLevel.ALARM);
    }

    @Test
    void killSwitchTileCarriesTheReason() {
        var ks = new KillSwitchState(true, Map.of(HaltLayer.DAILY_LOSS,
                new KillSwitchState.Engagement(HaltLayer.DAILY_LOSS, "daily loss $251 reached the limit", T0)));
        TileState t = tile(Snapshots.at(T0).killSwitch(ks), "killswitch");
        assertThat(t.text()).isEqualTo("HALTED");
        assertThat(t.detail()).contains("daily loss $251");
        assertThat(t.level()).isEqualTo(HealthLevel.ALARM);
    }

    @Test
    void servicesShowTheirStateAndLastLatency() {
        TileState rail = tile(Snapshots.at(T0).health(new HealthStatus("rail.a", HealthState.DEGRADED, "slow acks", 85_000, T0)), "rail-a");
        assertThat(rail.text()).isEqualTo("DEGRADED");
        assertThat(rail.detail()).isEqualTo("last 85.00 ms · slow acks");
        assertThat(rail.level()).isEqualTo(HealthLevel.WARN);
        assertThat(vm.tiles(null, CFG)).extracting(TileState::level).containsOnly(HealthLevel.UNKNOWN);
        assertThat(List.of(HealthViewModel.FEEDS)).hasSize(5);
    }
}
