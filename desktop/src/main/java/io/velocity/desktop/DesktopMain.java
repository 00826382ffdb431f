package io.velocity.desktop;

import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.config.ConfigService;
import io.velocity.desktop.launch.StartupFlow;
import io.velocity.telemetry.HealthRegistry;
import javafx.application.Application;

import java.util.Set;

/**
 * Entry point of the workstation. Configuration is loaded and validated before any window opens,
 * so a malformed file ends the start with one line per problem and exit code 2. With
 * {@code --mode} or {@code --feeds} on the command line the launch screen is skipped (live mode
 * still asks for the keystore password).
 */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void main(String[] argv) {
        HealthRegistry health = Bootstrap.newHealthRegistry();
        ConfigService config;
        CliArgs args;
        try {
            args = CliArgs.parse(argv, Bootstrap.CONFIG_OPTIONS, Set.of());
            config = Bootstrap.loadConfig(args, System.getenv(), health);
        } catch (RuntimeException e) {
            System.exit(ErrorReporter.report("velocity", e, System.err));
            return;
        }
        boolean modeChosen = args.get("mode") != null || args.get("feeds") != null;
        WorkstationApp.configure(new StartupFlow.Settings(config, health, modeChosen));
        Application.launch(WorkstationApp.class);
    }
}
