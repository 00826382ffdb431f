package io.velocity.app;

import io.velocity.config.AppConfig;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.LoggingSetup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Start-up steps shared by the desktop, headless and CLI entry points: where the project and
 * its config live, which command-line options become config overrides, and loading the first
 * configuration generation.
 */
public final class Bootstrap {
    /** Options every entry point that loads configuration accepts. */
    public static final Set<String> CONFIG_OPTIONS = Set.of("config-dir", "mode", "feeds");

    private Bootstrap() {
    }

    /** The installation root: system property {@code velocity.home} (set by the launcher) or the working directory. */
    public static Path home() {
        String h = System.getProperty("velocity.home");
        return Path.of(h == null || h.isBlank() ? "." : h).toAbsolutePath().normalize();
    }

    /** The config folder: {@code --config-dir}, else {@code VELOCITY_CONFIG_DIR}, else {@code <home>/config}. */
    public static Path configDir(CliArgs args, Map<String, String> env) {
        String dir = args.get("config-dir");
        if (dir == null) {
            dir = env.get("VELOCITY_CONFIG_DIR");
        }
        return dir == null || dir.isBlank() ? home().resolve("config") : Path.of(dir).toAbsolutePath();
    }

    /** Config sources from the command line ({@code --mode}, {@code --feeds}, {@code --set}) and environment. */
    public static ConfigSources sources(CliArgs args, Map<String, String> env) {
        List<String> overrides = new ArrayList<>();
        if (args.get("mode") != null) {
            overrides.add("mode=" + args.get("mode"));
        }
        if (args.get("feeds") != null) {
            overrides.add("feeds=" + args.get("feeds"));
        }
        overrides.addAll(args.sets());
        return new ConfigSources(configDir(args, env), env, overrides);
    }

    /**
     * Loads the first configuration generation.
     *
     * @throws io.velocity.core.ConfigException listing every problem
     */
    public static ConfigService loadConfig(CliArgs args, Map<String, String> env, HealthRegistry health) {
        ConfigService service = new ConfigService(new ConfigLoader(sources(args, env)), health);
        LoggingSetup.useLogDirectory(service.current().app().logDirectory());
        return service;
    }

    /** A health registry on the system clock. */
    public static HealthRegistry newHealthRegistry() {
        return new HealthRegistry(Clock.SYSTEM);
    }
}
