package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

/** Logging and metrics. */
public record TelemetryConfig(
        @Doc("Folder of the JSON log files; empty means <dataDir>/logs") @Text(optional = true) String logDir,
        @Doc("Serve Prometheus metrics on 127.0.0.1") boolean prometheusEnabled,
        @Doc("Port of the Prometheus endpoint") @Range(min = 1, max = 65_535) int prometheusPort) {
}
