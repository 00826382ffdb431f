package io.velocity.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * Test helpers on the shared {@link LocalChain}: fresh funded wallets (so each test's balances
 * start at zero), prepared conditions, positions, resolutions, anvil control calls and a proxy
 * that fails half of all RPC calls.
 */
public final class ChainFixtures {

    /** The dev account that plays the oracle of every condition prepared here. */
    public static final int ORACLE = 2;
    public static final BigInteger UP = BigInteger.ONE;
    public static final BigInteger DOWN = BigInteger.TWO;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger IDS = new AtomicInteger();
    /** Question id of every condition prepared here, for resolving it. */
    private static final Map<Hash32, Hash32> QUESTIONS = new ConcurrentHashMap<>();

    public final LocalChain chain;

    public ChainFixtures(LocalChain chain) {
        this.chain = chain;
    }

    /** A new key with 100 ETH for gas and no collateral or positions. */
    public Credentials freshWallet() {
        try {
            Credentials credentials = Credentials.create(Keys.createEcKeyPair());
            rpc("anvil_setBalance", credentials.getAddress(), "0x56bc75e2d63100000");
            return credentials;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A submitter for a wallet (anvil mines each transaction at once). */
    public TransactionSubmitter submitter(Credentials credentials) {
        return new TransactionSubmitter(chain.rpc, credentials, Duration.ofSeconds(10), Duration.ofMillis(20));
    }

    /** Prepares a new binary condition with a random question id; the oracle is {@link #ORACLE}. */
    public Hash32 prepareCondition() {
        byte[] question = new byte[32];
        RANDOM.nextBytes(question);
        Hash32 questionId = Hash32.of(question);
        Address oracle = chain.address(ORACLE);
        chain.ctf().prepareCondition(chain.submitter(ORACLE), oracle, questionId, 2);
        Hash32 conditionId = CtfPositionIds.conditionId(oracle, questionId, 2);
        QUESTIONS.put(conditionId, questionId);
        return conditionId;
    }

    /** Mints {@code amount} collateral to the wallet and splits it into Up and Down positions. */
    public void fundAndSplit(Credentials wallet, Hash32 conditionId, BigInteger amount) {
        Address holder = new Address(wallet.getAddress());
        LocalDeployment.mintCollateral(chain.submitter(LocalChain.DEPLOYER), chain.contracts.collateral(), holder,
                amount);
        TransactionSubmitter submitter = submitter(wallet);
        chain.collateral().approve(submitter, chain.contracts.ctf(), amount);
        chain.ctf().splitPosition(submitter, chain.contracts.collateral(), Hash32.ZERO, conditionId,
                List.of(UP, DOWN), amount);
    }

    /** Mints collateral to an address. */
    public void mint(Address to, BigInteger amount) {
        LocalDeployment.mintCollateral(chain.submitter(LocalChain.DEPLOYER), chain.contracts.collateral(), to, amount);
    }

    /** Moves one outcome's tokens away, so the wallet holds the other outcome only. */
    public void giveAway(Credentials wallet, Hash32 conditionId, BigInteger indexSet, BigInteger amount) {
        chain.ctf().transfer(submitter(wallet), chain.address(LocalChain.DEPLOYER), positionId(conditionId, indexSet),
                amount);
    }

    /** The oracle reports payouts (e.g. [1, 0] for Up). */
    public void resolve(Hash32 conditionId, long up, long down) {
        chain.ctf().reportPayouts(chain.submitter(ORACLE), QUESTIONS.get(conditionId),
                List.of(BigInteger.valueOf(up), BigInteger.valueOf(down)));
    }

    /** Token id of an outcome of a condition on the local collateral. */
    public BigInteger positionId(Hash32 conditionId, BigInteger indexSet) {
        return CtfPositionIds.outcomePositionId(chain.contracts.collateral(), conditionId, indexSet);
    }

    /** The market's outcome tokens on the local collateral. */
    public OutcomePositions positions(Hash32 conditionId) {
        return OutcomePositions.derived(chain.contracts.collateral(), conditionId);
    }

    /** Collateral balance of an address. */
    public BigInteger cash(Address owner) {
        return chain.collateral().balanceOf(owner);
    }

    /** Mines {@code blocks} empty blocks. */
    public void mine(int blocks) {
        rpc("anvil_mine", "0x" + Integer.toHexString(blocks));
    }

    /** Turns anvil's mine-on-every-transaction on or off. */
    public void automine(boolean on) {
        rpc("evm_setAutomine", on);
    }

    /** @return a snapshot id for {@link #revert} */
    public String snapshot() {
        return rpc("evm_snapshot").asText();
    }

    /** Reverts the chain to a snapshot: a reorg as far as clients can tell. */
    public void revert(String snapshotId) {
        rpc("evm_revert", snapshotId);
    }

    /** @return the node's WebSocket URL (anvil serves ws on its HTTP port) */
    public URI webSocketUri() {
        return URI.create(chain.anvil.rpcUrl().replaceFirst("^http", "ws"));
    }

    /** Sends a raw JSON-RPC request to anvil and returns its result. */
    public JsonNode rpc(String method, Object... params) {
        try {
            String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", IDS.incrementAndGet(),
                    "method", method, "params", List.of(params)));
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(chain.anvil.rpcUrl()))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode reply = JSON.readTree(response.body());
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        }
    }

    /** Client settings with fast retries, suited to loopback endpoints. */
    public static RpcClientConfig fastRetries(String... urls) {
        return RpcClientConfig.defaults(137, List.of(urls))
                .withCallTimeout(Duration.ofSeconds(5))
                .withRetries(6, Duration.ofMillis(5), Duration.ofMillis(40));
    }

    /**
     * A proxy in front of anvil that fails every second request: alternately refusing it before
     * forwarding, and forwarding it but answering HTTP 503 (the node acted; the reply is lost).
     */
    public static LoopbackJsonRpcServer halfFailingProxy(String upstream) throws IOException {
        return new LoopbackJsonRpcServer((n, body) -> {
            if (n % 4 == 2) {
                return new LoopbackJsonRpcServer.Reply(503, "unavailable");
            }
            HttpRequest forward = HttpRequest.newBuilder(URI.create(upstream))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = HTTP.send(forward, HttpResponse.BodyHandlers.ofString());
                if (n % 4 == 0) {
                    return new LoopbackJsonRpcServer.Reply(503, "reply lost");
                }
                return new LoopbackJsonRpcServer.Reply(response.statusCode(), response.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        });
    }
}
