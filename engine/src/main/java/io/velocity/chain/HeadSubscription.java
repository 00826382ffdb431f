package io.velocity.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.datatypes.Address;
import org.web3j.utils.Numeric;

/**
 * A WebSocket {@code eth_subscribe} to new block headers and to the Conditional Tokens
 * contract's {@code ConditionResolution} logs. It only tells its {@link Listener} that something
 * happened; the {@link ResolutionListener} then reads confirmed blocks with {@code eth_getLogs},
 * so a log that a reorg later removes is never acted on.
 *
 * <p>Runs on its own daemon thread, reconnecting with backoff (1 s doubling to 30 s) whenever the
 * socket closes. The URL may carry a provider key: logs show only scheme, host and port.
 */
final class HeadSubscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HeadSubscription.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    /** What the subscription reports; called on the socket's threads, so implementations must be quick. */
    interface Listener {
        /** A new block header arrived. */
        void onNewHead(BigInteger blockNumber);

        /** A {@code ConditionResolution} log arrived at the head ({@code removed} when a reorg took it back). */
        void onResolutionLog(Hash32 conditionId, BigInteger blockNumber, boolean removed);

        /** The socket connected (true) or was lost (false). */
        void onConnection(boolean connected);
    }

    private final URI uri;
    private final Address ctf;
    private final Listener listener;
    private final HttpClient http;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile WebSocket socket;

    HeadSubscription(URI uri, Address ctf, Listener listener) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.ctf = Objects.requireNonNull(ctf, "ctf");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        this.thread = new Thread(this::run, "chain-ws-subscription");
        this.thread.setDaemon(true);
    }

    HeadSubscription start() {
        thread.start();
        return this;
    }

    boolean connected() {
        return connected;
    }

    String displayName() {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + ((uri.getRawPath() != null && uri.getRawPath().length() > 1) || uri.getRawQuery() != null ? "/…" : "");
    }

    private void run() {
        Duration backoff = FIRST_BACKOFF;
        while (!closed) {
            CompletableFuture<Void> lost = new CompletableFuture<>();
            try {
                WebSocket ws = http.newWebSocketBuilder().connectTimeout(CONNECT_TIMEOUT)
                        .buildAsync(uri, new Frames(lost)).get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                socket = ws;
                subscribe(ws);
                connected = true;
                backoff = FIRST_BACKOFF;
                LOG.info("Subscribed to new heads and resolutions over {}", displayName());
                listener.onConnection(true);
                lost.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                if (!closed) {
                    LOG.warn("WebSocket {} failed: {}; polling until it is back", displayName(), describe(e));
                }
            } finally {
                if (connected) {
                    connected = false;
                    listener.onConnection(false);
                }
            }
            if (closed) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(backoff.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void subscribe(WebSocket ws) {
        String heads = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}";
        String logs = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_subscribe\",\"params\":[\"logs\",{\"address\":\""
                + ctf.getValue() + "\",\"topics\":[\"" + CtfEvents.CONDITION_RESOLUTION_TOPIC + "\"]}]}";
        ws.sendText(heads, true).join();
        ws.sendText(logs, true).join();
    }

    private void onMessage(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("error")) {
                LOG.warn("WebSocket {} refused a subscription: {}", displayName(), message.get("error"));
                return;
            }
            if (!"eth_subscription".equals(message.path("method").asText())) {
                return;
            }
            JsonNode result = message.path("params").path("result");
            if (result.has("topics")) {
                JsonNode topics = result.get("topics");
                if (topics.size() >= 2) {
                    listener.onResolutionLog(Hash32.of(topics.get(1).asText()),
                            Numeric.decodeQuantity(result.path("blockNumber").asText("0x0")),
                            result.path("removed").asBoolean(false));
                }
            } else if (result.has("number")) {
                listener.onNewHead(Numeric.decodeQuantity(result.get("number").asText()));
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Unreadable WebSocket message from {}: {}", displayName(), describe(e));
        }
    }

    @Override
    public void close() {
        closed = true;
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        thread.interrupt();
        http.shutdownNow();
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while ((root instanceof java.util.concurrent.ExecutionException
                || root instanceof java.util.concurrent.CompletionException) && root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Assembles fragmented text frames and reports the end of the connection. */
    private final class Frames implements WebSocket.Listener {
        private final CompletableFuture<Void> lost;
        private final StringBuilder partial = new StringBuilder();

        Frames(CompletableFuture<Void> lost) {
            this.lost = lost;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                onMessage(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lost.complete(null);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            if (!closed) {
                LOG.warn("WebSocket {} error: {}", displayName(), describe(error));
            }
            lost.complete(null);
        }
    }
}
