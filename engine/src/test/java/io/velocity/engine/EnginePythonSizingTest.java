package io.velocity.engine;

import io.velocity.strategy.python.PythonTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine sizes with strategy.py through Jep on the Python thread; results return through the ring. */
class EnginePythonSizingTest {

    @Test
    void aSnipeIsSizedByPythonAndStillFills() throws Exception {
        try (EngineHarness h = new EngineHarness(PythonTestSupport.requireVenv(), "engine.sizing=python")) {
            assertThat(h.python.awaitStarted(java.time.Duration.ofSeconds(20))).as("Python bridge started").isTrue();
            h.openMarket(100_000);
            h.book(EngineHarness.UP, 7_800, 50_000_000, 8_000, 500_000_000);
            h.book(EngineHarness.DOWN, 1_800, 50_000_000, 2_200, 500_000_000);
            h.spot(100_200);
            EngineSnapshot s = h.awaitSnapshot(x -> !x.fills().isEmpty());
            assertThat(s.orders().get(0).intent()).isEqualTo("SNIPE");
            assertThat(h.metrics.latency("sizing_python")).as("answered by Python, not the fallback").isNotNull();
            assertThat(h.python.stats().answeredByPython()).isPositive();
            // $1000 bankroll, quarter Kelly capped at 5 % of bankroll = $50 = the $50 max order: ~61 shares at 0.80 + fee
            assertThat(s.orders().get(0).sizeMicros()).isBetween(50_000_000L, 62_000_000L);
        }
    }
}
