package io.velocity.desktop.shell;

import io.velocity.core.Clock;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.markets.MarketItem;
import io.velocity.desktop.support.EngineFixture;
import io.velocity.desktop.support.SyntheticVenue;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The workstation on a real paper engine fed by the synthetic venue, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class WorkstationTest {
    private EngineFixture engine;
    private SyntheticVenue venue;
    private FxTasks tasks;
    private Workstation workstation;

    @Start
    void start(Stage stage) {
        engine = new EngineFixture(Clock.SYSTEM, "risk.maxTickToIntentLatency=1s");
        venue = new SyntheticVenue(engine.runtime, engine.clock, List.of("btc", "eth", "sol", "xrp"), List.of("5m", "15m"), 7)
                .start(40);
        tasks = new FxTasks();
        workstation = new Workstation(engine.backend, stage, engine.dataDir, tasks);
        workstation.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(workstation::stop).get();
        venue.close();
        engine.close();
        tasks.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<MarketItem> markets(FxRobot robot) {
        return robot.lookup("#markets-table").queryAs(TableView.class);
    }

    @Test
    void marketsTableFillsWithVenueMarketsAndKeepsUpdating(FxRobot robot) {
        TableView<MarketItem> table = markets(robot);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 16);
        MarketItem first = table.getItems().get(0);
        var before = first.row();
        await().atMost(Duration.ofSeconds(5)).until(() -> first.row() != before && !first.row().equals(before));
        assertThat(table.getItems()).contains(first);
    }

    @Test
    void selectionSurvivesLiveUpdatesAndResorting(FxRobot robot) {
        TableView<MarketItem> table = markets(robot);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 16);
        robot.interact(() -> {
            table.getSortOrder().setAll(table.getColumns().stream().filter(c -> "edge".equals(c.getId())).toList());
            table.getSelectionModel().select(5);
        });
        MarketItem chosen = table.getSelectionModel().getSelectedItem();
        long frames = workstation.pump().frames();
        await().atMost(Duration.ofSeconds(5)).until(() -> workstation.pump().frames() > frames + 20);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly(chosen);
    }

    @Test
    void killSwitchHaltsAtOnceAndNoNewOrdersReachTheGatewayUntilReleasedWithAReason(FxRobot robot) {
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.gateway.submitted() > 0);
        robot.clickOn("#kill-switch");
        assertThat(engine.backend.killSwitch().halted()).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> robot.lookup("#halt-banner").query().isVisible());
        assertThat(robot.lookup("#halt-banner-text").queryLabeled().getText()).contains("kill switch pressed");
        long sent = engine.gateway.submitted();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> engine.gateway.submitted() == sent);

        robot.clickOn("#release");
        Button ok = robot.lookup("#release-dialog .button").queryAll().stream()
                .map(Button.class::cast).filter(b -> b.getText().startsWith("Release and resume")).findFirst().orElseThrow();
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn("#release-reason").write("feeds ok");
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);
        await().atMost(Duration.ofSeconds(3)).until(() -> !engine.backend.killSwitch().halted());
        await().atMost(Duration.ofSeconds(2)).until(() -> !robot.lookup("#halt-banner").query().isVisible());
    }

    @Test
    void hotkeyHaltsFromAnywhereEvenWhileTypingInAFilter(FxRobot robot) {
        robot.clickOn("#markets-filter").write("btc");
        robot.press(KeyCode.F12).release(KeyCode.F12);
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.backend.killSwitch().halted());
        assertThat(engine.backend.killSwitch().headline()).contains("hotkey");
    }
}
