package io.velocity.marketdata.net;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;

import java.net.URI;
import java.util.Map;

/**
 * One WebSocket connection of a feed. Events carry the socket so a feed can tell its current
 * connection from an old one that is still closing (rotation, reconnect). Pings from the server
 * are answered by Java-WebSocket itself; {@code connectionLostSeconds} closes a connection whose
 * pongs stop (0 disables). Callbacks run on the connection's read thread.
 */
public final class FeedSocket extends WebSocketClient {

    /** What a feed hears from its sockets. */
    public interface Listener {
        void onOpen(FeedSocket socket);

        void onText(FeedSocket socket, String text);

        /** Closed or failed to connect; {@code reason} is for the trader. */
        void onClosed(FeedSocket socket, String reason);
    }

    private final Listener listener;
    private final String name;
    private volatile long openedAtMillis;
    private volatile boolean closedReported;

    public FeedSocket(String name, URI uri, Map<String, String> headers, int connectionLostSeconds, Listener listener) {
        super(uri, headers);
        this.name = name;
        this.listener = listener;
        setConnectionLostTimeout(connectionLostSeconds);
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        openedAtMillis = System.currentTimeMillis();
        listener.onOpen(this);
    }

    @Override
    public void onMessage(String message) {
        listener.onText(this, message);
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        reportClosed((remote ? "closed by the venue" : "closed") + " (" + code + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
    }

    @Override
    public void onError(Exception ex) {
        org.slf4j.LoggerFactory.getLogger(FeedSocket.class).debug("{}: websocket error", name, ex);
        if (!isOpen()) {
            reportClosed("connection failed: " + ex.getClass().getSimpleName() + (ex.getMessage() != null ? " " + ex.getMessage() : ""));
        }
    }

    private void reportClosed(String reason) {
        synchronized (this) {
            if (closedReported) {
                return;
            }
            closedReported = true;
        }
        listener.onClosed(this, reason);
    }

    /** When the handshake completed (epoch ms, 0 before). */
    public long openedAtMillis() {
        return openedAtMillis;
    }

    @Override
    public String toString() {
        return name + "@" + Integer.toHexString(System.identityHashCode(this));
    }
}
