package io.velocity.desktop.launch;

import io.velocity.app.VelocitySession;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.health.HealthLevel;
import io.velocity.desktop.session.KeystoreFileGate;
import io.velocity.desktop.session.VelocitySessionFactory;
import io.velocity.desktop.support.EngineFixture;
import io.velocity.desktop.support.PaperSession;
import io.velocity.telemetry.HealthRegistry;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The workstation on the application's own session: embedded Redis and PostgreSQL, the venue
 * simulator on loopback, the market-data feeds, the paper gateway and the engine, started from the
 * launch flow.
 */
@ExtendWith(ApplicationExtension.class)
class RealSessionTest {
    private FxTasks tasks;
    private StartupFlow flow;

    @Start
    void start(Stage stage) throws Exception {
        HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
        List<String> sets = new ArrayList<>(PaperSession.FAST);
        sets.add("dataDir=" + Files.createTempDirectory("velocity-session"));
        ConfigService config = new ConfigService(new ConfigLoader(new ConfigSources(EngineFixture.defaultConfigDir(), Map.of(),
                sets)), health);
        tasks = new FxTasks();
        flow = new StartupFlow(stage, new StartupFlow.Settings(config, health, true),
                new VelocitySessionFactory(new VelocitySession.Options(true, Clock.SYSTEM)), KeystoreFileGate::forConfig,
                tasks, ws -> { });
        flow.begin();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(flow::close).get();
        tasks.close();
    }

    @Test
    void opensOnTheSessionWithItsStoresAndSimulatorAndHaltsIt(FxRobot robot) {
        await().atMost(Duration.ofSeconds(60)).until(() -> flow.workstation() != null
                && robot.lookup("#workstation").tryQuery().isPresent());
        var ws = flow.workstation();
        VelocitySession session = ((VelocitySessionFactory.SessionBackend) ws.backend()).session();
        assertThat(session.simulator()).isPresent();
        await().atMost(Duration.ofSeconds(20)).until(() -> ws.health().state("redis") != null
                && ws.health().state("redis").level() == HealthLevel.OK
                && ws.health().state("postgres") != null && ws.health().state("postgres").level() == HealthLevel.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> ws.markets().tableView().getItems().size() >= 8);
        robot.clickOn("#kill-switch");
        assertThat(session.killSwitch().isHalted()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> session.engine().snapshot().killSwitch().halted());
    }
}
