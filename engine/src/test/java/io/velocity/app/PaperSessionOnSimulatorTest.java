package io.velocity.app;

import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.OrderRow;
import io.velocity.marketdata.FeedState;
import io.velocity.telemetry.HealthRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole paper run over loopback: the venue simulator, the real feeds (Binance stream, Gamma
 * discovery, CLOB book channel, Allora), embedded Redis and PostgreSQL, the engine and the paper
 * gateway. The engine must discover markets, trade Snipes and Ladders, cancel degraded ladders
 * within 250 ms, and stop at once when the kill switch is pressed.
 */
class PaperSessionOnSimulatorTest {
    @TempDir
    Path dir;

    @Test
    void discoversTradesSnipesAndLaddersCancelsLaddersAndHaltsOnTheKillSwitch() throws IOException {
        Path config = Files.createDirectories(dir.resolve("config"));
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, config.resolve(f));
            }
        }
        List<String> overrides = List.of("mode=paper", "feeds=sim", "dataDir=" + dir.resolve("data"),
                "sim.timeCompression=10", "venues.gamma.pollInterval=2s", "venues.gamma.pollJitter=0s",
                "engine.sizing=java", "risk.maxTickToIntentLatency=2s");
        HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
        ConfigService cs = new ConfigService(new ConfigLoader(new ConfigSources(config, Map.of(), overrides)), health);
        try (VelocitySession session = VelocitySession.start(cs, health, null, new VelocitySession.Options(true, Clock.SYSTEM))) {
            EngineSnapshot s = awaitSnapshot(session, Duration.ofSeconds(90), x -> !x.markets().isEmpty()
                    && x.orders().stream().anyMatch(o -> o.intent().equals("SNIPE"))
                    && x.orders().stream().anyMatch(o -> o.intent().equals("LADDER"))
                    && !x.fills().isEmpty());
            assertThat(s.feedStates().values()).allMatch(f -> f.state() == FeedState.LIVE || f.feed().equals("allora"));
            assertThat(s.markets()).allMatch(m -> m.slug().matches("(btc|eth|sol|xrp)-updown-(5m|15m)-\\d+"));
            assertThat(s.decisionCounts().get("SNIPE")).isPositive();

            s = awaitSnapshot(session, Duration.ofSeconds(90), x -> x.ladderCancel().count() > 0);
            assertThat(s.ladderCancel().p99Micros()).as("degradation-to-cancel p99").isLessThan(250_000);

            session.engine().halt("integration test");
            EngineSnapshot halted = awaitSnapshot(session, Duration.ofSeconds(10), x -> x.killSwitch().halted()
                    && x.orders().stream().noneMatch(PaperSessionOnSimulatorTest::working));
            long ordersAtHalt = halted.orders().stream().mapToLong(OrderRow::clientOrderId).max().orElse(0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() ->
                    session.engine().snapshot().orders().stream().mapToLong(OrderRow::clientOrderId).max().orElse(0) == ordersAtHalt);
            assertThat(session.engine().snapshot().markets()).anyMatch(m -> m.reason().equals("HALTED"));
        }
    }

    private static boolean working(OrderRow o) {
        return o.state().equals("ACKED") || o.state().equals("SENT") || o.state().equals("PARTIALLY_FILLED")
                || o.state().equals("CANCEL_REQUESTED");
    }

    private static EngineSnapshot awaitSnapshot(VelocitySession session, Duration limit, Predicate<EngineSnapshot> p) {
        await().atMost(limit).pollInterval(Duration.ofMillis(200)).until(() -> {
            EngineSnapshot s = session.engine().snapshot();
            return s != null && p.test(s);
        });
        return session.engine().snapshot();
    }
}
