package io.velocity.config;

import io.velocity.config.schema.Doc;
import io.velocity.config.schema.Range;
import io.velocity.config.schema.Text;

import java.time.Duration;
import java.util.Map;

/** Hosts and protocol settings of every venue. Defaults are the public production endpoints. */
public record VenuesConfig(Binance binance, Gamma gamma, Clob clob, Allora allora) {

    /** Binance spot: the price "truth". */
    public record Binance(
            @Doc("REST base URL") @Text(schemes = {"http", "https"}) String restUrl,
            @Doc("WebSocket base URL (combined streams are opened at <wsUrl>/stream)") @Text(schemes = {"ws", "wss"}) String wsUrl,
            @Doc("Spot symbol per asset, e.g. btc -> btcusdt") Map<String, String> symbols,
            @Doc(value = "Open a fresh connection this long after connecting (Binance closes at 24 h)", unit = "duration")
            @Range(min = 60_000) Duration rotateAfter,
            @Doc(value = "Longest wait between reconnect attempts", unit = "duration") @Range(min = 100) Duration maxReconnectBackoff) {
    }

    /** Gamma: market discovery. */
    public record Gamma(
            @Doc("REST base URL") @Text(schemes = {"http", "https"}) String url,
            @Doc(value = "Time between discovery polls", unit = "duration") @Range(min = 1_000) Duration pollInterval,
            @Doc(value = "Random +/- spread added to each poll", unit = "duration") @Range(min = 0) Duration pollJitter) {
    }

    /** Polymarket CLOB: books, orders, user stream. */
    public record Clob(
            @Doc("REST base URL") @Text(schemes = {"http", "https"}) String restUrl,
            @Doc("Market-channel WebSocket URL") @Text(schemes = {"ws", "wss"}) String wsMarketUrl,
            @Doc("User-channel WebSocket URL") @Text(schemes = {"ws", "wss"}) String wsUserUrl,
            @Doc(value = "Heartbeat interval that keeps resting orders alive", unit = "duration")
            @Range(min = 500, max = 10_000) Duration heartbeatInterval,
            @Doc(value = "Timeout of one REST request", unit = "duration") @Range(min = 50) Duration requestTimeout) {
    }

    /** Allora: the forecast signal. */
    public record Allora(
            @Doc("Consumer API base URL") @Text(schemes = {"http", "https"}) String url,
            @Doc("Consumer path segment naming the chain, e.g. ethereum-11155111") String chainSlug,
            @Doc("Allora chain LCD URL used as a fallback; empty disables it") @Text(optional = true, schemes = {"http", "https"}) String lcdUrl,
            @Doc("Topic id per <asset>-<horizon>; ids change over time, check the Allora explorer") Map<String, Integer> topics,
            @Doc(value = "Time between polls", unit = "duration") @Range(min = 1_000) Duration pollInterval,
            @Doc(value = "Signals older than this fraction of the candle time remaining are rejected", unit = "ratio")
            @Range(min = 0, max = 1, minExclusive = true) double maxStalenessRatio) {
    }
}
