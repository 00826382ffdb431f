package io.velocity.desktop;

import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigWatcher;
import io.velocity.telemetry.HealthRegistry;
import javafx.application.Application;

import java.io.IOException;
import java.time.Duration;
import java.util.Set;

/**
 * Entry point of the workstation. Configuration is loaded and validated before any window opens,
 * so a malformed file ends the start with one line per problem and exit code 2.
 */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void main(String[] argv) {
        HealthRegistry health = Bootstrap.newHealthRegistry();
        ConfigService config;
        try {
            CliArgs args = CliArgs.parse(argv, Bootstrap.CONFIG_OPTIONS, Set.of());
            config = Bootstrap.loadConfig(args, System.getenv(), health);
        } catch (RuntimeException e) {
            System.exit(ErrorReporter.report("velocity", e, System.err));
            return;
        }
        try {
            // Hot reload for the workstation's lifetime; a daemon thread, so it never holds the JVM open.
            new ConfigWatcher(config, Duration.ofMillis(250)).start();
        } catch (IOException e) {
            System.err.println("velocity: config hot reload unavailable (" + e.getMessage() + "); edits apply on restart");
        }
        WorkstationApp.configure(config, health);
        Application.launch(WorkstationApp.class);
    }
}
