package io.velocity.execution.onchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalChainExtension;
import io.velocity.core.Clock;
import io.velocity.execution.AnvilControl;
import io.velocity.execution.ChainFill;
import io.velocity.execution.LocalExchange;
import io.velocity.execution.PreparedOrder;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.storage.SharedStores;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.protocol.core.DefaultBlockParameterName;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rail B against the local exchange on the shared anvil node. */
@ExtendWith(LocalChainExtension.class)
class ChainRailTest {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    private LocalChain chain;
    private LocalExchange market;
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final KillSwitch killSwitch = new KillSwitch(Clock.SYSTEM);
    private final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
    private Secp256k1Signer trader;

    @BeforeEach
    void market(LocalChain localChain) {
        chain = localChain;
        market = LocalExchange.open(chain);
        trader = market.key(LocalExchange.TRADER);
        closing.add(trader);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : closing.reversed()) {
            c.close();
        }
    }

    @Test
    void operatorFillsTheTradersSignedOrderForReal() throws Exception {
        ChainRail rail = rail(LocalExchange.RAIL_B_OPERATOR, new RpcBroadcaster(chain.rpc), Duration.ofSeconds(5));
        PreparedOrder order = market.traderOrders(trader).prepare(market.buyUp(1, 6_000, 10_000_000, TimeInForce.FOK));
        BigInteger before = market.upBalance(LocalExchange.TRADER);

        ChainFill fill = rail.fill(order).get(20, TimeUnit.SECONDS);

        assertThat(fill.outcome()).isEqualTo(ChainFill.Outcome.FILLED);
        assertThat(fill.makingFilled()).isEqualTo(6_000_000);   // 6 pUSD paid
        assertThat(fill.takingFilled()).isEqualTo(10_000_000);  // for 10 Up
        assertThat(fill.gasUsed()).isPositive();
        assertThat(market.upBalance(LocalExchange.TRADER)).isEqualTo(before.add(BigInteger.valueOf(10_000_000)));
        assertThat(rail.unavailableReason()).isEmpty();
    }

    @Test
    void revertInSimulationRefusesWithTheReasonAndSendsNothing() throws Exception {
        ChainRail rail = rail(LocalExchange.OUTSIDER, new RpcBroadcaster(chain.rpc), Duration.ofSeconds(5));
        PreparedOrder order = market.traderOrders(trader).prepare(market.buyUp(2, 6_000, 10_000_000, TimeInForce.FOK));
        long nonceBefore = market.pendingNonce(LocalExchange.OUTSIDER);

        ChainFill fill = rail.fill(order).get(20, TimeUnit.SECONDS);

        assertThat(fill.outcome()).isEqualTo(ChainFill.Outcome.REFUSED);
        assertThat(fill.reason()).isEqualTo("NotOperator");
        assertThat(fill.txHash()).isEmpty();
        assertThat(market.pendingNonce(LocalExchange.OUTSIDER)).isEqualTo(nonceBefore);
        assertThat(rail.unavailableReason()).hasValueSatisfying(r -> assertThat(r).contains("NotOperator"));
        assertThat(health.get(ChainRail.HEALTH).detail()).contains("NotOperator");
    }

    @Test
    void killSwitchStopsTheTransactionBeforeItLeavesAndFreesTheNonce() throws Exception {
        InMemoryNonceSource nonces = new InMemoryNonceSource();
        ChainRail rail = rail(LocalExchange.RAIL_B_OPERATOR, new RpcBroadcaster(chain.rpc), Duration.ofSeconds(5), nonces);
        PreparedOrder order = market.traderOrders(trader).prepare(market.buyUp(3, 6_000, 10_000_000, TimeInForce.FOK));
        long nonceBefore = market.pendingNonce(LocalExchange.RAIL_B_OPERATOR);
        killSwitch.engage(HaltLayer.MANUAL, "test");

        ChainFill fill = rail.fill(order).get(20, TimeUnit.SECONDS);

        assertThat(fill.outcome()).isEqualTo(ChainFill.Outcome.FAILED);
        assertThat(fill.reason()).isEqualTo("kill switch engaged");
        assertThat(market.pendingNonce(LocalExchange.RAIL_B_OPERATOR)).isEqualTo(nonceBefore);
        assertThat(nonces.peek(chain.rpc.chainId(), chain.address(LocalExchange.RAIL_B_OPERATOR).getValue()))
                .hasValue(nonceBefore);
    }

    @Test
    void stuckTransactionIsReplacedWithTheSameNonceAndHigherFeesAndMines() throws Exception {
        AnvilControl anvil = new AnvilControl(chain.anvil.rpcUrl());
        ChainRail rail = rail(LocalExchange.RAIL_B_OPERATOR, new RpcBroadcaster(chain.rpc), Duration.ofMillis(800));
        PreparedOrder order = market.traderOrders(trader).prepare(market.buyUp(4, 6_000, 10_000_000, TimeInForce.FOK));
        String operator = chain.address(LocalExchange.RAIL_B_OPERATOR).getValue();
        long nonce = market.pendingNonce(LocalExchange.RAIL_B_OPERATOR);
        anvil.automine(false);
        try {
            CompletableFuture<ChainFill> result = rail.fill(order);
            JsonNode original = await().atMost(Duration.ofSeconds(10)).until(() -> anvil.pooled(operator, nonce), t -> t != null);
            BigInteger originalMax = quantity(original, "maxFeePerGas");
            BigInteger originalTip = quantity(original, "maxPriorityFeePerGas");
            // A block whose base fee the original cannot pay: it stays pending, stuck.
            BigInteger blocking = originalMax.multiply(BigInteger.valueOf(11)).divide(BigInteger.TEN);
            anvil.nextBaseFee(blocking);
            anvil.mine();
            assertThat(latestNonce(operator)).isEqualTo(nonce);

            JsonNode replacement = await().atMost(Duration.ofSeconds(10)).until(() -> anvil.pooled(operator, nonce),
                    t -> t != null && quantity(t, "maxFeePerGas").compareTo(originalMax) > 0);
            anvil.nextBaseFee(blocking);
            anvil.mine();

            ChainFill fill = result.get(20, TimeUnit.SECONDS);
            assertThat(fill.outcome()).isEqualTo(ChainFill.Outcome.FILLED);
            assertThat(fill.replacements()).isPositive();
            assertThat(fill.txHash()).isEqualTo(replacement.get("hash").asText());
            assertThat(latestNonce(operator)).isEqualTo(nonce + 1);
            // >= 12.5 % on both fees (times 8/9 avoids rounding: x * 1.125 = x * 9 / 8).
            assertThat(quantity(replacement, "maxFeePerGas").multiply(BigInteger.valueOf(8)))
                    .isGreaterThanOrEqualTo(originalMax.multiply(BigInteger.valueOf(9)));
            assertThat(quantity(replacement, "maxPriorityFeePerGas").multiply(BigInteger.valueOf(8)))
                    .isGreaterThanOrEqualTo(originalTip.multiply(BigInteger.valueOf(9)));
        } finally {
            anvil.automine(true);
        }
    }

    @Test
    void killSwitchTurnsTheReplacementOfAPendingFillIntoACancellation() throws Exception {
        AnvilControl anvil = new AnvilControl(chain.anvil.rpcUrl());
        ChainRail rail = rail(LocalExchange.RAIL_B_OPERATOR, new RpcBroadcaster(chain.rpc), Duration.ofMillis(300));
        PreparedOrder order = market.traderOrders(trader).prepare(market.buyUp(6, 6_000, 10_000_000, TimeInForce.FOK));
        String operator = chain.address(LocalExchange.RAIL_B_OPERATOR).getValue();
        long nonce = market.pendingNonce(LocalExchange.RAIL_B_OPERATOR);
        BigInteger before = market.upBalance(LocalExchange.TRADER);
        anvil.automine(false);
        try {
            CompletableFuture<ChainFill> result = rail.fill(order);
            await().atMost(Duration.ofSeconds(10)).until(() -> anvil.pooled(operator, nonce), t -> t != null);
            killSwitch.engage(HaltLayer.MANUAL, "test");
            JsonNode cancel = await().atMost(Duration.ofSeconds(10)).until(() -> anvil.pooled(operator, nonce),
                    t -> t != null && t.get("input").asText().equals("0x"));
            anvil.mine();

            ChainFill fill = result.get(20, TimeUnit.SECONDS);
            assertThat(fill.outcome()).isEqualTo(ChainFill.Outcome.REVERTED);
            assertThat(fill.reason()).contains("kill switch");
            assertThat(fill.txHash()).isEqualTo(cancel.get("hash").asText());
            assertThat(market.upBalance(LocalExchange.TRADER)).isEqualTo(before);
            assertThat(market.orderStatus(order.orderId())).containsExactly(false, BigInteger.ZERO);
        } finally {
            anvil.automine(true);
        }
    }

    @Test
    void privateRelayCarriesTheTransactionWithTheConfiguredHeaders() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer relayServer = forwardingRelay(chain.anvil.rpcUrl(), seen);
        closing.add(() -> relayServer.stop(0));
        PrivateRelay relay = new PrivateRelay(URI.create("http://127.0.0.1:" + relayServer.getAddress().getPort() + "/"),
                Map.of("X-Flashbots-Signature", "0xabc:0xdef"), Duration.ofSeconds(5));
        closing.add(relay);
        ChainRail rail = rail(LocalExchange.RAIL_B_OPERATOR, relay, Duration.ofSeconds(5));
        PreparedOrder order = market.traderOrders(trader).prepare(market.buyUp(5, 5_000, 8_000_000, TimeInForce.FOK));

        ChainFill fill = rail.fill(order).get(20, TimeUnit.SECONDS);

        assertThat(fill.outcome()).isEqualTo(ChainFill.Outcome.FILLED);
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).startsWith("0xabc:0xdef|").contains("eth_sendRawTransaction");
    }

    @Test
    void startUpRecoveryCancelsAGapAndTheTransactionStuckBehindIt() throws Exception {
        Secp256k1Signer key = market.key(LocalExchange.NONCE_TESTS);
        closing.add(key);
        Eip1559Signer signer = new Eip1559Signer(key, chain.rpc.chainId());
        InMemoryNonceSource nonces = new InMemoryNonceSource();
        RpcBroadcaster broadcaster = new RpcBroadcaster(chain.rpc);
        TransactionTracker tracker = tracker(signer, broadcaster, Duration.ofSeconds(5));
        String address = key.address().toLowerHex();
        long chainId = chain.rpc.chainId();
        long start = market.pendingNonce(LocalExchange.NONCE_TESTS);
        // Before the "crash": two nonces handed out, only the second reached the node (queued behind the gap).
        nonces.next(chainId, address, start);
        long second = nonces.next(chainId, address, start);
        // Priced above what recovery starts with, so recovery must raise its offer to replace it.
        BigInteger tip = GWEI.multiply(BigInteger.valueOf(3));
        Fees fees = new Fees(tip, baseFee().shiftLeft(1).add(tip));
        String queued = broadcaster.broadcast(signer.sign(second, fees, 21_000, address, "0x"));
        assertThat(market.pendingNonce(LocalExchange.NONCE_TESTS)).isEqualTo(start);

        AnvilControl anvil = new AnvilControl(chain.anvil.rpcUrl());
        anvil.automine(false); // both cancellations wait in the pool together, as on a busy chain
        NonceRecovery.Report report;
        try {
            report = new NonceRecovery(chain.rpc, signer, nonces, broadcaster, tracker, GWEI,
                    GWEI.multiply(BigInteger.valueOf(100)), 12.5, 40).recover();
            JsonNode replaced = anvil.pooled(address, second);
            assertThat(replaced.get("input").asText()).isEqualTo("0x");
            assertThat(replaced.get("hash").asText()).isNotEqualTo(queued);
            assertThat(quantity(replaced, "maxFeePerGas")).isGreaterThan(fees.maxFeeWei());
            anvil.mine();
        } finally {
            anvil.automine(true);
        }

        assertThat(report.cancelled()).containsExactly(start, start + 1);
        assertThat(report.allocatorNext()).isEqualTo(start + 2);
        report.mined().get(20, TimeUnit.SECONDS);
        assertThat(latestNonce(address)).isEqualTo(start + 2);
        assertThat(nonces.peek(chainId, address)).hasValue(start + 2);
        assertThat(new NonceRecovery(chain.rpc, signer, nonces, broadcaster, tracker, GWEI,
                GWEI.multiply(BigInteger.valueOf(100)), 12.5, 40).recover().clean()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    /** A rail whose nonces come from the storage layer's Redis Lua allocator, as in production. */
    private ChainRail rail(int sender, Broadcaster broadcaster, Duration replaceAfter) {
        RedisStore redis = RedisStore.connect(SharedStores.redis().url());
        closing.add(redis);
        return rail(sender, broadcaster, replaceAfter, new RedisNonceSource(redis.nonces(), Duration.ofSeconds(2)));
    }

    private ChainRail rail(int sender, Broadcaster broadcaster, Duration replaceAfter, NonceSource nonces) {
        Secp256k1Signer key = market.key(sender);
        closing.add(key);
        Eip1559Signer signer = new Eip1559Signer(key, chain.rpc.chainId());
        TransactionTracker tracker = tracker(signer, broadcaster, replaceAfter);
        ChainRail rail = new ChainRail(chain.rpc, signer, nonces, broadcaster, tracker, killSwitch, health,
                new ChainRail.Limits(3_000_000, GWEI, GWEI.multiply(BigInteger.valueOf(1_000))));
        closing.add(rail);
        return rail;
    }

    private TransactionTracker tracker(Eip1559Signer signer, Broadcaster broadcaster, Duration replaceAfter) {
        TransactionTracker tracker = new TransactionTracker(chain.rpc, signer, broadcaster, killSwitch, health,
                new TransactionTracker.Settings(replaceAfter, 12.5, 6, GWEI.multiply(BigInteger.valueOf(1_000)),
                        Duration.ofMillis(50)));
        closing.add(tracker);
        return tracker;
    }

    private BigInteger baseFee() {
        return chain.rpc.latestBlock().getBaseFeePerGas();
    }

    private long latestNonce(String address) {
        return chain.rpc.send("eth_getTransactionCount", w -> w.ethGetTransactionCount(address,
                DefaultBlockParameterName.LATEST)).getTransactionCount().longValueExact();
    }

    private static BigInteger quantity(JsonNode tx, String field) {
        return new BigInteger(tx.get(field).asText().substring(2), 16);
    }

    /** A loopback relay that records "header|body" and forwards the JSON-RPC body to anvil. */
    private static HttpServer forwardingRelay(String upstream, List<String> seen) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpClient client = HttpClient.newHttpClient();
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                seen.add(exchange.getRequestHeaders().getFirst("X-Flashbots-Signature") + "|" + body);
                HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(URI.create(upstream))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.body().length);
                out.write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
        });
        server.start();
        return server;
    }
}
