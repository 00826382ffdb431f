package io.velocity.bench;

import io.velocity.config.Config;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.engine.DecisionListener;
import io.velocity.engine.Engine;
import io.velocity.engine.EngineCommand;
import io.velocity.engine.EngineRuntime;
import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.LatencyStats;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.WindowOpen;
import io.velocity.orders.ExecutionListener;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.OrderGateway;
import io.velocity.orders.OrderRequest;
import io.velocity.risk.KillSwitch;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick-to-intent latency and engine-thread allocation in steady state: a producer thread paces
 * Binance ticks onto the real ring of a real engine (yielding wait strategy) for eight markets;
 * one tick in fifty moves the price far enough for a Snipe, whose order the gateway refuses at
 * once (through the ring, like a venue reject) so the next Snipe can follow. Latency is measured
 * from the tick's receive stamp to the decision (every tick) and to the intent (Snipe ticks).
 * Allocation is the engine thread's allocated bytes over the measured ticks.
 */
public final class EngineBench {
    private static final String[] ASSETS = {"btc", "eth", "sol", "xrp"};

    private EngineBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchTable.print(run(), System.out);
    }

    public static List<BenchResult> run() throws Exception {
        Config config = new ConfigLoader(new ConfigSources(Path.of(System.getProperty("velocity.home", ".")).resolve("config"),
                Map.of(), List.of("engine.waitStrategy=yielding", "engine.evaluationInterval=5s",
                "risk.maxOrdersPerMinute=100000", "risk.maxTickToIntentLatency=10s", "risk.maxPositionPerMarketUsd=1000000000",
                "risk.maxPositionPerWindowUsd=1000000000", "risk.maxRailFailures=1000", "strategy.ladder.minMakerEdge=0.5",
                "risk.volatilityHaltMultiple=1000000", "risk.priceCollar=0.9", "engine.sizing=java"))).load(1);
        Clock clock = Clock.SYSTEM;
        KillSwitch ks = new KillSwitch(clock);
        RejectingGateway gateway = new RejectingGateway();
        Engine engine = new Engine(new Engine.Dependencies(clock, config, ks, gateway, DecisionListener.NONE,
                new HealthRegistry(clock), new Metrics(), (p, q, f) -> q > p + f ? 10_000_000L : 0L));
        EngineRuntime runtime = new EngineRuntime(engine, clock, ks, config.app().engine());
        gateway.listener = runtime;
        runtime.start();
        long now = System.currentTimeMillis();
        long start = now - 60_000;
        long end = now + 3_600_000;
        for (int i = 0; i < ASSETS.length; i++) {
            for (int k = 0; k < 2; k++) {
                String id = "0x" + ASSETS[i] + k;
                runtime.onMarket(new MarketInfo(id, ASSETS[i] + "-updown-bench-" + k, ASSETS[i], "1h", id + "u", id + "d",
                        start, end + k, 100, 5_000_000, 0.07, 1, 0, false, 1_000_000_000_000L, "2"));
                book(runtime, id + "u", id, 5_000, 5_200);
                book(runtime, id + "d", id, 4_800, 5_000);
            }
            runtime.onWindowOpen(new WindowOpen(ASSETS[i], start, 100.0, "stream"));
        }
        int rate = Integer.getInteger("bench.ticksPerSecond", 20_000);
        produce(runtime, rate, 5L * rate);           // warm-up: JIT, caches
        runtime.command(new EngineCommand.ResetLatencyStats());
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long engineThread = runtime.engineThreadId();
        long bytesBefore = threads.getThreadAllocatedBytes(engineThread);
        long ticks = 10L * rate;
        long t0 = System.nanoTime();
        produce(runtime, rate, ticks);
        long elapsed = System.nanoTime() - t0;
        LockSupport.parkNanos(300_000_000L); // let the last ticks drain off the ring
        long bytesAfter = threads.getThreadAllocatedBytes(engineThread);
        EngineSnapshot s = await(runtime);
        runtime.close();
        gateway.close();

        List<BenchResult> out = new ArrayList<>();
        LatencyStats decision = s.tickToDecision();
        LatencyStats intent = s.tickToIntent();
        out.add(BenchResult.info("engine", "ticks measured (" + rate + "/s target)", ticks, "ticks"));
        out.add(BenchResult.info("engine", "achieved tick rate", ticks / (elapsed / 1e9), "ticks/s"));
        out.add(BenchResult.atMost("engine", "tick-to-intent p50", intent.p50Micros(), "µs", 5));
        out.add(BenchResult.atMost("engine", "tick-to-intent p99", intent.p99Micros(), "µs", 25));
        out.add(BenchResult.atMost("engine", "tick-to-intent p99.9", intent.p999Micros(), "µs", 100));
        out.add(BenchResult.info("engine", "intents measured", intent.count(), "intents"));
        out.add(BenchResult.info("engine", "tick-to-decision p50", decision.p50Micros(), "µs"));
        out.add(BenchResult.info("engine", "tick-to-decision p99", decision.p99Micros(), "µs"));
        out.add(BenchResult.info("engine", "tick-to-decision p99.9", decision.p999Micros(), "µs"));
        out.add(BenchResult.info("engine", "engine-thread allocation per tick (incl. snapshots, intents)",
                (bytesAfter - bytesBefore) / (double) ticks, "bytes"));
        out.add(BenchResult.info("engine", "ring conflations", runtime.conflations(), "events"));
        return out;
    }

    private static void book(EngineRuntime runtime, String token, String cond, long bid, long ask) {
        long[] bp = new long[10];
        long[] bs = new long[10];
        long[] ap = new long[10];
        long[] as = new long[10];
        for (int i = 0; i < 10; i++) {
            bp[i] = bid - 100L * i;
            ap[i] = ask + 100L * i;
            bs[i] = 100_000_000;
            as[i] = 100_000_000;
        }
        runtime.onBookTop(new BookTop(token, cond, bp, bs, ap, as, 10, 10, 100, System.currentTimeMillis(), System.nanoTime()));
    }

    /** Publishes ticks at a fixed rate; every 50th moves the price up 0.3 % (a Snipe), the next one back. */
    private static void produce(EngineRuntime runtime, int rate, long ticks) {
        long interval = 1_000_000_000L / rate;
        long next = System.nanoTime();
        for (long i = 0; i < ticks; i++) {
            while (System.nanoTime() < next) {
                Thread.onSpinWait();
            }
            next += interval;
            String asset = ASSETS[(int) (i % ASSETS.length)];
            double mid = (i / ASSETS.length) % 50 == 0 ? 100.3 : 100.0 + (i % 7) * 1e-4;
            runtime.onSpot(new SpotUpdate(asset, mid - 0.005, mid + 0.005, mid, 1e-4, System.currentTimeMillis(), System.nanoTime()));
            if ((i & 0xFFF) == 0) {
                LockSupport.parkNanos(1); // let the timer thread run on small machines
            }
        }
    }

    /** The snapshot published after everything measured was processed (snapshots are paced at 50 ms). */
    private static EngineSnapshot await(EngineRuntime runtime) {
        long seq = runtime.snapshot().sequence();
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (runtime.snapshot().sequence() < seq + 3 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L);
        }
        return runtime.snapshot();
    }

    /** Refuses every order at once through the ring, as a venue would, so the next Snipe may follow. */
    private static final class RejectingGateway implements OrderGateway {
        volatile ExecutionListener listener;

        @Override
        public void submit(OrderRequest request) {
            listener.onReport(new ExecutionReport(request.clientOrderId(), ExecutionReport.Kind.REJECT, "", 0, 0, 0, "bench",
                    "bench gateway refuses", 0));
        }

        @Override
        public void cancel(long clientOrderId, String venueOrderId) {
        }

        @Override
        public void cancelAll() {
        }

        @Override
        public boolean supportsNativeFok() {
            return true;
        }

        @Override
        public String name() {
            return "bench";
        }

        @Override
        public void close() {
        }
    }
}
