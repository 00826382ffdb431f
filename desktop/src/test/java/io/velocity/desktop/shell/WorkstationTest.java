package io.velocity.desktop.shell;

import io.velocity.core.Clock;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.markets.MarketItem;
import io.velocity.desktop.support.EngineFixture;
import io.velocity.desktop.support.SyntheticVenue;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
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

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
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

    private void export(FxRobot robot, String button, Path file) {
        robot.clickOn(button);
        TextField path = robot.lookup("#export-path").queryAs(TextField.class);
        robot.interact(() -> path.setText(file.toString()));
        Button ok = robot.lookup("#export-dialog .button").queryAll().stream().map(Button.class::cast)
                .filter(b -> b.getText().equals("Export")).findFirst().orElseThrow();
        robot.clickOn(ok);
    }

    @Test
    void chartsExportToPngAtTheChosenSizeAndTheirDataAndTheBlotterToCsv(FxRobot robot) throws Exception {
        TableView<MarketItem> table = markets(robot);
        await().atMost(Duration.ofSeconds(10)).until(() -> table.getItems().size() == 16);
        robot.interact(() -> table.getSelectionModel().select(0));
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#market-price-chart").queryAs(LineChart.class)
                .getData().isEmpty() && ((LineChart<?, ?>) robot.lookup("#market-price-chart").query()).getData().get(0).getData().size() > 2);

        Path png = engine.dataDir.resolve("out/price.png");
        export(robot, "#market-price-export-png", png);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(png) && Files.size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);

        Path csv = engine.dataDir.resolve("out/price.csv");
        export(robot, "#market-price-export-csv", csv);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("series,time_utc,epoch_ms,value,label");
        assertThat(lines).anyMatch(l -> l.startsWith("Binance,"));

        await().atMost(Duration.ofSeconds(30)).until(() -> engine.gateway.submitted() > 0);
        robot.interact(() -> workstation.select("blotter"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !workstation.blotter().ordersTable().view().getItems().isEmpty());
        Path orders = engine.dataDir.resolve("out/orders.csv");
        export(robot, "#orders-export-csv", orders);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(orders) && Files.size(orders) > 0);
        assertThat(Files.readAllLines(orders).get(0)).startsWith("Updated,Order #,Market,Intent");
        assertThat(Files.readAllLines(orders)).hasSizeGreaterThan(1);
    }

    @Test
    void layoutIsRememberedBetweenRuns(FxRobot robot) throws Exception {
        robot.interact(() -> {
            TableView<MarketItem> t = workstation.markets().tableView();
            var edge = t.getColumns().stream().filter(c -> "edge".equals(c.getId())).findFirst().orElseThrow();
            t.getColumns().remove(edge);
            t.getColumns().add(1, edge);
            t.getColumns().stream().filter(c -> "open".equals(c.getId())).findFirst().orElseThrow().setVisible(false);
            workstation.markets().split().setDividerPositions(0.4);
            workstation.setPanelVisible("health", false);
            workstation.select("blotter");
        });
        WaitForAsyncUtils.asyncFx(workstation::stop).get();
        assertThat(engine.dataDir.resolve("workspace.json")).exists();

        Workstation[] second = new Workstation[1];
        robot.interact(() -> {
            second[0] = new Workstation(engine.backend, new Stage(), engine.dataDir, tasks);
            second[0].show();
        });
        try {
            TableView<MarketItem> t = second[0].markets().tableView();
            assertThat(t.getColumns().get(1).getId()).isEqualTo("edge");
            assertThat(t.getColumns().stream().filter(c -> "open".equals(c.getId())).findFirst().orElseThrow().isVisible()).isFalse();
            assertThat(second[0].markets().split().getDividerPositions()[0]).isCloseTo(0.4, within(0.01));
            assertThat(second[0].isPanelVisible("health")).isFalse();
            assertThat(second[0].tabs().getSelectionModel().getSelectedItem().getId()).isEqualTo("tab-blotter");
        } finally {
            robot.interact(() -> {
                second[0].stop();
                second[0].stage().close();
            });
        }
    }

    @Test
    void hotkeyHaltsFromAnywhereEvenWhileTypingInAFilter(FxRobot robot) {
        robot.clickOn("#markets-filter").write("btc");
        robot.press(KeyCode.F12).release(KeyCode.F12);
        await().atMost(Duration.ofSeconds(2)).until(() -> engine.backend.killSwitch().halted());
        assertThat(engine.backend.killSwitch().headline()).contains("hotkey");
    }
}
