package io.velocity.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ConfigCommand.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void copyShipped() throws IOException {
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
    }

    @Test
    void aGoodConfigChecksOk() throws IOException {
        copyShipped();
        assertThat(run("check", "--config-dir", dir.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("config OK");
    }

    @Test
    void aMalformedConfigPrintsOneLinePerProblemAndExits2() throws IOException {
        copyShipped();
        String text = Files.readString(dir.resolve("config.json"))
                .replace("\"maxOrderUsd\": 50", "\"maxOrderUsd\": -5")
                .replace("\"mode\": \"paper\"", "\"mode\": \"turbo\"");
        Files.writeString(dir.resolve("config.json"), text);
        assertThat(run("check", "--config-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).containsExactlyInAnyOrder(
                "velocity config: config.json: mode: must be one of [paper, live, replay], was \"turbo\"",
                "velocity config: config.json: risk.maxOrderUsd: must be > 0, was -5");
    }

    @Test
    void brokenJsonIsOneLineAndExit2() throws IOException {
        copyShipped();
        Files.writeString(dir.resolve("strategies.json"), "{ \"kellyFraction\": ");
        assertThat(run("check", "--config-dir", dir.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(1).first().asString()
                .startsWith("velocity config: strategies.json: malformed JSON at line 1");
    }

    @Test
    void unknownOptionsAndActionsAreBadUsage() {
        assertThat(run("check", "--frobnicate")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --frobnicate");
        assertThat(run("explode")).isEqualTo(2);
    }

    @Test
    void schemaListsFieldsWithHelp() {
        assertThat(run("schema")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("risk.maxOrderUsd  (money, USD")
                .contains("strategy.snipeThreshold");
    }
}
