package io.velocity.execution;

import io.velocity.bench.BenchResult;
import io.velocity.bench.BenchTable;
import io.velocity.core.Clock;
import io.velocity.execution.clob.ClobHttp;
import io.velocity.execution.clob.ClobRail;
import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.L2Auth;
import io.velocity.execution.signing.OrderAmounts;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignatureType;
import io.velocity.execution.signing.TickSize;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.Outcome;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;
import org.HdrHistogram.Histogram;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./velocity bench execution}: how long signing a CLOB V2 order takes (EIP-712 hash plus
 * secp256k1 signature, goal p99 <= 300 µs) and intent-to-wire on loopback (from
 * {@link ExecutionOrchestrator#submit} on the caller's thread to the first byte of the
 * {@code POST /order} arriving at a loopback HTTP server: hand-off, rounding, signing, JSON, L2
 * HMAC and the kept-alive HTTP connection; goal p99 <= 1 ms). Orders are sent one at a time, as a
 * Snipe is. Options (system properties): {@code bench.signs} (default 20000),
 * {@code bench.intents} (default 5000).
 */
public final class ExecutionBench {
    private static final String BENCH = "execution";
    private static final byte[] KEY = Hex.decode("0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a", 32, "key");
    private static final EthAddress EXCHANGE = EthAddress.parse("0xE111180000d2663C0091e4f400237545B87B996B");
    private static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    private ExecutionBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchTable.print(run(Integer.getInteger("bench.signs", 20_000), Integer.getInteger("bench.intents", 5_000)), System.out);
    }

    public static List<BenchResult> run(int signs, int intents) throws Exception {
        List<BenchResult> out = new ArrayList<>();
        try (Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(KEY)) {
            signTime(key, signs, out);
            intentToWire(key, intents, out);
        }
        return out;
    }

    private static void signTime(Secp256k1Signer key, int signs, List<BenchResult> out) {
        OrderSigner signer = new OrderSigner(137, EXCHANGE, key);
        OrderAmounts amounts = OrderAmounts.marketableInTicks(TickSize.HUNDREDTH, Side.BUY, 57, 25_000_000);
        Histogram h = new Histogram(1_000_000_000L, 3);
        int warmup = Math.max(2_000, signs / 5);
        for (int i = 0; i < warmup + signs; i++) {
            ClobOrder order = ClobOrder.newBuilder().salt(i).maker(key.address()).signer(key.address())
                    .tokenId(new BigInteger(TOKEN)).amounts(amounts).signatureType(SignatureType.EOA)
                    .timestamp(1_780_000_000_000L + i).build();
            long t0 = System.nanoTime();
            signer.sign(order);
            long t = System.nanoTime() - t0;
            if (i >= warmup) {
                h.recordValue(Math.min(t, h.getHighestTrackableValue()));
            }
        }
        out.add(BenchResult.info(BENCH, "orders signed", h.getTotalCount(), "orders"));
        out.add(BenchResult.info(BENCH, "sign p50", h.getValueAtPercentile(50) / 1e3, "µs"));
        out.add(BenchResult.atMost(BENCH, "sign p99", h.getValueAtPercentile(99) / 1e3, "µs", 300));
        out.add(BenchResult.info(BENCH, "sign max", h.getMaxValue() / 1e3, "µs"));
    }

    private static void intentToWire(Secp256k1Signer key, int intents, List<BenchResult> out) throws Exception {
        Histogram h = new Histogram(10_000_000_000L, 3);
        Semaphore answered = new Semaphore(0);
        try (WireProbe probe = new WireProbe();
             Deadlines deadlines = Deadlines.system("bench-timers")) {
            OrderSigner signer = new OrderSigner(137, EXCHANGE, key);
            OrderFactory factory = new OrderFactory(signer, signer, SignatureType.EOA, null, Clock.SYSTEM, Duration.ofMinutes(10), 1);
            ClobHttp http = new ClobHttp(URI.create(probe.url()), Duration.ofSeconds(2),
                    new L2Auth(key.address(), "bench-key", "hd4VkgOO09Nb1p5R45XfZxzpr9mLJdfk18Jof8GcUNs=", "bench-pass"),
                    Clock.SYSTEM, null);
            KillSwitch killSwitch = new KillSwitch(Clock.SYSTEM);
            ClobRail railA = new ClobRail(http, "bench-key", killSwitch::isHalted, 2);
            ExecutionOrchestrator gateway = new ExecutionOrchestrator(new ExecutionOrchestrator.Dependencies(
                    (ExecutionReport r) -> {
                        if (r.kind() == ExecutionReport.Kind.FILL) {
                            answered.release();
                        }
                    }, killSwitch, factory, railA, null, deadlines, TradeLogSink.NONE, new Metrics(),
                    new HealthRegistry(Clock.SYSTEM), Clock.SYSTEM),
                    new ExecutionOrchestrator.Settings(Duration.ofMillis(500).toNanos(), false, 0, 2, 0, 0, 15));
            try {
                railA.warm().join();
                int warmup = Math.max(1_000, intents / 5);
                for (int i = 0; i < warmup + intents; i++) {
                    long t0 = System.nanoTime();
                    gateway.submit(new OrderRequest(i, "bench", "0xc", TOKEN, Outcome.UP, true, 5_700, 10_000_000,
                            TimeInForce.FOK, false, 100, false, 0.07, 1, t0));
                    long arrived = probe.nextOrderArrival(5_000);
                    if (arrived < 0) {
                        throw new IllegalStateException("intent " + i + " never reached the loopback server");
                    }
                    if (i >= warmup) {
                        h.recordValue(Math.min(Math.max(0, arrived - t0), h.getHighestTrackableValue()));
                    }
                    // One order in flight at a time, as a Snipe: wait (parked, not spinning: two cores) for its answer.
                    if (!answered.tryAcquire(5, TimeUnit.SECONDS)) {
                        throw new IllegalStateException("intent " + i + " got no answer");
                    }
                }
            } finally {
                gateway.close();
                railA.close();
            }
        }
        out.add(BenchResult.info(BENCH, "intents sent", h.getTotalCount(), "orders"));
        out.add(BenchResult.info(BENCH, "intent-to-wire p50 (loopback)", h.getValueAtPercentile(50) / 1e3, "µs"));
        out.add(BenchResult.atMost(BENCH, "intent-to-wire p99 (loopback)", h.getValueAtPercentile(99) / 1e6, "ms", 1));
        out.add(BenchResult.info(BENCH, "intent-to-wire max (loopback)", h.getMaxValue() / 1e3, "µs"));
    }
}
