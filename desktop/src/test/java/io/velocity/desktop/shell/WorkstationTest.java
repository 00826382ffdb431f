package io.velocity.desktop.shell;

import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.markets.MarketItem;
import io.velocity.desktop.support.PaperSession;
import io.velocity.engine.EngineSnapshot;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * Acceptance: the workstation on the application's own paper session (embedded stores, the venue
 * simulator on loopback with compressed time, the real market-data feeds, the paper gateway and
 * the engine), headless (Monocle). One session serves the whole class; each test opens its own
 * workstation window on it and leaves the kill switch released.
 */
@ExtendWith(ApplicationExtension.class)
class WorkstationTest {
    private static PaperSession paper;
    private FxTasks tasks;
    private Workstation workstation;

    @BeforeAll
    static void startSession() {
        // Only manual halts in these tests: the latency and loss layers may trip on a loaded CI box.
        paper = new PaperSession("risk.maxTickToIntentLatency=1s", "risk.maxConsecutiveLosses=1000",
                "risk.dailyLossLimitUsd=100000", "risk.maxOrdersPerMinute=6000");
    }

    @AfterAll
    static void stopSession() {
        paper.close();
    }

    @Start
    void start(Stage stage) {
        tasks = new FxTasks();
        workstation = new Workstation(paper.backend, stage, paper.dataDir, tasks);
        workstation.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(workstation::stop).get();
        tasks.close();
        if (paper.backend.killSwitch().halted()) {
            paper.backend.release(null, "next test", "WorkstationTest");
            await().atMost(Duration.ofSeconds(5)).until(() -> !paper.session().engine().snapshot().killSwitch().halted());
        }
    }

    /** Waits until the table lists at least a few simulator markets. */
    private TableView<MarketItem> listedMarkets(FxRobot robot) {
        TableView<MarketItem> table = markets(robot);
        await().atMost(Duration.ofSeconds(30)).until(() -> table.getItems().size() >= 8);
        return table;
    }

    private static long ordersSent() {
        return PaperSession.ordersSent(paper.snapshot());
    }

    @SuppressWarnings("unchecked")
    private TableView<MarketItem> markets(FxRobot robot) {
        return robot.lookup("#markets-table").queryAs(TableView.class);
    }

    @Test
    void marketsTableFillsWithSimulatorMarketsAndKeepsUpdating(FxRobot robot) {
        TableView<MarketItem> table = listedMarkets(robot);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            EngineSnapshot s = paper.snapshot();
            return s != null && table.getItems().size() == s.markets().size();
        });
        assertThat(table.getItems()).extracting(i -> i.row().asset()).contains("btc", "eth", "sol", "xrp");
        assertThat(table.getItems()).allMatch(i -> i.row().conditionId().startsWith("0x"));
        MarketItem latest = table.getItems().stream().max(Comparator.comparingLong(i -> i.row().windowEndMillis())).orElseThrow();
        var before = latest.row();
        await().atMost(Duration.ofSeconds(10)).until(() -> !latest.row().equals(before));
        assertThat(table.getItems()).contains(latest);
    }

    @Test
    void selectionSurvivesLiveUpdatesAndResorting(FxRobot robot) {
        TableView<MarketItem> table = listedMarkets(robot);
        robot.interact(() -> {
            table.getSortOrder().setAll(table.getColumns().stream().filter(c -> "edge".equals(c.getId())).toList());
            // The market that resolves last, so it is still listed when the test looks again.
            table.getSelectionModel().select(table.getItems().stream()
                    .max(Comparator.comparingLong(i -> i.row().windowEndMillis())).orElseThrow());
        });
        MarketItem chosen = table.getSelectionModel().getSelectedItem();
        long frames = workstation.pump().frames();
        await().atMost(Duration.ofSeconds(5)).until(() -> workstation.pump().frames() > frames + 20);
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(chosen);
        assertThat(table.getSelectionModel().getSelectedItems()).containsExactly(chosen);
    }

    @Test
    void killSwitchHaltsTheEngineAtOnceAndNoNewOrdersAreSentUntilReleasedWithAReason(FxRobot robot) {
        await().atMost(Duration.ofSeconds(45)).until(() -> ordersSent() > 0);
        assertThat(paper.snapshot().killSwitch().halted()).isFalse();
        robot.clickOn("#kill-switch");
        assertThat(paper.backend.killSwitch().halted()).isTrue();
        await().atMost(Duration.ofSeconds(2)).until(() -> paper.snapshot().killSwitch().halted());
        await().atMost(Duration.ofSeconds(2)).until(() -> robot.lookup("#halt-banner").query().isVisible());
        assertThat(robot.lookup("#halt-banner-text").queryLabeled().getText()).contains("kill switch pressed");
        // The simulator keeps quoting and the engine keeps evaluating, but nothing more is sent.
        long sent = ordersSent();
        long evaluations = paper.snapshot().decisionCounts().values().stream().mapToLong(Long::longValue).sum();
        await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(4)).until(() -> ordersSent() == sent);
        assertThat(paper.snapshot().decisionCounts().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(evaluations);
        assertThat(paper.snapshot().killSwitch().halted()).isTrue();

        robot.clickOn("#release");
        Button ok = robot.lookup("#release-dialog .button").queryAll().stream()
                .map(Button.class::cast).filter(b -> b.getText().startsWith("Release and resume")).findFirst().orElseThrow();
        assertThat(ok.isDisabled()).isTrue();
        robot.clickOn("#release-reason").write("feeds ok");
        assertThat(ok.isDisabled()).isFalse();
        robot.clickOn(ok);
        await().atMost(Duration.ofSeconds(3)).until(() -> !paper.backend.killSwitch().halted());
        await().atMost(Duration.ofSeconds(3)).until(() -> !paper.snapshot().killSwitch().halted());
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
        TableView<MarketItem> table = listedMarkets(robot);
        robot.interact(() -> table.getSelectionModel().select(table.getItems().stream()
                .max(Comparator.comparingLong(i -> i.row().windowEndMillis())).orElseThrow()));
        await().atMost(Duration.ofSeconds(5)).until(() -> !robot.lookup("#market-price-chart").queryAs(LineChart.class)
                .getData().isEmpty() && ((LineChart<?, ?>) robot.lookup("#market-price-chart").query()).getData().get(0).getData().size() > 2);

        Path png = paper.dataDir.resolve("out/price.png");
        export(robot, "#market-price-export-png", png);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(png) && Files.size(png) > 0);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1600);
        assertThat(image.getHeight()).isEqualTo(900);

        Path csv = paper.dataDir.resolve("out/price.csv");
        export(robot, "#market-price-export-csv", csv);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(csv) && Files.size(csv) > 0);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("series,time_utc,epoch_ms,value,label");
        assertThat(lines).anyMatch(l -> l.startsWith("Binance,"));

        await().atMost(Duration.ofSeconds(45)).until(() -> ordersSent() > 0);
        robot.interact(() -> workstation.select("blotter"));
        await().atMost(Duration.ofSeconds(5)).until(() -> !workstation.blotter().ordersTable().view().getItems().isEmpty());
        Path orders = paper.dataDir.resolve("out/orders.csv");
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
        assertThat(paper.dataDir.resolve("workspace.json")).exists();

        Workstation[] second = new Workstation[1];
        robot.interact(() -> {
            second[0] = new Workstation(paper.backend, new Stage(), paper.dataDir, tasks);
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
        await().atMost(Duration.ofSeconds(2)).until(() -> paper.backend.killSwitch().halted());
        assertThat(paper.backend.killSwitch().headline()).contains("hotkey");
        await().atMost(Duration.ofSeconds(2)).until(() -> paper.snapshot().killSwitch().halted());
    }
}
