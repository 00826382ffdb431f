package io.velocity.desktop.launch;

import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.session.KeystoreFileGate;
import io.velocity.desktop.session.SessionMode;
import io.velocity.desktop.session.SessionRequest;
import io.velocity.desktop.support.EngineFixture;
import io.velocity.security.KeystoreFile;
import io.velocity.telemetry.HealthRegistry;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Launch screen and keystore unlock with the real keystore (cheap Argon2 settings to keep the test fast). */
@ExtendWith(ApplicationExtension.class)
class StartupFlowTest {
    private static final String PASSWORD = "hunter22!";

    private Path dataDir;
    private HealthRegistry health;
    private FxTasks tasks;
    private StartupFlow flow;
    private final AtomicReference<SessionRequest> started = new AtomicReference<>();
    private final AtomicReference<EngineFixture> engine = new AtomicReference<>();

    @Start
    void start(Stage stage) throws Exception {
        Path configDir = EngineFixture.defaultConfigDir();
        dataDir = Files.createTempDirectory("velocity-startup");
        health = new HealthRegistry(Clock.SYSTEM);
        ConfigService config = new ConfigService(new ConfigLoader(new ConfigSources(configDir, Map.of(), List.of(
                "dataDir=" + dataDir, "security.kdfMemoryKiB=1024", "security.kdfIterations=1"))), health);
        tasks = new FxTasks();
        flow = new StartupFlow(stage, new StartupFlow.Settings(config, health, false), request -> {
            started.set(request);
            EngineFixture f = new EngineFixture(Clock.SYSTEM, request.config(), request.health());
            engine.set(f);
            return f.backend;
        }, KeystoreFileGate::forConfig, tasks, ws -> { });
        flow.begin();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(flow::close).get();
        tasks.close();
        if (started.get() != null && started.get().keystore() != null) {
            started.get().keystore().close();
        }
    }

    private void createKeystore() {
        var app = new ConfigService(new ConfigLoader(new ConfigSources(EngineFixture.defaultConfigDir(), Map.of(), List.of(
                "dataDir=" + dataDir, "security.kdfMemoryKiB=1024", "security.kdfIterations=1"))), health).current().app();
        KeystoreFile.forConfig(app).create(PASSWORD.toCharArray(), false);
    }

    @Test
    void wrongPasswordShowsOneVagueErrorAndTheRightOneOpensTheWorkstation(FxRobot robot) {
        createKeystore();
        robot.clickOn("#mode-paper-live");
        robot.clickOn("#launch-start");
        assertThat(robot.lookup("#unlock-path").queryAs(Label.class).getText()).endsWith("secrets.enc");

        robot.clickOn("#unlock-password").write("hunter23");
        robot.clickOn("#unlock-ok");
        Label error = robot.lookup("#unlock-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> error.isVisible() && !error.getText().isEmpty());
        assertThat(error.getText()).isEqualTo("Wrong password or corrupted keystore.");
        assertThat(started.get()).isNull();

        robot.clickOn("#unlock-password").write(PASSWORD);
        robot.clickOn("#unlock-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#workstation").tryQuery().isPresent());
        assertThat(started.get().mode()).isEqualTo(SessionMode.PAPER_LIVE);
        assertThat(started.get().keystore()).isNotNull();
        assertThat(started.get().config().current().app().feeds().name()).isEqualTo("LIVE");
        assertThat(started.get().keystore().toString()).doesNotContain(PASSWORD);
    }

    @Test
    void firstUseCreatesTheKeystoreThenUnlocksIt(FxRobot robot) {
        robot.clickOn("#mode-paper-live");
        robot.clickOn("#launch-start");
        assertThat(robot.lookup("#unlock-confirm").query().isVisible()).isTrue();
        robot.clickOn("#unlock-password").write(PASSWORD);
        robot.clickOn("#unlock-confirm").write("other");
        robot.clickOn("#unlock-ok");
        Label error = robot.lookup("#unlock-error").queryAs(Label.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> error.getText().contains("differ"));
        assertThat(Files.exists(dataDir.resolve("secrets.enc"))).isFalse();

        robot.clickOn("#unlock-password").write(PASSWORD);
        robot.clickOn("#unlock-confirm").write(PASSWORD);
        robot.clickOn("#unlock-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(dataDir.resolve("secrets.enc"))
                && !robot.lookup("#unlock-confirm").query().isVisible());
        assertThat(robot.lookup("#unlock-ok").queryAs(Button.class).getText()).isEqualTo("Unlock");

        robot.clickOn("#unlock-password").write(PASSWORD);
        robot.clickOn("#unlock-ok");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#workstation").tryQuery().isPresent());
    }

    @Test
    void paperOnSimulatedFeedsStartsWithoutAskingForAPassword(FxRobot robot) {
        robot.clickOn("#launch-start");
        await().atMost(Duration.ofSeconds(10)).until(() -> robot.lookup("#workstation").tryQuery().isPresent());
        assertThat(started.get().mode()).isEqualTo(SessionMode.PAPER_SIM);
        assertThat(started.get().keystore()).isNull();
    }
}
