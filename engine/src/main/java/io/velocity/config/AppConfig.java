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
        VenuesConfig venues,
        ChainConfig chain,
        StorageConfig storage,
        SecurityConfig security,
        RiskConfig risk,
        FeedHealthConfig feedHealth,
        ClockConfig clock,
        TelemetryConfig telemetry,
        SimConfig sim) {
}
