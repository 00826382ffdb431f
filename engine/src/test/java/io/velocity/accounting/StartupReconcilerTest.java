package io.velocity.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.velocity.accounting.records.ChainTransactionRecords;
import io.velocity.accounting.records.OrderRecords;
import io.velocity.accounting.records.PositionRecords;
import io.velocity.accounting.recovery.ApprovalTargets;
import io.velocity.accounting.recovery.Approvals;
import io.velocity.accounting.recovery.ClobOpenOrders;
import io.velocity.accounting.recovery.Discrepancy;
import io.velocity.accounting.recovery.OpenOrdersSource;
import io.velocity.accounting.recovery.ReconciliationReport;
import io.velocity.accounting.recovery.RequiredApproval;
import io.velocity.accounting.recovery.StartupReconciler;
import io.velocity.accounting.recovery.VenueOrder;
import io.velocity.chain.ChainFixtures;
import io.velocity.chain.Hash32;
import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalChainExtension;
import io.velocity.chain.OutcomePositions;
import io.velocity.chain.ResolutionListenerSettings;
import io.velocity.core.Clock;
import io.velocity.core.ManualClock;
import io.velocity.core.VenueException;
import io.velocity.execution.signing.ClobHeaders;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.L2Auth;
import io.velocity.execution.signing.Side;
import io.velocity.risk.HaltLayer;
import io.velocity.sim.ClobTestClient;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.market.SimMarket;
import io.velocity.storage.redis.MarketMeta;
import io.velocity.telemetry.HealthState;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;

/**
 * The recovery test: Redis and PostgreSQL are seeded with stale state; the venue (the simulator's
 * CLOB over loopback HTTP, L2-authenticated {@code GET /data/orders}, with orders placed and partly
 * filled through its {@code POST /order}) and the chain (anvil) hold the truth. After
 * reconciliation the local state matches them, and trading was blocked until then. A venue that
 * cannot be asked is played by a loopback HTTP server answering 503.
 */
@ExtendWith(LocalChainExtension.class)
class StartupReconcilerTest {

    private static final long USD = 1_000_000;
    private static final String API_KEY = "key-7c1f";
    private static final String PASSPHRASE = "passphrase-9";
    /** The exchange the simulator verifies order signatures against (its default config). */
    private static final String SIM_EXCHANGE = "0xE111180000d2663C0091e4f400237545B87B996B";

    @TempDir
    Path dataDir;

    private LocalChain chain;
    private ChainFixtures fixtures;
    private Credentials bot;
    private Address owner;
    private String secret;
    private HttpServer venue;
    private AccountingStack stack;
    private final List<Boolean> haltedWhileVenueAsked = new CopyOnWriteArrayList<>();
    private volatile int venueStatus = 200;

    @BeforeEach
    void setUp(LocalChain localChain) throws IOException {
        chain = localChain;
        fixtures = new ChainFixtures(chain);
        bot = fixtures.freshWallet();
        owner = new Address(bot.getAddress());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = Base64.getUrlEncoder().encodeToString(key);
        stack = new AccountingStack(chain, AccountingStack.Storage.fresh(dataDir), bot, chain.rpc,
                new ResolutionListenerSettings(0, Duration.ofMillis(100), 1000, 0, Optional.empty()));
    }

    @AfterEach
    void tearDown() {
        stack.close();
        if (venue != null) {
            venue.stop(0);
        }
    }

    @Test
    void staleRedisAndDatabaseAreMadeToMatchChainAndVenueWhileTradingIsBlocked() throws Exception {
        // The chain: a split in open market A, winning Up tokens of resolved market B, 3 USD cash.
        Hash32 a = fixtures.prepareCondition();
        Hash32 b = fixtures.prepareCondition();
        OutcomePositions marketA = fixtures.positions(a);
        OutcomePositions marketB = fixtures.positions(b);
        fixtures.fundAndSplit(bot, a, BigInteger.valueOf(10 * USD));
        fixtures.fundAndSplit(bot, b, BigInteger.valueOf(7 * USD));
        fixtures.giveAway(bot, b, ChainFixtures.DOWN, BigInteger.valueOf(7 * USD));
        fixtures.resolve(b, 1, 0);
        fixtures.mint(owner, BigInteger.valueOf(3 * USD));

        // The venue: the simulator's CLOB. The bot's bid o1 is partly filled by another trader; o2 rests.
        ManualClock venueClock = new ManualClock(SimFixture.START);
        try (VenueSimulator sim = SimFixture.manual(venueClock, "sim.liquidity.providers=0");
                ClobTestClient account = new ClobTestClient(sim.endpoints().clobRest(), ClobTestClient.vectorKey(1),
                        venueClock, 137, SIM_EXCHANGE);
                ClobTestClient other = new ClobTestClient(sim.endpoints().clobRest(), ClobTestClient.vectorKey(2),
                        venueClock, 137, SIM_EXCHANGE)) {
            assertThat(account.derive().status()).isEqualTo(200);
            assertThat(other.derive().status()).isEqualTo(200);
            SimMarket venueMarket = sim.inspect(st -> st.catalog().upDownAt("btc", "15m", st.world().now()));
            String o1 = account.limit(venueMarket.tokenId(0), Side.BUY, 45, 20 * USD).json().get("orderID").asText();
            String o2 = account.limit(venueMarket.tokenId(1), Side.BUY, 30, 8 * USD).json().get("orderID").asText();
            // A buy of Down at 0.55 complements the Up bid at 0.45: the venue mints, filling 5 of o1.
            assertThat(other.limit(venueMarket.tokenId(1), Side.BUY, 55, 5 * USD).status()).isEqualTo(200);

            // Stale local state: a bankroll from another day, wrong sizes, o2 unfilled... and o3, long gone.
            stack.storage.redis().setBankrollMicros(999 * USD).toCompletableFuture().get(2, TimeUnit.SECONDS);
            stack.storage.redis().putMarket(new MarketMeta(b.hex(), "btc", marketB.upTokenId().toString(),
                    marketB.downTokenId().toString(), 0.07, 1, 0, 10_000, 5 * USD, 0, 0, false, false))
                    .toCompletableFuture().get(2, TimeUnit.SECONDS);
            stack.positions.setSize(a.hex(), marketA.upTokenId().toString(), 4 * USD, "OPEN");
            stack.positions.setSize(b.hex(), marketB.upTokenId().toString(), 7 * USD, "OPEN");
            stack.positions.setSize(b.hex(), marketB.downTokenId().toString(), 3 * USD, "OPEN");
            Hash32 unknown = Hash32.ofUint256(BigInteger.valueOf(0xC0FFEE));
            stack.positions.setSize(unknown.hex(), "12345", USD, "OPEN");
            stack.orders.putFromVenue(new VenueOrder(o2, venueMarket.conditionId(), venueMarket.tokenId(1), "BUY",
                    300_000, 8 * USD, 0, "GTC", 0));
            stack.orders.putFromVenue(new VenueOrder(o3(), venueMarket.conditionId(), venueMarket.tokenId(0), "BUY",
                    400_000, 5 * USD, 0, "GTC", 0));

            L2Auth auth = new L2Auth(EthAddress.parse(account.address()), account.apiKey(), account.secret(),
                    account.passphrase());
            ClobOpenOrders clob = new ClobOpenOrders(URI.create(sim.endpoints().clobRest()), auth, venueClock,
                    Duration.ofSeconds(2));
            OpenOrdersSource observedVenue = () -> {
                haltedWhileVenueAsked.add(stack.killSwitch.isHalted());
                return clob.openOrders();
            };
            StartupReconciler reconciler = reconciler(observedVenue, exchangeApprovals());
            reconciler.blockTrading();
            assertThat(stack.killSwitch.isHalted()).isTrue();
            stack.service.start();
            stack.listener.start();

            ReconciliationReport report = reconciler.reconcile(List.of(marketA));

            // Trading was blocked while the venue was asked, and is released now.
            assertThat(haltedWhileVenueAsked).containsExactly(true);
            assertThat(stack.killSwitch.isEngaged(HaltLayer.RECONCILIATION)).isFalse();
            assertThat(stack.killSwitch.isHalted()).isFalse();

            // Venue wins for open orders.
            assertThat(stack.orders.live()).extracting(OrderRecords.Row::orderId, OrderRecords.Row::sizeMicros,
                            OrderRecords.Row::filledMicros, OrderRecords.Row::priceMicros, OrderRecords.Row::status)
                    .containsExactlyInAnyOrder(tuple(o1, 20 * USD, 5 * USD, 450_000L, "PARTIAL"),
                            tuple(o2, 8 * USD, 0L, 300_000L, "OPEN"));
            assertThat(stack.column("SELECT status FROM orders WHERE order_id = '" + o3() + "'"))
                    .containsExactly("CANCELLED");
            assertThat(report.venueOpenOrders()).isEqualTo(2);

            // Chain wins for balances.
            assertThat(sizes()).contains(a.hex() + "/" + marketA.upTokenId() + "=" + 10 * USD,
                    a.hex() + "/" + marketA.downTokenId() + "=" + 10 * USD,
                    unknown.hex() + "/12345=0");
            assertThat(report.bankrollBeforeMicros()).hasValue(999 * USD);
            assertThat(report.bankrollMicros()).isEqualTo(3 * USD);
            assertThat(stack.events.bankrolls).first().isEqualTo(3 * USD);

            // The resolved market is redeemed; the open one is watched.
            assertThat(report.resolvedUnredeemed()).containsExactly(b.hex());
            assertThat(report.watchedForResolution()).isEqualTo(1);
            assertThat(stack.listener.watched()).containsExactly(a);
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.service.redeemedCount() == 1);
            assertThat(stack.redisBankroll()).hasValue(10 * USD);
            assertThat(fixtures.cash(owner)).isEqualTo(BigInteger.valueOf(10 * USD));
            assertThat(sizes()).contains(b.hex() + "/" + marketB.upTokenId() + "=0",
                    b.hex() + "/" + marketB.downTokenId() + "=0");

            // Every difference is in the report and the audit log.
            assertThat(report.discrepancies()).extracting(Discrepancy::kind).contains(
                    Discrepancy.Kind.ORDER_MISSING_LOCALLY, Discrepancy.Kind.ORDER_NOT_AT_VENUE,
                    Discrepancy.Kind.POSITION, Discrepancy.Kind.BANKROLL, Discrepancy.Kind.RESOLVED_UNREDEEMED,
                    Discrepancy.Kind.UNKNOWN_MARKET);
            await().atMost(Duration.ofSeconds(10)).until(() -> stack.auditRows().stream()
                    .filter(row -> row.startsWith("reconcile.difference|")).count() == report.discrepancies().size()
                    && stack.auditRows().stream().anyMatch(row -> row.startsWith("reconcile.done|")));

            // Missing approvals come with the exact transaction; sending them fixes them.
            String approveData = FunctionEncoder.encode(new Function("approve",
                    List.of(chain.contracts.exchange(), new Uint256(Approvals.UNLIMITED)), Collections.emptyList()));
            assertThat(report.missingApprovals()).extracting(RequiredApproval::kind, RequiredApproval::contract,
                            RequiredApproval::data)
                    .contains(tuple(RequiredApproval.Kind.COLLATERAL_ALLOWANCE, chain.contracts.collateral(),
                            approveData));
            assertThat(report.missingApprovals()).hasSize(2);
            assertThat(report.summary()).contains("Missing approvals").contains(approveData);
            assertThat(stack.health.get(StartupReconciler.COMPONENT).state()).isEqualTo(HealthState.DEGRADED);

            Approvals.send(report.missingApprovals(), stack.sender, stack.audit);
            assertThat(new Approvals(stack.ctf, stack.collateral, exchangeApprovals()).missing(owner)).isEmpty();
            assertThat(stack.transactions.byReference(report.missingApprovals().get(0).description()))
                    .extracting(ChainTransactionRecords.Row::state).containsExactly("mined");
        }
    }

    @Test
    void aVenueThatCannotBeAskedLeavesTradingBlockedAndShowsItInHealth() throws IOException {
        venueStatus = 503;
        startVenue();
        StartupReconciler reconciler = reconciler(loopbackVenue(), new ApprovalTargets(List.of(), List.of()));

        assertThatThrownBy(() -> reconciler.reconcile(List.of())).isInstanceOf(VenueException.class)
                .hasMessageContaining("HTTP 503");

        assertThat(haltedWhileVenueAsked).containsExactly(true);
        assertThat(stack.killSwitch.isEngaged(HaltLayer.RECONCILIATION)).isTrue();
        assertThat(stack.killSwitch.isHalted()).isTrue();
        assertThat(stack.health.get(StartupReconciler.COMPONENT).state()).isEqualTo(HealthState.DOWN);
        assertThat(stack.health.get(StartupReconciler.COMPONENT).detail()).contains("trading blocked");
        await().atMost(Duration.ofSeconds(10)).until(() -> stack.auditRows().stream()
                .anyMatch(row -> row.startsWith("reconcile.failed|")));

        venueStatus = 200;
        reconciler.reconcile(List.of());
        assertThat(stack.killSwitch.isHalted()).isFalse();
        assertThat(stack.health.get(StartupReconciler.COMPONENT).state()).isEqualTo(HealthState.UP);
    }

    private OpenOrdersSource loopbackVenue() {
        L2Auth auth = new L2Auth(EthAddress.parse(owner.getValue()), API_KEY, secret, PASSPHRASE);
        return new ClobOpenOrders(URI.create("http://127.0.0.1:" + venue.getAddress().getPort()), auth, Clock.SYSTEM,
                Duration.ofSeconds(2));
    }

    private static String o3() {
        return "0x" + "0".repeat(63) + "3";
    }

    private StartupReconciler reconciler(OpenOrdersSource openOrders, ApprovalTargets targets) {
        return new StartupReconciler(stack.killSwitch, openOrders,
                new StartupReconciler.ChainAccess(stack.rpc, stack.ctf, stack.collateral, owner),
                new StartupReconciler.LocalState(stack.storage.redis(), stack.orders, stack.positions,
                        stack.transactions, stack.audit),
                new Approvals(stack.ctf, stack.collateral, targets), stack.service, stack.health, stack.events);
    }

    private ApprovalTargets exchangeApprovals() {
        ApprovalTargets.Named exchange = new ApprovalTargets.Named("CTF Exchange", chain.contracts.exchange());
        return new ApprovalTargets(List.of(exchange), List.of(exchange));
    }

    private List<String> sizes() {
        return stack.positions.all().stream().map(r -> r.market() + "/" + r.tokenId() + "=" + r.sizeMicros()).toList();
    }

    /** A CLOB stand-in for the failure case: {@code GET /data/orders}, L2-authenticated, answering {@link #venueStatus}. */
    private void startVenue() throws IOException {
        venue = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        venue.createContext(ClobOpenOrders.PATH, exchange -> {
            try (exchange) {
                haltedWhileVenueAsked.add(stack.killSwitch.isHalted());
                if (!authenticated(exchange)) {
                    reply(exchange, 401, "{\"error\":\"Unauthorized/Invalid api key\"}");
                } else if (venueStatus != 200) {
                    reply(exchange, venueStatus, "{\"error\":\"service unavailable\"}");
                } else {
                    reply(exchange, 200, "{\"limit\":100,\"next_cursor\":\"LTE=\",\"count\":0,\"data\":[]}");
                }
            }
        });
        venue.start();
    }

    private boolean authenticated(HttpExchange exchange) {
        String timestamp = exchange.getRequestHeaders().getFirst(ClobHeaders.POLY_TIMESTAMP);
        String signature = exchange.getRequestHeaders().getFirst(ClobHeaders.POLY_SIGNATURE);
        return timestamp != null && API_KEY.equals(exchange.getRequestHeaders().getFirst(ClobHeaders.POLY_API_KEY))
                && PASSPHRASE.equals(exchange.getRequestHeaders().getFirst(ClobHeaders.POLY_PASSPHRASE))
                && L2Auth.signature(secret, timestamp, "GET", ClobOpenOrders.PATH, null).equals(signature);
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
