package io.velocity.config;

/** The two files a trader edits, each bound to its own record type. */
public enum ConfigFile {
    /** {@code config.json}: endpoints, storage, risk, feeds, mode. */
    APP("config.json", AppConfig.class, ""),
    /** {@code strategies.json}: tunable strategy parameters; override paths start with {@code strategy.}. */
    STRATEGIES("strategies.json", StrategyConfig.class, "strategy");

    private final String fileName;
    private final Class<? extends Record> schema;
    private final String overridePrefix;

    ConfigFile(String fileName, Class<? extends Record> schema, String overridePrefix) {
        this.fileName = fileName;
        this.schema = schema;
        this.overridePrefix = overridePrefix;
    }

    public String fileName() {
        return fileName;
    }

    public Class<? extends Record> schema() {
        return schema;
    }

    /** Prefix that routes an override path to this file ({@code ""} for the app config). */
    public String overridePrefix() {
        return overridePrefix;
    }

    /** The file that an override path like {@code strategy.kellyFraction} or {@code risk.maxOrderUsd} targets. */
    static ConfigFile forOverridePath(String path) {
        String first = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
        return first.equalsIgnoreCase(STRATEGIES.overridePrefix) ? STRATEGIES : APP;
    }
}
