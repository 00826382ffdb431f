package io.velocity.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where configuration comes from, in increasing precedence: the defaults shipped inside the
 * engine jar, the files in {@code configDir}, environment variables
 * ({@code VELOCITY__RISK__MAXORDERUSD=75}, {@code VELOCITY__STRATEGY__KELLYFRACTION=0.2}: path
 * segments separated by two underscores, matched case-insensitively), and command-line
 * overrides ({@code --set risk.maxOrderUsd=75}).
 *
 * @param configDir folder holding {@code config.json} and {@code strategies.json}
 * @param env       environment (only {@code VELOCITY__*} entries are read)
 * @param overrides command-line {@code path=value} overrides, applied last
 */
public record ConfigSources(Path configDir, Map<String, String> env, List<String> overrides) {

    /** Prefix of environment variables that override config fields. */
    public static final String ENV_PREFIX = "VELOCITY__";

    public ConfigSources {
        env = Map.copyOf(env);
        overrides = List.copyOf(overrides);
    }

    /** Files only, no environment or command-line overrides (tests, tools). */
    public static ConfigSources filesOnly(Path configDir) {
        return new ConfigSources(configDir, Map.of(), List.of());
    }
}
