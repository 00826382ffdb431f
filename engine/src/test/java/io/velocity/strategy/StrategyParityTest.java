package io.velocity.strategy;

import io.velocity.core.Clock;
import io.velocity.strategy.StrategyVectors.Vector;
import io.velocity.strategy.python.PythonStrategy;
import io.velocity.strategy.python.PythonTestSupport;
import io.velocity.telemetry.HealthRegistry;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Java and Python give the same answers on every case of {@code python/tests/vectors.json}.
 *
 * <p>Doubles are compared exactly (record equality uses {@link Double#compare}), not within a
 * tolerance: both implementations perform the same correctly rounded IEEE-754 operations in the
 * same order (see {@link StrategyMath}), so any difference at all means the formulas drifted
 * apart, which a tolerance would hide until it mattered at an integer or band boundary.
 */
class StrategyParityTest {

    @TestFactory
    Stream<DynamicTest> javaFallbackMatchesEveryVector() throws Exception {
        return StrategyVectors.load().stream().map(v -> DynamicTest.dynamicTest(v.toString(),
                () -> assertThat(v.request().answerInJava()).as(v.toString()).isEqualTo(v.expected())));
    }

    @Test
    void vectorsCoverEveryFunction() throws Exception {
        List<Vector> vectors = StrategyVectors.load();
        assertThat(vectors).hasSizeGreaterThanOrEqualTo(60);
        assertThat(vectors).extracting(Vector::function)
                .contains("calculate_kelly", "calculate_staleness", "validate_signal");
    }

    @Test
    void pythonThroughJepMatchesEveryVector() throws Exception {
        List<Vector> vectors = StrategyVectors.load();
        Map<Long, StrategyResult> results = new ConcurrentHashMap<>();
        HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
        // A budget no loaded CI machine misses: this test is about the numbers, not the deadline.
        try (PythonStrategy bridge = PythonStrategy.start(PythonTestSupport.requireVenv(), Duration.ofSeconds(30),
                health, Clock.SYSTEM, r -> results.put(r.requestId(), r))) {
            assertThat(bridge.awaitStarted(Duration.ofSeconds(30))).isTrue();
            assertThat(bridge.isPythonAvailable()).as(bridge.unavailableReason()).isTrue();
            for (int i = 0; i < vectors.size(); i++) {
                assertThat(bridge.submit(i, vectors.get(i).request())).isTrue();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> results.size() == vectors.size());
        }
        for (int i = 0; i < vectors.size(); i++) {
            Vector v = vectors.get(i);
            StrategyResult r = results.get((long) i);
            assertThat(r.source()).as(v.toString()).isEqualTo(AnswerSource.PYTHON);
            assertThat(r.answer()).as(v.toString()).isEqualTo(v.expected());
        }
    }
}
