package io.velocity.engine;

import io.velocity.config.Config;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigSources;
import io.velocity.execution.paper.PaperGateway;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.WindowOpen;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.Sizer;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real engine runtime with the paper gateway, fed by hand-made market data. */
final class EngineHarness implements AutoCloseable {
    static final long T0 = 1_780_000_000_000L;
    static final String COND = "0xcond1";
    static final String UP = "111";
    static final String DOWN = "222";

    /** Fractional Kelly with a $20 cap, like the production defaults but simple. */
    static final Sizer KELLY = (price, q, fee) -> {
        double c = price + fee;
        if (!(c > 0) || c >= 1) {
            return 0;
        }
        double f = (q - c) / (1 - c);
        return f <= 0 ? 0 : (long) Math.min(0.25 * f * 1_000_000_000L, 20_000_000L);
    };

    final SteppedClock clock = new SteppedClock(T0);
    final KillSwitch killSwitch = new KillSwitch(clock);
    final HealthRegistry health = new HealthRegistry(clock);
    final Config config;
    final EngineRuntime runtime;
    final PaperGateway gateway;
    final Engine engine;
    final Metrics metrics = new Metrics();
    final io.velocity.strategy.python.PythonStrategy python;

    /** Business time moves by hand; nanoTime is real so latencies are measured. */
    static final class SteppedClock implements io.velocity.core.Clock {
        private final java.util.concurrent.atomic.AtomicLong millis;

        SteppedClock(long start) {
            millis = new java.util.concurrent.atomic.AtomicLong(start);
        }

        @Override
        public long epochMillis() {
            return millis.get();
        }

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        void advanceMillis(long ms) {
            millis.addAndGet(ms);
        }
    }

    EngineHarness(String... overrides) throws IOException {
        this(KELLY, overrides);
    }

    EngineHarness(Sizer sizer, String... overrides) throws IOException {
        this(sizer, null, overrides);
    }

    /** With the Python strategy bridge answering sizing requests through the ring. */
    EngineHarness(io.velocity.strategy.python.PythonSettings python, String... overrides) throws IOException {
        this(null, python, overrides);
    }

    private EngineHarness(Sizer sizer, io.velocity.strategy.python.PythonSettings pythonSettings, String... overrides)
            throws IOException {
        Path dir = Files.createTempDirectory("velocity-engine");
        for (String f : new String[]{"config.json", "strategies.json"}) {
            try (InputStream in = getClass().getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                Files.copy(in, dir.resolve(f));
            }
        }
        List<String> sets = new java.util.ArrayList<>(List.of("engine.snapshotInterval=10ms", "engine.evaluationInterval=20ms"));
        sets.addAll(List.of(overrides));
        config = new ConfigLoader(new ConfigSources(dir, java.util.Map.of(), sets)).load(1);
        EngineRuntime[] holder = new EngineRuntime[1];
        gateway = new PaperGateway(r -> holder[0].onReport(r), killSwitch);
        python = pythonSettings == null ? null : io.velocity.strategy.python.PythonStrategy.start(pythonSettings,
                Duration.ofMillis(200), health, clock, r -> holder[0].onStrategyResult(r));
        engine = new Engine(new Engine.Dependencies(clock, config, killSwitch, gateway, DecisionListener.NONE, health,
                metrics, sizer, python));
        runtime = new EngineRuntime(engine, clock, killSwitch, config.app().engine());
        holder[0] = runtime;
        runtime.addBookObserver(gateway);
        runtime.start();
    }

    MarketInfo market() {
        return new MarketInfo(COND, "btc-updown-5m-" + (T0 / 1000 - 60), "btc", "5m", UP, DOWN, T0 - 60_000, T0 + 240_000,
                100, 5_000_000, 0.07, 1, 0, false, 10_000_000_000L, "2");
    }

    void openMarket(double open) {
        runtime.onMarket(market());
        runtime.onWindowOpen(new WindowOpen("btc", T0 - 60_000, open, "stream"));
    }

    void spot(double mid) {
        runtime.onSpot(new SpotUpdate("btc", mid - 0.5, mid + 0.5, mid, 1e-4, clock.epochMillis(), System.nanoTime()));
    }

    void book(String token, long bid, long bidSize, long ask, long askSize) {
        runtime.onBookTop(new BookTop(token, COND, new long[]{bid}, new long[]{bidSize}, new long[]{ask},
                new long[]{askSize}, bid > 0 ? 1 : 0, ask > 0 ? 1 : 0, 100, clock.epochMillis(), System.nanoTime()));
    }

    EngineSnapshot awaitSnapshot(Predicate<EngineSnapshot> condition) {
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            EngineSnapshot s = runtime.snapshot();
            return s != null && condition.test(s);
        });
        return runtime.snapshot();
    }

    @Override
    public void close() {
        runtime.close();
        gateway.close();
        if (python != null) {
            python.close();
        }
    }
}
