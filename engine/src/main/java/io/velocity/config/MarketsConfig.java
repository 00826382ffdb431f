package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Money;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.util.List;

/** Which Up/Down markets Velocity looks at. */
public record MarketsConfig(
        @Doc("Assets to trade (lower-case tickers)")
        @Text(pattern = "btc|eth|sol|xrp", patternHint = "one of btc, eth, sol, xrp") List<String> assets,
        @Doc("Window lengths to trade")
        @Text(pattern = "5m|15m|1h", patternHint = "one of 5m, 15m, 1h") List<String> durations,
        @Doc(value = "Markets with less liquidity than this are ignored", unit = "USD")
        @Money @Range(min = 0) long minLiquidityUsd) {

    public MarketsConfig {
        if (assets.isEmpty()) {
            throw new IllegalArgumentException("assets: list at least one asset");
        }
        if (durations.isEmpty()) {
            throw new IllegalArgumentException("durations: list at least one window length");
        }
    }
}
