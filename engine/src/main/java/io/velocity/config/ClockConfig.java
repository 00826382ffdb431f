package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;

import java.time.Duration;
import java.util.List;

/** Clock-drift monitoring (NTP plus Binance server time). */
public record ClockConfig(
        @Doc("NTP servers queried for the clock offset") List<String> ntpServers,
        @Doc(value = "Time between drift checks", unit = "duration") @Range(min = 1_000) Duration checkInterval,
        @Doc(value = "Drift above this engages the kill switch's clock layer", unit = "duration") @Range(min = 1) Duration maxDrift) {
}
