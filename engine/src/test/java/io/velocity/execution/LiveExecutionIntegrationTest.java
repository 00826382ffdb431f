package io.velocity.execution;

import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalChainExtension;
import io.velocity.config.AppConfig;
import io.velocity.core.ManualClock;
import io.velocity.execution.clob.ApiCredentials;
import io.velocity.execution.clob.ApiKeyClient;
import io.velocity.execution.clob.ClobHttp;
import io.velocity.execution.clob.ClobRail;
import io.velocity.execution.clob.ClobReply;
import io.velocity.execution.onchain.RedisNonceSource;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.SignatureType;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.ExecutionReport.Kind;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.KillSwitch;
import io.velocity.security.KdfParams;
import io.velocity.security.Keystore;
import io.velocity.security.KeystoreFile;
import io.velocity.security.SecretNames;
import io.velocity.security.SecretType;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.clob.OrderView;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.market.SimMarket;
import io.velocity.storage.SharedStores;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.JournalOptions;
import io.velocity.storage.redis.RedisStore;
import io.velocity.strategy.Outcome;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.utils.Numeric;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The live execution stack end to end, built by {@link LiveExecution#open} from configuration and
 * a real keystore: Rail A against the in-process venue simulator (which verifies L2 HMAC headers
 * and V2 order signatures, and injects 5xx, timeouts, 429s and delays) and Rail B against the
 * local exchange on the shared anvil node, with Redis nonces and the journal for trade logs.
 *
 * <p>Orders for simulator markets can fill on Rail A only (the anvil exchange has no such token);
 * orders for the anvil market can fill on Rail B only (the simulator does not list it). Faults are
 * injected before the simulator processes a request, so a failed-over order never reached it.
 */
@ExtendWith(LocalChainExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LiveExecutionIntegrationTest {
    private static final char[] PASSWORD = "integration-password".toCharArray();
    private static final String OPERATOR_ENTRY = "rail-b-operator-private-key";
    private static final AtomicLong IDS = new AtomicLong(1_000);

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private final List<ExecutionReport> reports = new CopyOnWriteArrayList<>();
    private final List<ExecutionStep> steps = new CopyOnWriteArrayList<>();
    private final KillSwitch killSwitch = new KillSwitch(clock);
    private final Metrics metrics = new Metrics();
    private final HealthRegistry health = new HealthRegistry(clock);
    private final List<AutoCloseable> closing = new ArrayList<>();

    private LocalExchange anvil;
    private VenueSimulator sim;
    private SimMarket market;
    private Keystore keystore;
    private Journal journal;
    private LiveExecution live;
    private ExecutionOrchestrator gateway;
    private ClobRail makerRail;
    private OrderFactory makerOrders;

    @BeforeAll
    void start(LocalChain chain) throws Exception {
        anvil = LocalExchange.open(chain);
        String exchange = anvil.exchange().toChecksumHex();
        List<String> chainOverrides = List.of("chain.chainId=" + chain.rpc.chainId(), "chain.contracts.exchange=" + exchange,
                "chain.contracts.negRiskExchange=" + exchange, "sim.liquidity.providers=0");
        sim = VenueSimulator.start(io.velocity.sim.SimSettings.from(SimFixture.config(chainOverrides.toArray(String[]::new))),
                clock, false);
        closing.add(sim);
        market = sim.inspect(s -> s.catalog().upDownAt("btc", "15m", s.world().now()));

        List<String> overrides = new ArrayList<>(chainOverrides);
        overrides.addAll(List.of("venues.clob.restUrl=" + sim.endpoints().clobRest(),
                "chain.rpcUrls=[\"" + chain.anvil.rpcUrl() + "\"]",
                "execution.railB.senderKey=" + OPERATOR_ENTRY, "execution.railB.minPriorityFeeGwei=1",
                "execution.railB.maxFeePerGasGwei=500", "execution.railB.receiptPollInterval=50ms",
                "execution.railA.orderPollInterval=200ms", "venues.clob.heartbeatInterval=1s"));
        AppConfig config = SimFixture.config(overrides.toArray(String[]::new));

        Path dir = Files.createTempDirectory("velocity-live-execution");
        keystore = keystore(dir, chain, config);
        closing.add(keystore);
        journal = Journal.open(JournalOptions.of(dir.resolve("journal"), Duration.ofMillis(5))).start();
        closing.add(journal);
        RedisStore redis = RedisStore.connect(SharedStores.redis().url());
        closing.add(redis);
        JournalTradeLog tradeLog = new JournalTradeLog(journal, health);
        live = LiveExecution.open(config, keystore, new LiveExecution.Services(reports::add, killSwitch,
                new RedisNonceSource(redis.nonces(), Duration.ofSeconds(2)), step -> {
                    steps.add(step);
                    tradeLog.record(step);
                }, metrics, health, clock));
        closing.add(live);
        gateway = live.gateway();
        makerLiquidityAccount();
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    @BeforeEach
    void clearFaults() {
        sim.faults().delay(FaultInjector.Venue.CLOB, 0);
        reports.clear();
        steps.clear();
    }

    /** The keystore a trader would have: the order key, Rail B's operator key and CLOB credentials made with L1 auth. */
    private Keystore keystore(Path dir, LocalChain chain, AppConfig config) throws Exception {
        KeystoreFile file = KeystoreFile.open(dir.resolve("secrets.enc"), new KdfParams(KdfParams.MIN_MEMORY_KIB, 1, 1));
        file.create(PASSWORD, false);
        putKey(file, SecretNames.POLYGON_PRIVATE_KEY, LocalExchange.TRADER);
        putKey(file, OPERATOR_ENTRY, LocalExchange.RAIL_B_OPERATOR);
        try (Secp256k1Signer trader = anvil.key(LocalExchange.TRADER);
             ClobHttp http = new ClobHttp(java.net.URI.create(sim.endpoints().clobRest()), Duration.ofSeconds(2), null, clock, null)) {
            ClobReply<ApiCredentials> credentials = new ApiKeyClient(http, chain.rpc.chainId(), clock)
                    .deriveOrCreate(trader, 0).get(10, TimeUnit.SECONDS);
            assertThat(credentials.ok()).as(credentials.describe()).isTrue();
            ApiKeyClient.store(file, PASSWORD, credentials.value());
        }
        return file.unlock(PASSWORD);
    }

    private void putKey(KeystoreFile file, String name, int account) {
        BigInteger d = anvil.chain.anvil.account(account).credentials().getEcKeyPair().getPrivateKey();
        byte[] bytes = Numeric.toBytesPadded(d, 32);
        file.put(PASSWORD, name, SecretType.PRIVATE_KEY, bytes);
        java.util.Arrays.fill(bytes, (byte) 0);
    }

    /** A second simulator account that rests the liquidity the trader's orders take. */
    private void makerLiquidityAccount() throws Exception {
        Secp256k1Signer key = anvil.key(LocalExchange.OUTSIDER);
        closing.add(key);
        ClobHttp plain = new ClobHttp(java.net.URI.create(sim.endpoints().clobRest()), Duration.ofSeconds(2), null, clock, null);
        ApiCredentials creds = new ApiKeyClient(plain, anvil.chain.rpc.chainId(), clock).deriveOrCreate(key, 0)
                .get(10, TimeUnit.SECONDS).value();
        plain.close();
        makerRail = new ClobRail(new ClobHttp(java.net.URI.create(sim.endpoints().clobRest()), Duration.ofSeconds(2),
                creds.l2(key.address()), clock, null), creds.apiKey(), () -> false, 1);
        closing.add(makerRail);
        OrderSigner signer = new OrderSigner(anvil.chain.rpc.chainId(), anvil.exchange(), key);
        makerOrders = new OrderFactory(signer, signer, SignatureType.EOA, null, clock, Duration.ofMinutes(10), 99);
    }

    /** Rests a BUY of Down at {@code 1 - upPriceE4}: an Up ask at {@code upPriceE4} for the trader to take. */
    private void offerUp(long upPriceE4, long shares) throws Exception {
        OrderRequest bid = new OrderRequest(IDS.incrementAndGet(), "maker", market.conditionId(), market.tokenId(1), Outcome.DOWN,
                true, 10_000 - upPriceE4, shares, TimeInForce.GTC, true, (int) market.tickUnits(), market.negRisk(), 0, 1, 0);
        ClobReply<?> r = makerRail.place(makerOrders.prepare(bid)).get(10, TimeUnit.SECONDS);
        assertThat(r.ok()).as(r.describe()).isTrue();
    }

    private OrderRequest simFok(long id, long priceE4, long shares) {
        return new OrderRequest(id, "trace-" + id, market.conditionId(), market.tokenId(0), Outcome.UP, true, priceE4, shares,
                TimeInForce.FOK, false, (int) market.tickUnits(), market.negRisk(), 0.07, 1, System.nanoTime());
    }

    private OrderRequest anvilFok(long id) {
        return anvil.buyUp(id, 6_000, 10_000_000, TimeInForce.FOK);
    }

    private List<ExecutionReport> reportsOf(long id) {
        return reports.stream().filter(r -> r.clientOrderId() == id).toList();
    }

    private List<ExecutionReport> awaitFinal(long id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> reportsOf(id).stream().anyMatch(r -> r.kind() == Kind.FILL
                || r.kind() == Kind.REJECT || r.kind() == Kind.RAIL_FAILURE || r.kind() == Kind.CANCELLED));
        return reportsOf(id);
    }

    private OrderView simOrder(String orderId) {
        return sim.inspect(s -> s.exchange().order(orderId));
    }

    // ------------------------------------------------------------------ Rail A

    @Test
    void signedOrdersAreAcceptedByTheSimulatorAndFillOnRailA() throws Exception {
        double failovers = metrics.railFailoverCount();
        offerUp(6_000, 10_000_000);
        long id = IDS.incrementAndGet();
        gateway.submit(simFok(id, 6_000, 10_000_000));

        List<ExecutionReport> r = awaitFinal(id);
        assertThat(r).extracting(ExecutionReport::kind).containsExactly(Kind.ACK, Kind.FILL);
        assertThat(r).allMatch(x -> x.rail().equals("A"));
        assertThat(r.get(1).fillSizeMicros()).isEqualTo(10_000_000);
        assertThat(r.get(1).fillPriceE4()).isEqualTo(6_000);
        assertThat(r.get(1).feeMicros()).isPositive();
        assertThat(simOrder(r.get(0).venueOrderId()).status()).isEqualTo("MATCHED");
        assertThat(metrics.railFailoverCount()).isEqualTo(failovers);
        await().until(() -> journal.durableCount() >= 3);
    }

    @Test
    void restingOrdersRestAndCancel() throws Exception {
        long a = IDS.incrementAndGet();
        long b = IDS.incrementAndGet();
        OrderRequest first = new OrderRequest(a, "t" + a, market.conditionId(), market.tokenId(0), Outcome.UP, true, 2_000,
                6_000_000, TimeInForce.GTC, true, (int) market.tickUnits(), market.negRisk(), 0.07, 1, System.nanoTime());
        OrderRequest second = new OrderRequest(b, "t" + b, market.conditionId(), market.tokenId(0), Outcome.UP, true, 2_100,
                6_000_000, TimeInForce.GTC, true, (int) market.tickUnits(), market.negRisk(), 0.07, 1, System.nanoTime());
        gateway.submit(first);
        gateway.submit(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> reportsOf(a).size() == 1 && reportsOf(b).size() == 1);
        assertThat(reportsOf(a).get(0).kind()).isEqualTo(Kind.ACK);
        assertThat(simOrder(reportsOf(b).get(0).venueOrderId()).status()).isEqualTo("LIVE");

        gateway.cancel(a, reportsOf(a).get(0).venueOrderId());
        gateway.cancelAll();

        await().atMost(Duration.ofSeconds(10)).until(() -> reportsOf(a).size() == 2 && reportsOf(b).size() == 2);
        assertThat(reportsOf(a).get(1).kind()).isEqualTo(Kind.CANCELLED);
        assertThat(reportsOf(b).get(1).kind()).isEqualTo(Kind.CANCELLED);
        assertThat(simOrder(reportsOf(b).get(0).venueOrderId()).status()).startsWith("CANCEL");
    }

    @Test
    void batchesAndMultiOrderCancelsAreAcceptedByTheSimulator() throws Exception {
        List<PreparedOrder> orders = new ArrayList<>();
        for (long price : new long[]{1_500, 1_600, 1_700}) {
            orders.add(makerOrders.prepare(new OrderRequest(IDS.incrementAndGet(), "m", market.conditionId(), market.tokenId(0),
                    Outcome.UP, true, price, 5_000_000, TimeInForce.GTC, true, (int) market.tickUnits(), market.negRisk(), 0, 1, 0)));
        }

        var batch = makerRail.placeBatch(orders).get(10, TimeUnit.SECONDS);

        assertThat(batch.ok()).as(batch.describe()).isTrue();
        assertThat(batch.value()).allMatch(r -> r.ok() && r.value().live());
        List<String> ids = orders.stream().map(PreparedOrder::orderId).toList();
        var cancelled = makerRail.cancel(ids).get(10, TimeUnit.SECONDS);
        assertThat(cancelled.ok()).isTrue();
        assertThat(ids).allMatch(i -> cancelled.value().confirmed(i));
        assertThat(makerRail.heartbeat("").get(10, TimeUnit.SECONDS).ok()).isTrue();
    }

    @Test
    void openOrdersAndTradesAreReadBackThroughTheCursorPages() throws Exception {
        OrderRequest bid = new OrderRequest(IDS.incrementAndGet(), "m", market.conditionId(), market.tokenId(1), Outcome.DOWN,
                true, 3_500, 10_000_000, TimeInForce.GTC, true, (int) market.tickUnits(), market.negRisk(), 0, 1, 0);
        PreparedOrder resting = makerOrders.prepare(bid);
        assertThat(makerRail.place(resting).get(10, TimeUnit.SECONDS).ok()).isTrue();

        var open = makerRail.allOpenOrders(market.conditionId()).get(10, TimeUnit.SECONDS);
        assertThat(open.ok()).as(open.describe()).isTrue();
        assertThat(open.value()).anySatisfy(o -> {
            assertThat(o.id()).isEqualTo(resting.orderId());
            assertThat(o.status()).isEqualTo("LIVE");
            assertThat(o.priceE4()).isEqualTo(3_500);
            assertThat(o.originalSizeMicros()).isEqualTo(10_000_000);
        });

        long id = IDS.incrementAndGet();
        gateway.submit(simFok(id, 6_500, 10_000_000)); // takes the maker's Down bid at 0.35 as an Up ask at 0.65
        assertThat(awaitFinal(id)).extracting(ExecutionReport::kind).containsExactly(Kind.ACK, Kind.FILL);

        var trades = makerRail.allTrades(market.conditionId()).get(10, TimeUnit.SECONDS);
        assertThat(trades.ok()).as(trades.describe()).isTrue();
        assertThat(trades.value()).anySatisfy(t -> {
            assertThat(t.makerOrderIds()).contains(resting.orderId());
            assertThat(t.traderSide()).isEqualTo("MAKER");
            assertThat(t.sizeMicros()).isEqualTo(10_000_000);
        });
    }

    @Test
    void restingOrderFillsArriveWhenSomeoneTradesAgainstIt() throws Exception {
        long id = IDS.incrementAndGet();
        gateway.submit(new OrderRequest(id, "t" + id, market.conditionId(), market.tokenId(0), Outcome.UP, true, 3_000,
                8_000_000, TimeInForce.GTC, true, (int) market.tickUnits(), market.negRisk(), 0.07, 1, System.nanoTime()));
        await().atMost(Duration.ofSeconds(10)).until(() -> reportsOf(id).size() == 1);
        // The maker account sells into it: a BUY of Down at 0.70 crosses the trader's Up bid at 0.30.
        OrderRequest cross = new OrderRequest(IDS.incrementAndGet(), "m", market.conditionId(), market.tokenId(1), Outcome.DOWN,
                true, 7_000, 8_000_000, TimeInForce.FOK, false, (int) market.tickUnits(), market.negRisk(), 0, 1, 0);
        assertThat(makerRail.place(makerOrders.prepare(cross)).get(10, TimeUnit.SECONDS).ok()).isTrue();

        await().atMost(Duration.ofSeconds(10)).until(() -> reportsOf(id).stream().anyMatch(r -> r.kind() == Kind.FILL));
        ExecutionReport fill = reportsOf(id).stream().filter(r -> r.kind() == Kind.FILL).findFirst().orElseThrow();
        assertThat(fill.fillSizeMicros()).isEqualTo(8_000_000);
        assertThat(fill.fillPriceE4()).isEqualTo(3_000);
        assertThat(fill.feeMicros()).isZero(); // makers pay no fee
    }

    @Test
    void validationErrorsAreRejectedWithTheVenueMessageAndNeverFailOver() throws Exception {
        double failovers = metrics.railFailoverCount();
        long id = IDS.incrementAndGet();
        gateway.submit(simFok(id, 5_000, 1_000_000)); // $0.50: below the venue's $1 marketable minimum

        List<ExecutionReport> r = awaitFinal(id);
        assertThat(r).extracting(ExecutionReport::kind).containsExactly(Kind.REJECT);
        assertThat(r.get(0).detail()).contains("min size");
        assertThat(metrics.railFailoverCount()).isEqualTo(failovers);
    }

    // ------------------------------------------------------------------ failover

    @Test
    void injectedServerErrorFailsOverToRailBExactlyOnceAndFillsOnChain() throws Exception {
        failsOverOnce(() -> sim.faults().http5xxBurst(FaultInjector.Venue.CLOB, 1));
    }

    @Test
    void injectedTimeoutFailsOverToRailBAfterTheAckDeadline() throws Exception {
        failsOverOnce(() -> sim.faults().timeouts(FaultInjector.Venue.CLOB, 1));
    }

    @Test
    void rateLimitFailsOverToRailBWithoutCheckingRailA() throws Exception {
        failsOverOnce(() -> sim.faults().rateLimit(FaultInjector.Venue.CLOB, 1));
    }

    private void failsOverOnce(Runnable fault) throws Exception {
        double before = metrics.railFailoverCount();
        BigInteger upBefore = anvil.upBalance(LocalExchange.TRADER);
        long id = IDS.incrementAndGet();
        fault.run();
        gateway.submit(anvilFok(id));

        List<ExecutionReport> r = awaitFinal(id);
        assertThat(r).extracting(ExecutionReport::kind).containsExactly(Kind.ACK, Kind.FILL);
        assertThat(r).allMatch(x -> x.rail().equals("B"));
        String orderId = r.get(0).venueOrderId();
        assertThat(metrics.railFailoverCount()).isEqualTo(before + 1);
        assertThat(anvil.upBalance(LocalExchange.TRADER)).isEqualTo(upBefore.add(BigInteger.valueOf(10_000_000)));
        assertThat(anvil.orderStatus(orderId)).containsExactly(true, BigInteger.ZERO);
        assertThat(simOrder(orderId)).isNull(); // Rail A never held it
        assertThat(steps.stream().filter(s -> s.clientOrderId() == id).map(ExecutionStep::path).toList()).contains("A->B");
    }

    @Test
    void acknowledgementDelayedPastTheDeadlineOfAnOrderThatFilledOnRailANeverReachesRailB() throws Exception {
        double failovers = metrics.railFailoverCount();
        offerUp(6_000, 10_000_000);
        long operatorNonce = anvil.pendingNonce(LocalExchange.RAIL_B_OPERATOR);
        long id = IDS.incrementAndGet();
        sim.faults().delay(FaultInjector.Venue.CLOB, 800); // processed (and matched) at once, answered 800 ms later
        gateway.submit(simFok(id, 6_000, 10_000_000));

        List<ExecutionReport> r = awaitFinal(id);
        sim.faults().delay(FaultInjector.Venue.CLOB, 0);
        assertThat(r).extracting(ExecutionReport::kind).containsExactly(Kind.ACK, Kind.FILL);
        assertThat(r).allMatch(x -> x.rail().equals("A"));
        assertThat(simOrder(r.get(0).venueOrderId()).status()).isEqualTo("MATCHED");
        assertThat(metrics.railFailoverCount()).isEqualTo(failovers);
        assertThat(anvil.pendingNonce(LocalExchange.RAIL_B_OPERATOR)).isEqualTo(operatorNonce);
        assertThat(anvil.orderStatus(r.get(0).venueOrderId())).containsExactly(false, BigInteger.ZERO);
        List<ExecutionStep> trail = steps.stream().filter(s -> s.clientOrderId() == id).toList();
        assertThat(trail).extracting(ExecutionStep::stage).contains(ExecutionStage.FAILOVER); // the check ran ...
        assertThat(trail).extracting(ExecutionStep::rail).containsOnly("A");                  // ... and kept Rail B out
    }

    @Test
    void acrossAcknowledgementTimesAroundTheDeadlineNoIntentEverFillsOnBothRails() throws Exception {
        double failovers = metrics.railFailoverCount();
        long[] delays = {0, 350, 480, 520, 650, 900};
        List<Long> ids = new ArrayList<>();
        for (long delay : delays) {
            offerUp(6_000, 10_000_000);
            long id = IDS.incrementAndGet();
            ids.add(id);
            sim.faults().delay(FaultInjector.Venue.CLOB, delay);
            gateway.submit(simFok(id, 6_000, 10_000_000));
            awaitFinal(id);
            sim.faults().delay(FaultInjector.Venue.CLOB, 0);
        }
        for (long id : ids) {
            List<ExecutionReport> fills = reportsOf(id).stream().filter(x -> x.kind() == Kind.FILL).toList();
            assertThat(fills).as("intent %d", id).isNotEmpty();
            assertThat(fills.stream().map(ExecutionReport::rail).distinct().toList()).as("rails of intent %d", id).hasSize(1);
            assertThat(fills.stream().mapToLong(ExecutionReport::fillSizeMicros).sum()).isLessThanOrEqualTo(10_000_000);
            String orderId = fills.get(0).venueOrderId();
            boolean filledOnA = "MATCHED".equals(simOrder(orderId).status());
            boolean filledOnB = (Boolean) anvil.orderStatus(orderId).get(0);
            assertThat(filledOnA && filledOnB).as("intent %d filled on both rails", id).isFalse();
        }
        assertThat(metrics.railFailoverCount()).isEqualTo(failovers);
    }
}
