package io.velocity.storage;

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

/** The benchmark still runs end to end (tiny sizes; its numbers are not checked here). */
class StorageBenchTest {
    @TempDir
    Path config;
    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return StorageBench.run(args, Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private void copyShippedConfig() throws IOException {
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, config.resolve(f));
            }
        }
    }

    @Test
    void printsTheMachineAndAResultTableAndLeavesNothingBehind() throws IOException {
        copyShippedConfig();
        int code = run("--records", "3000", "--rows", "3000", "--rate", "50000", "--config-dir", config.toString(),
                "--set", "dataDir=" + data);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(text).contains("machine: ").contains(" cores").contains("JDK ")
                .contains("journal append p99 (µs)").contains("db trade-log inserts rows/s")
                .contains("journal -> db shipped rows/s").contains("journal appends refused");
        try (var left = Files.list(data)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aBadOptionIsOneLineAndExitCodeTwo() {
        assertThat(run("--rows", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).trim())
                .isEqualTo("velocity bench storage: --rows must be a positive whole number: '0'");
        assertThat(run("--bogus")).isEqualTo(2);
    }
}
