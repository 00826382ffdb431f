package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.FunctionEncoder;

/** Failover, retry, chain-id refusal and error classification against anvil and loopback fakes. */
@ExtendWith(LocalChainExtension.class)
class RpcClientFailoverTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LocalChain chain;

    @BeforeEach
    void useChain(LocalChain localChain) {
        chain = localChain;
    }

    @Test
    void failsOverFromADeadEndpoint() throws IOException {
        String dead = "http://127.0.0.1:" + unusedPort();

        try (RpcClient rpc = RpcClient.connect(fastRetries(dead, chain.anvil.rpcUrl()))) {
            for (int i = 0; i < 5; i++) {
                assertThat(rpc.blockNumber()).isNotNegative();
            }
            List<EndpointStats> stats = rpc.endpointStats();
            assertThat(stats.get(0).state()).isEqualTo(EndpointStats.State.UNVERIFIED);
            assertThat(stats.get(0).failures()).isPositive();
            assertThat(stats.get(1).state()).isEqualTo(EndpointStats.State.HEALTHY);
            assertThat(stats.get(1).calls()).isGreaterThanOrEqualTo(6);
            assertThat(stats.get(1).p50Micros()).isPositive();
            assertThat(stats.get(1).maxMicros()).isGreaterThanOrEqualTo(stats.get(1).p99Micros());
        }
    }

    @Test
    void completesEveryCallThroughAProxyThatFailsEveryOtherRequest() throws IOException {
        try (LoopbackJsonRpcServer proxy = flakyProxy(chain.anvil.rpcUrl());
                RpcClient alone = RpcClient.connect(fastRetries(proxy.url()));
                RpcClient paired = RpcClient.connect(fastRetries(proxy.url(), chain.anvil.rpcUrl()))) {
            for (int i = 0; i < 10; i++) {
                assertThat(alone.blockNumber()).isNotNegative();
                assertThat(paired.pendingNonce(chain.address(0).getValue())).isNotNegative();
            }
            assertThat(alone.endpointStats().get(0).failures()).isGreaterThanOrEqualTo(5);
            assertThat(proxy.requests()).isGreaterThanOrEqualTo(20);
        }
    }

    @Test
    void timeoutIsATransportFailureThatFailsOver() throws IOException {
        try (LoopbackJsonRpcServer silent = new LoopbackJsonRpcServer((n, body) -> {
            sleep(Duration.ofSeconds(2));
            return new LoopbackJsonRpcServer.Reply(200, "{}");
        });
                RpcClient rpc = RpcClient.connect(fastRetries(silent.url(), chain.anvil.rpcUrl())
                        .withCallTimeout(Duration.ofMillis(300)))) {
            long start = System.nanoTime();
            assertThat(rpc.blockNumber()).isNotNegative();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(rpc.endpointStats().get(0).lastError()).containsIgnoringCase("timeout");
        }
    }

    @Test
    void refusesAnEndpointServingAnotherChain() throws IOException {
        try (LoopbackJsonRpcServer mainnet = answeringChainId("0x1")) {
            assertThatThrownBy(() -> RpcClient.connect(fastRetries(mainnet.url())))
                    .isInstanceOf(ChainIdMismatchException.class)
                    .hasMessageContaining("chain id 137")
                    .hasMessageContaining("serves chain id 1,");

            try (RpcClient rpc = RpcClient.connect(fastRetries(mainnet.url(), chain.anvil.rpcUrl()))) {
                int seenBefore = mainnet.requests();
                assertThat(rpc.blockNumber()).isNotNegative();
                assertThat(rpc.endpointStats().get(0).state()).isEqualTo(EndpointStats.State.REJECTED);
                assertThat(mainnet.requests()).isEqualTo(seenBefore);
            }
        }
    }

    @Test
    void revertIsReportedOnceAndNeverRetried() {
        List<RpcCallOutcome> outcomes = new CopyOnWriteArrayList<>();
        try (RpcClient rpc = RpcClient.connect(fastRetries(chain.anvil.rpcUrl()),
                (endpoint, method, nanos, outcome) -> outcomes.add(outcome))) {
            outcomes.clear();
            String redeemUnknown = FunctionEncoder.encode(CtfFunctions.redeemPositions(chain.contracts.collateral(),
                    Hash32.ZERO, Hash32.of("0x" + "11".repeat(32)), List.of(BigInteger.ONE, BigInteger.TWO)));

            assertThatThrownBy(() -> rpc.estimateGas(chain.address(3).getValue(),
                    chain.contracts.ctf().getValue(), redeemUnknown, BigInteger.ZERO))
                    .isInstanceOfSatisfying(ExecutionRevertedException.class, e -> assertThat(e.reason().message())
                            .isEqualTo("result for condition not received yet"));
            assertThat(outcomes).containsExactly(RpcCallOutcome.REVERTED);
        }
    }

    @Test
    void nonRetryableNodeErrorIsThrownAtOnce() {
        List<RpcCallOutcome> outcomes = new CopyOnWriteArrayList<>();
        try (RpcClient rpc = RpcClient.connect(fastRetries(chain.anvil.rpcUrl()),
                (endpoint, method, nanos, outcome) -> outcomes.add(outcome))) {
            outcomes.clear();

            assertThatThrownBy(() -> rpc.sendRawTransaction("0x1234"))
                    .isInstanceOf(RpcErrorException.class)
                    .hasMessageContaining("eth_sendRawTransaction");
            assertThat(outcomes).containsExactly(RpcCallOutcome.RPC_ERROR);
        }
    }

    @Test
    void apiKeyInAnEndpointUrlNeverReachesErrors() throws IOException {
        String secretUrl = "http://127.0.0.1:" + unusedPort() + "/v2/SECRET-KEY-123?token=ALSO-SECRET";

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> RpcClient.connect(fastRetries(secretUrl)));

        StringBuilder chainText = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chainText.append(t).append('\n');
        }
        assertThat(failure).isInstanceOf(RpcTransportException.class);
        assertThat(chainText.toString()).doesNotContain("SECRET-KEY-123").doesNotContain("ALSO-SECRET");
        assertThat(RpcEndpoint.of(secretUrl).toString()).endsWith("/…");
    }

    // ------------------------------------------------------------------ fixtures

    private static RpcClientConfig fastRetries(String... urls) {
        return RpcClientConfig.defaults(137, List.of(urls))
                .withCallTimeout(Duration.ofSeconds(2))
                .withRetries(4, Duration.ofMillis(5), Duration.ofMillis(40));
    }

    /** Forwards odd-numbered requests to anvil and answers even-numbered ones with HTTP 502. */
    private static LoopbackJsonRpcServer flakyProxy(String upstream) throws IOException {
        HttpClient http = HttpClient.newHttpClient();
        return new LoopbackJsonRpcServer((n, body) -> {
            if (n % 2 == 0) {
                return new LoopbackJsonRpcServer.Reply(502, "bad gateway");
            }
            HttpRequest forward = HttpRequest.newBuilder(URI.create(upstream))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(forward, HttpResponse.BodyHandlers.ofString());
                return new LoopbackJsonRpcServer.Reply(response.statusCode(), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
    }

    private static LoopbackJsonRpcServer answeringChainId(String chainIdHex) throws IOException {
        return new LoopbackJsonRpcServer((n, body) -> {
            long id = JSON.readTree(body).path("id").asLong();
            return new LoopbackJsonRpcServer.Reply(200,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"" + chainIdHex + "\"}");
        });
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
