package io.velocity.strategy.python;

import io.velocity.core.Clock;
import io.velocity.strategy.AnswerSource;
import io.velocity.strategy.FallbackReason;
import io.velocity.strategy.KellyRequest;
import io.velocity.strategy.SignalRequest;
import io.velocity.strategy.StalenessRequest;
import io.velocity.strategy.StrategyResult;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.HealthStatus;
import io.velocity.telemetry.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bridge against a real embedded CPython. {@code engine/src/test/python/strategy_probe.py}
 * serves strategy.py's functions but sleeps, raises or answers nonsense for some bankrolls, so
 * each fallback path runs for real.
 */
class PythonStrategyTest {
    /** Mirrors strategy_probe.py. */
    private static final long SLOW_BANKROLL = 7_000_001L;
    private static final long RAISING_BANKROLL = 7_000_002L;
    private static final long MALFORMED_BANKROLL = 7_000_003L;
    private static final Duration GENEROUS = Duration.ofSeconds(10);
    private static final long T0 = 1_767_225_600_000L;

    private final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
    private final List<StrategyResult> results = new CopyOnWriteArrayList<>();
    private final Map<Long, String> deliveredOn = new ConcurrentHashMap<>();
    private PythonStrategy bridge;

    @AfterEach
    void closeBridge() {
        if (bridge != null) {
            bridge.close();
        }
    }

    private static KellyRequest kelly(long bankroll) {
        return new KellyRequest(0.4, 0.5, bankroll, 0.25, 0.05, 1_000_000_000L, 0.0);
    }

    private PythonStrategy startProbe(Duration budget, int capacity) throws InterruptedException {
        PythonSettings settings = PythonTestSupport.requireVenv()
                .withModule("strategy_probe", PythonTestSupport.testModules())
                .withQueueCapacity(capacity);
        bridge = PythonStrategy.start(settings, budget, health, Clock.SYSTEM, r -> {
            deliveredOn.put(r.requestId(), Thread.currentThread().getName());
            results.add(r);
        });
        assertThat(bridge.awaitStarted(Duration.ofSeconds(30))).isTrue();
        assertThat(bridge.isPythonAvailable()).as(bridge.unavailableReason()).isTrue();
        return bridge;
    }

    private List<StrategyResult> resultsFor(long id) {
        return results.stream().filter(r -> r.requestId() == id).toList();
    }

    /** Health is reported just after a result is delivered, so tests wait for it rather than race it. */
    private HealthStatus awaitHealth(HealthState state) {
        await().atMost(GENEROUS).until(() -> health.get(PythonStrategy.HEALTH_COMPONENT).state() == state);
        return health.get(PythonStrategy.HEALTH_COMPONENT);
    }

    private StrategyResult awaitResult(long id) {
        await().atMost(GENEROUS).until(() -> !resultsFor(id).isEmpty());
        return resultsFor(id).get(0);
    }

    @Test
    void answersEveryKindFromPythonOnItsOwnThread() throws Exception {
        startProbe(GENEROUS, 16);
        KellyRequest k = kelly(1_000_000_000L);
        StalenessRequest s = new StalenessRequest(T0, T0 - 4_990, T0 + 100_000, 0.05);
        SignalRequest g = new SignalRequest(-0.02, 1200.0, 0.002, 0.0001, 240.0, 1.5);
        assertThat(bridge.submit(1, k)).isTrue();
        assertThat(bridge.submit(2, s)).isTrue();
        assertThat(bridge.submit(3, g)).isTrue();

        assertThat(awaitResult(1)).satisfies(r -> {
            assertThat(r.source()).isEqualTo(AnswerSource.PYTHON);
            assertThat(r.fallbackReason()).isEqualTo(FallbackReason.NONE);
            assertThat(r.request()).isSameAs(k);
            assertThat(r.answer()).isEqualTo(k.answerInJava());
            assertThat(r.latencyNanos()).isPositive();
        });
        assertThat(awaitResult(2).answer()).isEqualTo(s.answerInJava());
        assertThat(awaitResult(3).answer()).isEqualTo(g.answerInJava());
        assertThat(results).allMatch(r -> r.source() == AnswerSource.PYTHON);
        assertThat(deliveredOn.values()).containsOnly("python-strategy");
        assertThat(bridge.stats().answeredByPython()).isEqualTo(3);

        await().atMost(GENEROUS).until(() -> health.get(PythonStrategy.HEALTH_COMPONENT).latencyMicros() >= 0);
        assertThat(health.get(PythonStrategy.HEALTH_COMPONENT).state()).isEqualTo(HealthState.UP);
    }

    @Test
    void slowPythonIsAnsweredByTheJavaFallbackAtTheDeadlineAndItsLateAnswerDropped() throws Exception {
        Duration budget = Duration.ofMillis(100);
        startProbe(budget, 16);
        KellyRequest slow = kelly(SLOW_BANKROLL);
        assertThat(bridge.submit(1, slow)).isTrue();
        assertThat(bridge.submit(2, kelly(1_000_000_000L))).isTrue(); // queued behind the slow call

        StrategyResult first = awaitResult(1);
        assertThat(first.source()).isEqualTo(AnswerSource.JAVA_FALLBACK);
        assertThat(first.fallbackReason()).isEqualTo(FallbackReason.TIMEOUT);
        assertThat(first.answer()).isEqualTo(slow.answerInJava());
        assertThat(first.latencyNanos()).isGreaterThanOrEqualTo(budget.toNanos());
        assertThat(deliveredOn.get(1L)).isEqualTo("python-strategy-deadline");
        assertThat(awaitHealth(HealthState.DEGRADED).detail()).contains("missed its 100 ms budget");
        assertThat(awaitResult(2).fallbackReason()).isEqualTo(FallbackReason.TIMEOUT);

        // Python finishes its sleep: that answer is dropped, and the expired request behind it is never sent.
        await().atMost(GENEROUS).until(() -> bridge.stats().lateAnswersDropped() == 1);
        await().atMost(GENEROUS).until(() -> bridge.stats().expiredBeforeCall() == 1);
        assertThat(resultsFor(1)).hasSize(1);
        assertThat(resultsFor(2)).hasSize(1);
        assertThat(bridge.stats().timeouts()).isEqualTo(2);

        // The next request is answered by Python again, and health recovers.
        bridge.setBudget(GENEROUS);
        assertThat(bridge.submit(3, kelly(2_000_000_000L))).isTrue();
        assertThat(awaitResult(3).source()).isEqualTo(AnswerSource.PYTHON);
        awaitHealth(HealthState.UP);
    }

    @Test
    void pythonExceptionIsAnsweredByTheFallbackAndLoggedOncePerMinute() throws Exception {
        startProbe(GENEROUS, 16);
        KellyRequest raising = kelly(RAISING_BANKROLL);
        try (LogCapture logs = new LogCapture()) {
            assertThat(bridge.submit(1, raising)).isTrue();
            assertThat(bridge.submit(2, raising)).isTrue();
            assertThat(awaitResult(1)).satisfies(r -> {
                assertThat(r.source()).isEqualTo(AnswerSource.JAVA_FALLBACK);
                assertThat(r.fallbackReason()).isEqualTo(FallbackReason.ERROR);
                assertThat(r.answer()).isEqualTo(raising.answerInJava());
            });
            assertThat(awaitResult(2).fallbackReason()).isEqualTo(FallbackReason.ERROR);
            assertThat(logs.text().lines().filter(l -> l.contains("probe failure for bankroll 7000002")).count())
                    .isEqualTo(1);
        }
        assertThat(bridge.stats().errors()).isEqualTo(2);
        assertThat(awaitHealth(HealthState.DEGRADED).detail()).contains("ValueError").contains("probe failure");
    }

    @Test
    void malformedPythonAnswerIsAnErrorNotACoercion() throws Exception {
        startProbe(GENEROUS, 16);
        assertThat(bridge.submit(1, kelly(MALFORMED_BANKROLL))).isTrue();
        assertThat(awaitResult(1).fallbackReason()).isEqualTo(FallbackReason.ERROR);
        assertThat(awaitHealth(HealthState.DEGRADED).detail())
                .contains("calculate_kelly returned not a stake (String), expected an int >= 0");
    }

    @Test
    void fullQueueRefusesWithoutBlocking() throws Exception {
        startProbe(GENEROUS, 1);
        assertThat(bridge.submit(1, kelly(SLOW_BANKROLL))).isTrue();
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(2)).until(() -> bridge.queueDepth() == 0);
        assertThat(bridge.submit(2, kelly(1_000_000_000L))).isTrue();
        assertThat(bridge.submit(3, kelly(1_000_000_000L))).isFalse();
        assertThat(bridge.stats().refusedQueueFull()).isEqualTo(1);
        await().atMost(GENEROUS).until(() -> results.size() == 2);
        assertThat(resultsFor(3)).isEmpty();
    }

    @Test
    void closeAnswersEverythingPendingExactlyOnceAndRefusesNewRequests() throws Exception {
        startProbe(GENEROUS, 16);
        assertThat(bridge.submit(1, kelly(SLOW_BANKROLL))).isTrue();
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(2)).until(() -> bridge.queueDepth() == 0);
        assertThat(bridge.submit(2, kelly(1_000_000_000L))).isTrue();
        assertThat(bridge.submit(3, kelly(2_000_000_000L))).isTrue();

        bridge.close();

        assertThat(results).extracting(StrategyResult::requestId).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(resultsFor(1).get(0).source()).isEqualTo(AnswerSource.PYTHON); // the call in progress finished
        assertThat(resultsFor(2).get(0).fallbackReason()).isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(resultsFor(3).get(0).fallbackReason()).isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(bridge.submit(4, kelly(1_000_000_000L))).isFalse();
        assertThat(bridge.isPythonAvailable()).isFalse();
        assertThat(health.get(PythonStrategy.HEALTH_COMPONENT).state()).isEqualTo(HealthState.DOWN);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("python-strategy"));
    }

    @Test
    void missingVenvReportsDownAndServesEverythingFromJava(@TempDir Path dir) throws Exception {
        PythonSettings settings = new PythonSettings(dir.resolve("no-venv"), List.of(dir), "strategy", 16);
        bridge = PythonStrategy.start(settings, GENEROUS, health, Clock.SYSTEM, results::add);
        assertThat(bridge.awaitStarted(Duration.ofSeconds(30))).isTrue();
        assertThat(bridge.isPythonAvailable()).isFalse();
        HealthStatus status = health.get(PythonStrategy.HEALTH_COMPONENT);
        assertThat(status.state()).isEqualTo(HealthState.DOWN);
        assertThat(status.detail()).contains("no Python venv at " + dir.resolve("no-venv")).contains("./velocity test");

        KellyRequest k = kelly(1_000_000_000L);
        assertThat(bridge.submit(7, k)).isTrue();
        StrategyResult r = awaitResult(7);
        assertThat(r.source()).isEqualTo(AnswerSource.JAVA_FALLBACK);
        assertThat(r.fallbackReason()).isEqualTo(FallbackReason.UNAVAILABLE);
        assertThat(r.answer()).isEqualTo(k.answerInJava());
        assertThat(bridge.stats().unavailable()).isEqualTo(1);
    }

    @Test
    void venvWithoutJepIsUnavailableWithAClearReason(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("bin"));
        java.nio.file.Files.writeString(dir.resolve("pyvenv.cfg"), "home = /nowhere\n");
        Path python = java.nio.file.Files.writeString(dir.resolve("bin/python"), "");
        assertThat(python.toFile().setExecutable(true)).isTrue();
        PythonSettings settings = new PythonSettings(dir, List.of(dir), "strategy", 16);
        bridge = PythonStrategy.start(settings, GENEROUS, health, Clock.SYSTEM, results::add);
        assertThat(bridge.awaitStarted(Duration.ofSeconds(30))).isTrue();
        assertThat(bridge.unavailableReason()).startsWith("jep is not installed in " + dir);
    }
}
