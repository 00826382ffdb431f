package io.velocity.config;

import io.velocity.core.Clock;
import io.velocity.core.ConfigException;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ConfigHotReloadTest {
    @TempDir
    Path dir;

    private HealthRegistry health;
    private ConfigService service;
    private ConfigWatcher watcher;
    private final List<ConfigChange> changes = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        ConfigFixture.copyShipped(dir);
        health = new HealthRegistry(Clock.SYSTEM);
        service = new ConfigService(new ConfigLoader(ConfigSources.filesOnly(dir)), health);
        service.subscribe(changes::add);
        watcher = new ConfigWatcher(service, Duration.ofMillis(150)).start();
    }

    @AfterEach
    void tearDown() {
        watcher.close();
    }

    private void replaceIn(ConfigFile f, String from, String to) throws IOException {
        String text = ConfigFixture.read(dir, f);
        assertThat(text).contains(from);
        ConfigFixture.write(dir, f, text.replace(from, to));
    }

    @Test
    void aValidEditIsAppliedWithinOneSecondAndSubscribersAreToldWhatChanged() throws IOException {
        long started = System.nanoTime();
        replaceIn(ConfigFile.STRATEGIES, "\"snipeThreshold\": 0.02", "\"snipeThreshold\": 0.03");
        await().atMost(Duration.ofSeconds(1)).until(() -> service.current().strategy().snipeThreshold() == 0.03);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(1)).until(() -> changes.size() == 1);
        assertThat(changes.get(0).changedPaths()).containsExactly("strategy.snipeThreshold");
        assertThat(changes.get(0).touches("strategy")).isTrue();
        assertThat(changes.get(0).previous().strategy().snipeThreshold()).isEqualTo(0.02);
        assertThat(service.current().generation()).isEqualTo(2);
    }

    @Test
    void anInvalidEditKeepsTheLastGoodConfigAndRaisesAHealthWarning() throws IOException {
        replaceIn(ConfigFile.APP, "\"maxOrderUsd\": 50", "\"maxOrderUsd\": -5");
        await().atMost(Duration.ofSeconds(2)).until(() -> health.get(ConfigService.HEALTH_COMPONENT).state() == HealthState.DEGRADED);
        assertThat(service.current().app().risk().maxOrderUsd()).isEqualTo(50_000_000L);
        assertThat(service.current().generation()).isEqualTo(1);
        assertThat(service.lastProblems()).containsExactly("config.json: risk.maxOrderUsd: must be > 0, was -5");
        assertThat(changes).isEmpty();

        replaceIn(ConfigFile.APP, "\"maxOrderUsd\": -5", "\"maxOrderUsd\": 40");
        await().atMost(Duration.ofSeconds(2)).until(() -> service.current().app().risk().maxOrderUsd() == 40_000_000L);
        assertThat(health.get(ConfigService.HEALTH_COMPONENT).state()).isEqualTo(HealthState.UP);
    }

    @Test
    void malformedJsonMidEditIsIgnoredUntilTheFileIsWholeAgain() throws IOException {
        String good = ConfigFixture.read(dir, ConfigFile.APP);
        ConfigFixture.write(dir, ConfigFile.APP, good.substring(0, good.length() / 2));
        await().atMost(Duration.ofSeconds(2)).until(() -> health.get(ConfigService.HEALTH_COMPONENT).state() == HealthState.DEGRADED);
        assertThat(service.current().generation()).isEqualTo(1);
        ConfigFixture.write(dir, ConfigFile.APP, good.replace("\"maxOrderUsd\": 50", "\"maxOrderUsd\": 45"));
        await().atMost(Duration.ofSeconds(2)).until(() -> service.current().app().risk().maxOrderUsd() == 45_000_000L);
    }

    @Test
    void rapidSuccessiveWritesAreCoalescedIntoOneReload() throws IOException {
        String base = ConfigFixture.read(dir, ConfigFile.APP);
        for (int i = 1; i <= 20; i++) {
            ConfigFixture.write(dir, ConfigFile.APP, base.replace("\"maxOrderUsd\": 50", "\"maxOrderUsd\": " + (50 + i)));
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> service.current().app().risk().maxOrderUsd() == 70_000_000L);
        // Give a straggling reload time to show up before asserting there was only one.
        await().during(Duration.ofMillis(400)).atMost(Duration.ofSeconds(1)).until(() -> changes.size() == 1);
        assertThat(service.current().generation()).isEqualTo(2);
    }

    @Test
    void aDeletedFileKeepsTheLastGoodConfigAndItsRecreationIsPickedUp() throws IOException {
        String text = ConfigFixture.read(dir, ConfigFile.STRATEGIES);
        Files.delete(dir.resolve(ConfigFile.STRATEGIES.fileName()));
        await().atMost(Duration.ofSeconds(2)).until(() -> health.get(ConfigService.HEALTH_COMPONENT).state() == HealthState.DEGRADED);
        assertThat(health.get(ConfigService.HEALTH_COMPONENT).detail()).contains("strategies.json: file not found");
        assertThat(service.current().strategy().kellyFraction()).isEqualTo(0.25);

        ConfigFixture.write(dir, ConfigFile.STRATEGIES, text.replace("\"kellyFraction\": 0.25", "\"kellyFraction\": 0.2"));
        await().atMost(Duration.ofSeconds(2)).until(() -> service.current().strategy().kellyFraction() == 0.2);
        assertThat(health.get(ConfigService.HEALTH_COMPONENT).state()).isEqualTo(HealthState.UP);
    }

    @Test
    void writeValidatesFirstAndWritesNothingWhenInvalid() throws IOException {
        String before = ConfigFixture.read(dir, ConfigFile.APP);
        var tree = service.current().effectiveJson(ConfigFile.APP);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("risk")).put("maxOrderUsd", -1);
        assertThatThrownBy(() -> service.write(ConfigFile.APP, tree))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("risk.maxOrderUsd: must be > 0, was -1");
        assertThat(ConfigFixture.read(dir, ConfigFile.APP)).isEqualTo(before);
        assertThat(dir.resolve("config.json.bak")).doesNotExist();
    }

    @Test
    void writeIsAtomicKeepsABackupAndTakesEffect() throws IOException {
        String before = ConfigFixture.read(dir, ConfigFile.APP);
        var tree = service.current().effectiveJson(ConfigFile.APP);
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("risk")).put("maxOrderUsd", 30);
        Config after = service.write(ConfigFile.APP, tree);
        assertThat(after.app().risk().maxOrderUsd()).isEqualTo(30_000_000L);
        assertThat(Files.readString(dir.resolve("config.json.bak"))).isEqualTo(before);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }
}
