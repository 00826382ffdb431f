package io.velocity.app;

import io.velocity.sim.Http;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class SimCommandTest {
    /** The shipped configuration (tests run in the engine module's folder). */
    private static final String CONFIG = java.nio.file.Path.of("..", "config").toAbsolutePath().normalize().toString();

    @Test
    void printsOneUrlPerServerAndRunsUntilStopped() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CountDownLatch stop = new CountDownLatch(1);
        AtomicInteger code = new AtomicInteger(-1);
        Thread t = new Thread(() -> code.set(SimCommand.run(new String[]{"--seed", "3", "--compress", "20", "--fault", "delay:gamma:1", "--config-dir", CONFIG},
                Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), stop)));
        t.start();
        await().atMost(Duration.ofSeconds(20)).until(() -> out.toString(StandardCharsets.UTF_8).contains("control "));
        String[] lines = out.toString(StandardCharsets.UTF_8).trim().split("\n");
        assertThat(lines).extracting(l -> l.split(" ")[0]).containsExactly("binance-rest", "binance-ws", "gamma", "clob-rest",
                "clob-ws-market", "clob-ws-user", "allora", "control");
        assertThat(lines[1]).matches("binance-ws ws://127\\.0\\.0\\.1:\\d+");
        assertThat(lines[4]).matches("clob-ws-market ws://127\\.0\\.0\\.1:\\d+/ws/market");
        String binance = lines[0].split(" ")[1];
        assertThat(Http.get(binance + "/api/v3/time").status()).isEqualTo(200);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("seed 3", "compression 20.0x");
        stop.countDown();
        t.join(10_000);
        assertThat(code.get()).isZero();
    }

    @Test
    void badOptionsExitWithUsageErrors() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        PrintStream o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(SimCommand.run(new String[]{"--compress", "0.5", "--config-dir", CONFIG}, Map.of(), o, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--compress: must be between 1 and 600");
        assertThat(SimCommand.run(new String[]{"--fault", "melt:clob", "--config-dir", CONFIG, "--set", "sim.ports.control=0"}, Map.of(), o, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(SimCommand.run(new String[]{"--port-base", "70000", "--config-dir", CONFIG}, Map.of(), o, e, new CountDownLatch(0))).isEqualTo(2);
        assertThat(SimCommand.run(new String[]{"--bogus"}, Map.of(), o, e, new CountDownLatch(0))).isEqualTo(2);
    }
}
