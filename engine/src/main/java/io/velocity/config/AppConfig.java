package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Text;

/**
 * The contents of {@code config/config.json}: endpoints, storage, risk limits, feed settings
 * and mode. Immutable; a reload builds a new instance and swaps it atomically.
 */
public record AppConfig(
        @Doc("Trading mode: paper (simulated fills), live (real orders) or replay") Mode mode,
        @Doc("Market data source: sim (built-in simulator on loopback) or live venues") FeedSource feeds,
        @Doc("Folder for the journal, embedded stores, logs and the keystore; empty means ~/.local/share/velocity")
        @Text(optional = true) String dataDir,
        MarketsConfig markets,
        EngineConfig engine,
        VenuesConfig venues,
        ChainConfig chain,
        ExecutionConfig execution,
        StorageConfig storage,
        SecurityConfig security,
        RiskConfig risk,
        FeedHealthConfig feedHealth,
        ClockConfig clock,
        TelemetryConfig telemetry,
        SimConfig sim) {

    /**
     * The data folder: {@code dataDir} when set, else the system property {@code velocity.dataDir}
     * (set by the launcher), else {@code $VELOCITY_DATA_DIR}, else {@code $XDG_DATA_HOME/velocity},
     * else {@code ~/.local/share/velocity}.
     */
    public java.nio.file.Path dataDirectory() {
        if (!dataDir.isBlank()) {
            return expandHome(dataDir);
        }
        String prop = System.getProperty("velocity.dataDir");
        if (prop != null && !prop.isBlank()) {
            return java.nio.file.Path.of(prop).toAbsolutePath();
        }
        String env = System.getenv("VELOCITY_DATA_DIR");
        if (env != null && !env.isBlank()) {
            return java.nio.file.Path.of(env).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        java.nio.file.Path base = xdg != null && !xdg.isBlank()
                ? java.nio.file.Path.of(xdg)
                : java.nio.file.Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("velocity").toAbsolutePath();
    }

    /** A leading {@code ~/} means the home folder, as in a shell. */
    static java.nio.file.Path expandHome(String p) {
        if (p.equals("~") || p.startsWith("~/")) {
            return java.nio.file.Path.of(System.getProperty("user.home") + p.substring(1)).toAbsolutePath();
        }
        return java.nio.file.Path.of(p).toAbsolutePath();
    }

    /** The folder of the JSON log files: {@code telemetry.logDir} or {@code <dataDirectory>/logs}. */
    public java.nio.file.Path logDirectory() {
        return telemetry.logDir().isBlank() ? dataDirectory().resolve("logs") : expandHome(telemetry.logDir());
    }
}
