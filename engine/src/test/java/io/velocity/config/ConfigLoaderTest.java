package io.velocity.config;

import io.velocity.core.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    @BeforeEach
    void setUp() throws IOException {
        ConfigFixture.copyShipped(dir);
    }

    private Config load() {
        return new ConfigLoader(ConfigSources.filesOnly(dir)).load(1);
    }

    private List<String> problemsOf(Runnable r) {
        try {
            r.run();
        } catch (ConfigException e) {
            return e.problems();
        }
        throw new AssertionError("expected a ConfigException");
    }

    private void edit(ConfigFile f, String from, String to) throws IOException {
        String text = ConfigFixture.read(dir, f);
        assertThat(text).contains(from);
        ConfigFixture.write(dir, f, text.replace(from, to));
    }

    @Test
    void loadsTheShippedFilesWithTypedValues() {
        Config c = load();
        assertThat(c.app().mode()).isEqualTo(Mode.PAPER);
        assertThat(c.app().feeds()).isEqualTo(FeedSource.SIM);
        assertThat(c.app().risk().maxOrderUsd()).isEqualTo(50_000_000L);
        assertThat(c.app().markets().minLiquidityUsd()).isEqualTo(2_000_000_000L);
        assertThat(c.app().risk().noNewRiskBeforeEnd()).isEqualTo(Duration.ofSeconds(20));
        assertThat(c.app().storage().journalFsyncInterval()).isEqualTo(Duration.ofMillis(5));
        assertThat(c.app().venues().allora().topics()).containsEntry("btc-20m", 18);
        assertThat(c.app().venues().allora().maxStalenessRatio()).isEqualTo(0.05);
        assertThat(c.strategy().snipeThreshold()).isEqualTo(0.02);
        assertThat(c.strategy().ladder().levels()).isEqualTo(3);
    }

    @Test
    void moneyAcceptsDecimalStringsAndRefusesSubMicroAmounts() throws IOException {
        edit(ConfigFile.APP, "\"maxOrderUsd\": 50", "\"maxOrderUsd\": \"12.345678\"");
        assertThat(load().app().risk().maxOrderUsd()).isEqualTo(12_345_678L);
        edit(ConfigFile.APP, "\"12.345678\"", "1.0000001");
        assertThat(problemsOf(this::load)).containsExactly(
                "config.json: risk.maxOrderUsd: at most 6 decimals (micro-dollars), was 1.0000001");
    }

    @Test
    void reportsANegativeLimitWithItsPathAndValue() throws IOException {
        edit(ConfigFile.APP, "\"maxOrderUsd\": 50", "\"maxOrderUsd\": -5");
        assertThat(problemsOf(this::load)).containsExactly("config.json: risk.maxOrderUsd: must be > 0, was -5");
    }

    @Test
    void reportsEveryProblemAtOnceAcrossBothFiles() throws IOException {
        edit(ConfigFile.APP, "\"maxOrderUsd\": 50", "\"maxOrderUsd\": \"lots\"");
        edit(ConfigFile.APP, "\"mode\": \"paper\"", "\"mode\": \"yolo\"");
        edit(ConfigFile.APP, "\"restUrl\": \"https://api.binance.com\"", "\"restUrl\": \"ftp://api.binance.com\"");
        edit(ConfigFile.APP, "\"pollInterval\": \"30s\"", "\"pollInterval\": \"soon\"");
        edit(ConfigFile.APP, "\"maxConsecutiveLosses\": 6", "\"maxConsecutiveLosses\": 2.5");
        edit(ConfigFile.APP, "\"prometheusEnabled\": false", "\"prometheusEnabled\": \"no\"");
        edit(ConfigFile.APP, "[\"5m\", \"15m\"]", "[\"5m\", \"2m\"]");
        edit(ConfigFile.APP, "\"exchange\": \"0xE111180000d2663C0091e4f400237545B87B996B\"", "\"exchange\": \"0x123\"");
        edit(ConfigFile.STRATEGIES, "\"kellyFraction\": 0.25", "\"kellyFraction\": 1.5");
        assertThat(problemsOf(this::load)).containsExactlyInAnyOrder(
                "config.json: risk.maxOrderUsd: must be an amount in dollars, was \"lots\"",
                "config.json: mode: must be one of [paper, live, replay], was \"yolo\"",
                "config.json: venues.binance.restUrl: must be a http/https URL with a host, was \"ftp://api.binance.com\"",
                "config.json: venues.gamma.pollInterval: must be a duration like \"250ms\", \"30s\", \"5m\" or \"1h\", was \"soon\"",
                "config.json: risk.maxConsecutiveLosses: must be a whole number, was 2.5",
                "config.json: telemetry.prometheusEnabled: must be true or false, was \"no\"",
                "config.json: markets.durations[1]: must be one of 5m, 15m, 1h, was \"2m\"",
                "config.json: chain.contracts.exchange: must be a 0x address, was \"0x123\"",
                "strategies.json: kellyFraction: must be <= 1, was 1.5");
    }

    @Test
    void namesAnUnknownFieldAndSuggestsTheLikelyOne() throws IOException {
        edit(ConfigFile.APP, "\"maxOrderUsd\": 50", "\"maxOrderUSD\": 50, \"maxOrderUsd\": 50");
        assertThat(problemsOf(this::load)).containsExactly(
                "config.json: risk.maxOrderUSD: unknown field (did you mean 'maxOrderUsd'?)");
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        ConfigFixture.write(dir, ConfigFile.APP, "{\n  \"mode\": \"paper\",\n  \"feeds\": \n}");
        List<String> problems = problemsOf(this::load);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0)).startsWith("config.json: malformed JSON at line 4, column 1");
    }

    @Test
    void duplicateKeysAreAnError() throws IOException {
        edit(ConfigFile.APP, "\"mode\": \"paper\",", "\"mode\": \"paper\", \"mode\": \"live\",");
        assertThat(problemsOf(this::load).get(0)).contains("malformed JSON").contains("Duplicate field 'mode'");
    }

    @Test
    void aMissingFileIsNamed() throws IOException {
        Files.delete(dir.resolve("strategies.json"));
        assertThat(problemsOf(this::load)).containsExactly("strategies.json: file not found at " + dir.resolve("strategies.json"));
    }

    @Test
    void omittedFieldsFallBackToTheBuiltInDefaults() throws IOException {
        ConfigFixture.write(dir, ConfigFile.APP, "{\"mode\": \"paper\", \"risk\": {\"maxOrderUsd\": 10}}");
        Config c = load();
        assertThat(c.app().risk().maxOrderUsd()).isEqualTo(10_000_000L);
        assertThat(c.app().risk().maxPositionPerMarketUsd()).isEqualTo(200_000_000L);
    }

    @Test
    void crossFieldRulesAreChecked() throws IOException {
        edit(ConfigFile.APP, "\"binance\":    { \"staleAfter\": \"2s\",  \"frozenAfter\": \"10s\" }",
                "\"binance\":    { \"staleAfter\": \"20s\",  \"frozenAfter\": \"10s\" }");
        assertThat(problemsOf(this::load)).containsExactly(
                "config.json: feedHealth.binance: frozenAfter must be >= staleAfter");
    }

    @Test
    void environmentOverridesFilesAndCommandLineOverridesEnvironment() {
        Map<String, String> env = Map.of(
                "VELOCITY__RISK__MAXORDERUSD", "75",
                "VELOCITY__STRATEGY__KELLYFRACTION", "0.1",
                "VELOCITY__MODE", "live",
                "UNRELATED", "x");
        Config c = new ConfigLoader(new ConfigSources(dir, env, List.of("risk.maxOrderUsd=80", "feeds=live"))).load(1);
        assertThat(c.app().risk().maxOrderUsd()).isEqualTo(80_000_000L);
        assertThat(c.strategy().kellyFraction()).isEqualTo(0.1);
        assertThat(c.app().mode()).isEqualTo(Mode.LIVE);
        assertThat(c.app().feeds()).isEqualTo(FeedSource.LIVE);
    }

    @Test
    void overridesAreValidatedLikeTheFiles() {
        List<String> problems = problemsOf(() -> new ConfigLoader(new ConfigSources(dir,
                Map.of("VELOCITY__RISK__NOPE", "1"), List.of("risk.maxOrderUsd=-1", "garbage"))).load(1));
        assertThat(problems).containsExactlyInAnyOrder(
                "environment VELOCITY__RISK__NOPE: unknown field 'NOPE' in RISK.NOPE",
                "--set garbage: expected path=value",
                "config.json: risk.maxOrderUsd: must be > 0, was -1");
    }

    @Test
    void changedPathsListsExactlyWhatDiffers() throws IOException {
        Config before = load();
        edit(ConfigFile.APP, "\"maxOrderUsd\": 50", "\"maxOrderUsd\": 60");
        edit(ConfigFile.STRATEGIES, "\"levels\": 3", "\"levels\": 4");
        Config after = new ConfigLoader(ConfigSources.filesOnly(dir)).load(2);
        assertThat(before.changedPaths(after)).containsExactly("risk.maxOrderUsd", "strategy.ladder.levels");
    }
}
