package io.velocity.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthChainId;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * JSON-RPC client over web3j with per-call timeouts, bounded retries with exponential backoff
 * and jitter, failover across several endpoints, and a chain-id check before an endpoint is used.
 *
 * <p>Failures are classified once, here:
 * <ul>
 *   <li>transport (connection refused, timeout, HTTP error status, unparseable reply) and
 *       retryable node errors (rate limits, internal errors): the endpoint is marked unhealthy,
 *       the client moves to the next endpoint and retries after a backoff;</li>
 *   <li>EVM reverts: thrown at once as {@link ExecutionRevertedException} with the decoded
 *       reason, never retried (the same state gives the same revert);</li>
 *   <li>other JSON-RPC errors (bad params, nonce too low, insufficient funds): thrown at once as
 *       {@link RpcErrorException}.</li>
 * </ul>
 *
 * <p>Thread-safe: calls may come from any thread and block that thread for at most
 * {@code maxAttempts × callTimeout} plus backoff. Every round trip's latency is recorded per
 * endpoint ({@link #endpointStats()}) and reported to the {@link RpcCallObserver}.
 */
public final class RpcClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RpcClient.class);

    private final RpcClientConfig config;
    private final List<EndpointChannel> channels;
    private final AtomicInteger preferred = new AtomicInteger();
    private final OkHttpClient http;
    private final ScheduledExecutorService web3jScheduler;
    private final RpcCallObserver observer;

    private RpcClient(RpcClientConfig config, RpcCallObserver observer) {
        this.config = config;
        this.observer = observer;
        this.http = new OkHttpClient.Builder()
                .callTimeout(config.callTimeout())
                .connectTimeout(config.callTimeout())
                .readTimeout(config.callTimeout())
                .writeTimeout(config.callTimeout())
                // Retrying is this class's job: OkHttp's silent retries would hide failures from the health view.
                .retryOnConnectionFailure(false)
                .build();
        // web3j wants a scheduler for its polling helpers; this client never polls through it, so one daemon thread.
        this.web3jScheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rpc-web3j-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        List<EndpointChannel> built = new ArrayList<>();
        for (RpcEndpoint endpoint : config.endpoints()) {
            HttpService service = new HttpService(endpoint.uri().toString(), http);
            built.add(new EndpointChannel(endpoint, service, Web3j.build(service, 1_000L, web3jScheduler)));
        }
        this.channels = List.copyOf(built);
    }

    /**
     * Creates a client and verifies the chain id of every endpoint that answers.
     *
     * @param config validated settings
     * @return a connected client
     * @throws ChainIdMismatchException if no endpoint serves the expected chain and at least one
     *                                  serves another
     * @throws RpcTransportException    if no endpoint answered at all
     */
    public static RpcClient connect(RpcClientConfig config) {
        return connect(config, RpcCallObserver.NONE);
    }

    /**
     * Like {@link #connect(RpcClientConfig)}, reporting every round trip to {@code observer}.
     *
     * @param config   validated settings
     * @param observer receives per-call latency and outcome
     * @return a connected client
     */
    public static RpcClient connect(RpcClientConfig config, RpcCallObserver observer) {
        RpcClient client = new RpcClient(config, observer);
        try {
            client.verifyAtConnect();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /** @return the chain id every endpoint in use has been verified to serve */
    public long chainId() {
        return config.expectedChainId();
    }

    /**
     * Sends one JSON-RPC request with retries and failover.
     *
     * @param method         the JSON-RPC method name, for logs and errors
     * @param requestFactory builds the request on the chosen endpoint's web3j instance; called once per attempt
     * @param <R>            the web3j response type
     * @return the successful response (never one carrying an error)
     * @throws ExecutionRevertedException if the EVM reverted
     * @throws RpcErrorException          for a non-retryable node error
     * @throws RpcTransportException      when every attempt failed
     */
    public <R extends Response<?>> R send(String method, Function<Web3j, Request<?, R>> requestFactory) {
        return sendVia(method, channel -> requestFactory.apply(channel.web3j));
    }

    /**
     * Sends a JSON-RPC method web3j has no typed call for, with the same retries and failover as
     * {@link #send}.
     *
     * @param method JSON-RPC method name
     * @param params its positional parameters (serialised with Jackson)
     * @return the successful response; its result as a JSON tree
     */
    public JsonResponse sendJson(String method, List<?> params) {
        return sendVia(method, channel -> new Request<>(method, params, channel.service, JsonResponse.class));
    }

    /** A JSON-RPC response whose result is kept as a JSON tree. */
    public static final class JsonResponse extends Response<JsonNode> {
    }

    private <R extends Response<?>> R sendVia(String method, Function<EndpointChannel, Request<?, R>> requestFactory) {
        Throwable lastFailure = null;
        int attempts = config.maxAttempts();
        for (int attempt = 1; attempt <= attempts; attempt++) {
            EndpointChannel channel = chooseChannel();
            if (channel.isUnverified() && !verify(channel)) {
                lastFailure = new IOException("chain id of " + channel.endpoint.displayName() + " not verified");
                rotateAwayFrom(channel);
            } else {
                long start = System.nanoTime();
                try {
                    R response = requestFactory.apply(channel).send();
                    long elapsed = System.nanoTime() - start;
                    if (!response.hasError()) {
                        channel.recordSuccess(elapsed);
                        notifyObserver(channel, method, elapsed, RpcCallOutcome.SUCCESS);
                        return response;
                    }
                    Response.Error error = response.getError();
                    switch (classify(error)) {
                        case REVERT -> {
                            channel.recordSuccess(elapsed);
                            notifyObserver(channel, method, elapsed, RpcCallOutcome.REVERTED);
                            throw new ExecutionRevertedException(method,
                                    RevertReason.decode(error.getData(), error.getMessage()));
                        }
                        case FATAL -> {
                            channel.recordSuccess(elapsed);
                            notifyObserver(channel, method, elapsed, RpcCallOutcome.RPC_ERROR);
                            throw new RpcErrorException(method, error.getCode(), error.getMessage());
                        }
                        case RETRYABLE -> {
                            String description = "JSON-RPC error " + error.getCode() + ": " + error.getMessage();
                            channel.recordFailure(elapsed, description, config);
                            notifyObserver(channel, method, elapsed, RpcCallOutcome.RPC_ERROR);
                            lastFailure = new RpcErrorException(method, error.getCode(), error.getMessage());
                            logRetry(method, channel, attempt, description);
                            rotateAwayFrom(channel);
                        }
                    }
                } catch (IOException | UncheckedIOException | ClientConnectionException e) {
                    long elapsed = System.nanoTime() - start;
                    String description = describe(e);
                    channel.recordFailure(elapsed, description, config);
                    notifyObserver(channel, method, elapsed, RpcCallOutcome.TRANSPORT_ERROR);
                    lastFailure = e;
                    logRetry(method, channel, attempt, description);
                    rotateAwayFrom(channel);
                }
            }
            if (attempt < attempts) {
                sleepBackoff(attempt);
            }
        }
        throw new RpcTransportException(method + " failed on all " + attempts + " attempts across "
                + describeEndpoints() + ": " + (lastFailure == null ? "no endpoint usable" : describe(lastFailure)),
                lastFailure);
    }

    // ------------------------------------------------------------------ typed calls

    /** @return the latest block number */
    public BigInteger blockNumber() {
        return send("eth_blockNumber", w -> w.ethBlockNumber()).getBlockNumber();
    }

    /** @return the latest block header (transactions as hashes only) */
    public EthBlock.Block latestBlock() {
        return send("eth_getBlockByNumber", w -> w.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
                .getBlock();
    }

    /**
     * Executes a read-only call.
     *
     * @param from  sender the call runs as (matters for access-controlled views), may be null
     * @param to    contract address
     * @param data  ABI-encoded call data
     * @param block block to run against
     * @return the ABI-encoded return data
     * @throws ExecutionRevertedException if the call reverts
     */
    public String call(String from, String to, String data, DefaultBlockParameter block) {
        EthCall result = send("eth_call", w -> w.ethCall(Transaction.createEthCallTransaction(from, to, data), block));
        if (result.isReverted()) {
            // Some nodes return revert data as the result instead of an error.
            throw new ExecutionRevertedException("eth_call", RevertReason.decode(result.getValue(), null));
        }
        return result.getValue();
    }

    /**
     * Dry-runs a call against the latest block and reports a revert as a value.
     *
     * @param from sender the call runs as (an operator-only function reverts for anyone else)
     * @param to   contract address
     * @param data ABI-encoded call data
     * @return the return data or the revert reason
     */
    public Simulation simulate(String from, String to, String data) {
        try {
            return Simulation.success(call(from, to, data, DefaultBlockParameterName.LATEST));
        } catch (ExecutionRevertedException e) {
            return Simulation.reverted(e.reason());
        }
    }

    /**
     * Estimates gas for a transaction against the latest block.
     *
     * @param from  sender
     * @param to    contract address, null for a contract creation
     * @param data  ABI-encoded call data or creation code
     * @param value wei sent along, may be null
     * @return the node's estimate
     * @throws ExecutionRevertedException if the transaction would revert
     */
    public BigInteger estimateGas(String from, String to, String data, BigInteger value) {
        Transaction tx = new Transaction(from, null, null, null, to, value, data);
        return send("eth_estimateGas", w -> w.ethEstimateGas(tx)).getAmountUsed();
    }

    /**
     * Simulates a transaction with {@code eth_simulateV1} and reports the gas it would use, refunds
     * included: what the receipt will say, unlike {@code eth_estimateGas}, which answers the gas
     * limit needed and so exceeds the gas used whenever storage is cleared (EIP-3529 refunds).
     *
     * @param from sender
     * @param to   contract
     * @param data call data
     * @return the gas used by the simulated call, empty when the node does not offer
     *         {@code eth_simulateV1} or the simulated call failed
     */
    public Optional<BigInteger> simulatedGasUsed(String from, String to, String data) {
        Map<String, Object> call = new LinkedHashMap<>();
        call.put("from", from);
        call.put("to", to);
        call.put("data", data);
        Map<String, Object> payload = Map.of("blockStateCalls", List.of(Map.of("calls", List.of(call))));
        try {
            JsonNode calls = sendJson("eth_simulateV1", List.of(payload, "latest")).getResult().path(0).path("calls");
            JsonNode first = calls.path(0);
            if (!first.has("gasUsed") || !"0x1".equals(first.path("status").asText())) {
                return Optional.empty();
            }
            return Optional.of(Numeric.decodeQuantity(first.get("gasUsed").asText()));
        } catch (RpcErrorException e) {
            // Method not found / not supported: many public endpoints lack it.
            LOG.debug("eth_simulateV1 unavailable: {}", e.getMessage());
            return Optional.empty();
        } catch (ExecutionRevertedException e) {
            return Optional.empty();
        }
    }

    /** @return the next nonce for {@code address}, counting its pending transactions */
    public BigInteger pendingNonce(String address) {
        return send("eth_getTransactionCount",
                w -> w.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)).getTransactionCount();
    }

    /** @return how many transactions from {@code address} are mined: the lowest nonce not yet used on chain */
    public BigInteger minedNonce(String address) {
        return send("eth_getTransactionCount",
                w -> w.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)).getTransactionCount();
    }

    /** @return the transaction when the node knows it (pending or mined) */
    public Optional<org.web3j.protocol.core.methods.response.Transaction> transactionByHash(String transactionHash) {
        return send("eth_getTransactionByHash", w -> w.ethGetTransactionByHash(transactionHash)).getTransaction();
    }

    /** @return the base fee per gas of the latest block, 0 on chains without EIP-1559 */
    public BigInteger latestBaseFee() {
        return Optional.ofNullable(latestBlock().getBaseFeePerGas()).orElse(BigInteger.ZERO);
    }

    /** @return the node's suggested priority fee per gas, in wei */
    public BigInteger maxPriorityFeePerGas() {
        return send("eth_maxPriorityFeePerGas", w -> w.ethMaxPriorityFeePerGas()).getMaxPriorityFeePerGas();
    }

    /**
     * Broadcasts a signed transaction. Retrying this is safe: the same signed bytes can only be
     * included once.
     *
     * @param signedTransactionHex the signed, RLP-encoded transaction as {@code 0x}-hex
     * @return the transaction hash reported by the node
     */
    public String sendRawTransaction(String signedTransactionHex) {
        return send("eth_sendRawTransaction", w -> w.ethSendRawTransaction(signedTransactionHex))
                .getTransactionHash();
    }

    /** @return the receipt when the transaction has been mined */
    public Optional<TransactionReceipt> transactionReceipt(String transactionHash) {
        return send("eth_getTransactionReceipt", w -> w.ethGetTransactionReceipt(transactionHash))
                .getTransactionReceipt();
    }

    /**
     * @param filter address, topics and block range
     * @return the matching logs in chain order
     */
    public List<Log> logs(EthFilter filter) {
        List<Log> logs = new ArrayList<>();
        for (EthLog.LogResult<?> result : send("eth_getLogs", w -> w.ethGetLogs(filter)).getLogs()) {
            if (result.get() instanceof Log log) {
                logs.add(log);
            }
        }
        return logs;
    }

    // ------------------------------------------------------------------ health

    /** @return one snapshot per configured endpoint, in configuration order */
    public List<EndpointStats> endpointStats() {
        long now = System.nanoTime();
        return channels.stream().map(channel -> channel.stats(now)).toList();
    }

    /** Releases the HTTP connection pool and web3j's scheduler. */
    @Override
    public void close() {
        for (EndpointChannel channel : channels) {
            channel.web3j.shutdown();
        }
        web3jScheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ------------------------------------------------------------------ internals

    private void verifyAtConnect() {
        for (EndpointChannel channel : channels) {
            verify(channel);
        }
        if (channels.stream().anyMatch(EndpointChannel::isVerified)) {
            return;
        }
        String summary = describeEndpoints();
        if (channels.stream().anyMatch(EndpointChannel::isRejected)) {
            throw new ChainIdMismatchException("no RPC endpoint serves the configured chain id "
                    + config.expectedChainId() + ": " + summary);
        }
        throw new RpcTransportException("no RPC endpoint answered eth_chainId: " + summary, null);
    }

    /** @return true when the endpoint is verified to serve the expected chain */
    private boolean verify(EndpointChannel channel) {
        long start = System.nanoTime();
        try {
            EthChainId reply = channel.web3j.ethChainId().send();
            long elapsed = System.nanoTime() - start;
            if (reply.hasError() || reply.getChainId() == null) {
                String description = reply.hasError()
                        ? "eth_chainId error " + reply.getError().getCode() + ": " + reply.getError().getMessage()
                        : "eth_chainId returned no result";
                channel.recordFailure(elapsed, description, config);
                notifyObserver(channel, "eth_chainId", elapsed, RpcCallOutcome.RPC_ERROR);
                return false;
            }
            channel.recordSuccess(elapsed);
            notifyObserver(channel, "eth_chainId", elapsed, RpcCallOutcome.SUCCESS);
            long reported = reply.getChainId().longValueExact();
            if (reported != config.expectedChainId()) {
                channel.reject("serves chain id " + reported + ", expected " + config.expectedChainId());
                LOG.error("Refusing RPC endpoint {}: it serves chain id {} but the configured chain id is {}",
                        channel.endpoint.displayName(), reported, config.expectedChainId());
                return false;
            }
            channel.markVerified();
            return true;
        } catch (IOException | UncheckedIOException | ClientConnectionException | ArithmeticException e) {
            long elapsed = System.nanoTime() - start;
            channel.recordFailure(elapsed, describe(e), config);
            notifyObserver(channel, "eth_chainId", elapsed, RpcCallOutcome.TRANSPORT_ERROR);
            LOG.warn("RPC endpoint {} did not answer eth_chainId: {}", channel.endpoint.displayName(), describe(e));
            return false;
        }
    }

    /**
     * Picks the preferred endpoint if usable, else the next usable one round robin; when all are
     * cooling down, the one that recovers first, so a call is still attempted rather than refused.
     */
    private EndpointChannel chooseChannel() {
        long now = System.nanoTime();
        int count = channels.size();
        int start = Math.floorMod(preferred.get(), count);
        EndpointChannel soonest = null;
        for (int i = 0; i < count; i++) {
            int index = (start + i) % count;
            EndpointChannel channel = channels.get(index);
            if (channel.isRejected()) {
                continue;
            }
            if (channel.isAvailable(now)) {
                if (i != 0) {
                    preferred.set(index);
                }
                return channel;
            }
            if (soonest == null || channel.availableAt() - soonest.availableAt() < 0) {
                soonest = channel;
            }
        }
        if (soonest == null) {
            // Unreachable after connect(): at least one endpoint was verified and verified ones are never rejected.
            throw new ChainIdMismatchException("every RPC endpoint was refused: " + describeEndpoints());
        }
        return soonest;
    }

    private void rotateAwayFrom(EndpointChannel failed) {
        int index = channels.indexOf(failed);
        preferred.compareAndSet(index, (index + 1) % channels.size());
    }

    private void sleepBackoff(int attempt) {
        long base = config.initialBackoff().toNanos();
        long cap = config.maxBackoff().toNanos();
        long exponential = attempt >= 62 ? cap : Math.min(cap, base << Math.min(attempt - 1, 40));
        // "Equal jitter": half fixed, half random, so concurrent callers spread out but never retry instantly.
        long delay = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        try {
            TimeUnit.NANOSECONDS.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTransportException("interrupted while backing off between RPC attempts", e);
        }
    }

    private enum ErrorClass { REVERT, RETRYABLE, FATAL }

    private static ErrorClass classify(Response.Error error) {
        String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
        // Code 3 is the standard "execution reverted" code; older nodes use -32000 with the text only.
        if (error.getCode() == 3 || message.contains("execution reverted") || message.startsWith("revert")) {
            return ErrorClass.REVERT;
        }
        if (error.getCode() == -32005 || error.getCode() == -32603 || error.getCode() == 429
                || message.contains("rate limit") || message.contains("too many requests")
                || message.contains("header not found") || message.contains("timeout")
                || message.contains("timed out") || message.contains("temporarily unavailable")
                || message.contains("service unavailable")) {
            return ErrorClass.RETRYABLE;
        }
        return ErrorClass.FATAL;
    }

    private void logRetry(String method, EndpointChannel channel, int attempt, String description) {
        LOG.warn("{} via {} failed (attempt {}/{}): {}", method, channel.endpoint.displayName(), attempt,
                config.maxAttempts(), description);
    }

    private void notifyObserver(EndpointChannel channel, String method, long nanos, RpcCallOutcome outcome) {
        try {
            observer.onCall(channel.endpoint, method, nanos, outcome);
        } catch (RuntimeException e) {
            LOG.warn("RPC call observer failed for {}; ignoring", method, e);
        }
    }

    private String describeEndpoints() {
        StringBuilder text = new StringBuilder();
        long now = System.nanoTime();
        for (EndpointChannel channel : channels) {
            EndpointStats stats = channel.stats(now);
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(stats.endpoint()).append(' ').append(stats.state());
            if (!stats.lastError().isEmpty()) {
                text.append(" (").append(stats.lastError()).append(')');
            }
        }
        return text.toString();
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
