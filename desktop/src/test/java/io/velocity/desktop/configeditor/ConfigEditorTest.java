package io.velocity.desktop.configeditor;

import io.velocity.config.ConfigFile;
import io.velocity.core.Clock;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.shell.Workstation;
import io.velocity.desktop.support.EngineFixture;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The config editor on a real engine and real files: refuses bad values inline, saves good ones the engine applies. */
@ExtendWith(ApplicationExtension.class)
class ConfigEditorTest {
    private EngineFixture engine;
    private FxTasks tasks;
    private Workstation workstation;

    @Start
    void start(Stage stage) {
        engine = new EngineFixture(Clock.SYSTEM);
        tasks = new FxTasks();
        workstation = new Workstation(engine.backend, stage, engine.dataDir, tasks);
        workstation.show();
        workstation.select("config");
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(workstation::stop).get();
        engine.close();
        tasks.close();
    }

    private void replace(FxRobot robot, String query, String text) {
        robot.clickOn(query);
        robot.press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL);
        robot.write(text);
    }

    @Test
    void refusesAnInvalidValueInlineAndWritesNothingThenSavesAValidOneTheEngineApplies(FxRobot robot) throws Exception {
        Path file = engine.configDir.resolve("config.json");
        byte[] before = Files.readAllBytes(file);
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#config-sections").tryQuery().isPresent());
        robot.interact(() -> workstation.configEditor().showSection(ConfigFile.APP, "risk"));
        await().atMost(Duration.ofSeconds(5)).until(() -> robot.lookup("#field-risk-maxOrderUsd").tryQuery().isPresent());

        replace(robot, "#field-risk-maxOrderUsd", "-5");
        Label error = robot.lookup("#error-risk-maxOrderUsd").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> error.isVisible() && error.getText().contains("must be > 0"));
        assertThat(robot.lookup("#config-save").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(engine.config.current().app().risk().maxOrderUsd()).isEqualTo(50_000_000L);

        replace(robot, "#field-risk-maxOrderUsd", "75");
        Button save = robot.lookup("#config-save").queryAs(Button.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> !error.isVisible() && !save.isDisabled());
        robot.clickOn(save);
        Button confirm = robot.lookup("#config-review .button").queryAll().stream().map(Button.class::cast)
                .filter(b -> b.getText().equals("Save and apply")).findFirst().orElseThrow();
        robot.clickOn(confirm);

        await().atMost(Duration.ofSeconds(5)).until(() -> engine.config.current().app().risk().maxOrderUsd() == 75_000_000L);
        assertThat(Files.readString(file)).contains("\"maxOrderUsd\" : 75");
        await().atMost(Duration.ofSeconds(5)).until(() -> engine.runtime.snapshot().configGeneration() == 2);
        Label status = robot.lookup("#config-status").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> status.getText().contains("took effect"));
        assertThat(engine.backend.configHistory()).first()
                .satisfies(h -> assertThat(h.changedPaths()).containsExactly("risk.maxOrderUsd"));
    }
}
