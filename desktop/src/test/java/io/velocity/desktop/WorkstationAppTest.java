package io.velocity.desktop;

import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The window opens headless (Monocle) and shows the active mode and the health model. */
@ExtendWith(ApplicationExtension.class)
class WorkstationAppTest {
    private HealthRegistry health;

    @Start
    void start(Stage stage) throws IOException {
        Path dir = Files.createTempDirectory("velocity-config");
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        health = new HealthRegistry(Clock.SYSTEM);
        ConfigService config = new ConfigService(new ConfigLoader(ConfigSources.filesOnly(dir)), health);
        WorkstationApp.configure(config, health);
        new WorkstationApp().start(stage);
    }

    @Test
    void showsModeAndHealthRefreshedOnThePulse(FxRobot robot) {
        assertThat(robot.lookup(".mode-badge").queryAs(Label.class).getText()).isEqualTo("PAPER · sim feeds");
        assertThat(robot.lookup(".title").queryAs(Label.class).getText()).isEqualTo("Velocity");
        health.report("redis", HealthState.DOWN, "connection refused");
        await().atMost(Duration.ofSeconds(3)).until(() ->
                robot.lookup(".mono").queryAs(Label.class).getText().contains("connection refused"));
    }
}
