package io.velocity.sim.ws;

import io.velocity.sim.fault.FaultInjector;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One client connection. Data messages go through the feed's faults (frozen feeds send nothing,
 * garbled messages are truncated, delayed feeds send late in order); control replies such as
 * {@code PONG} always go out, which is exactly the venue's "silent socket" failure.
 */
public final class WsSession {
    private final WebSocket conn;
    private final FaultInjector.Feed feed;
    private final FaultInjector faults;
    private final ScheduledExecutorService delayer;
    private final String mount;
    private final String path;
    private final long openedAtNanos = System.nanoTime();
    private volatile Object state;

    WsSession(WebSocket conn, FaultInjector.Feed feed, FaultInjector faults, ScheduledExecutorService delayer, String mount, String path) {
        this.conn = conn;
        this.feed = feed;
        this.faults = faults;
        this.delayer = delayer;
        this.mount = mount;
        this.path = path;
    }

    /** Sends market or account data, subject to the feed's faults. */
    public void sendData(String text) {
        if (faults != null && faults.frozen(feed)) {
            return;
        }
        String out = text;
        if (faults != null && faults.takeMalformed(feed) && text.length() > 1) {
            out = text.substring(0, text.length() / 2);
        }
        long delay = faults == null ? 0 : faults.delayMillis(feed);
        if (delay > 0) {
            String delayed = out;
            delayer.schedule(() -> sendNow(delayed), delay, TimeUnit.MILLISECONDS);
        } else {
            sendNow(out);
        }
    }

    /** Sends a protocol reply (PONG, subscription acknowledgement) that faults never suppress. */
    public void sendControl(String text) {
        sendNow(text);
    }

    private void sendNow(String text) {
        if (conn.isOpen()) {
            try {
                conn.send(text);
            } catch (org.java_websocket.exceptions.WebsocketNotConnectedException e) {
                // Closed between the check and the send: the client is gone, nothing to do.
            }
        }
    }

    /** Closes with a close frame. */
    public void close(int code, String reason) {
        conn.close(code, reason);
    }

    /** Drops the TCP connection without a close handshake (an abnormal disconnect, 1006). */
    public void abort() {
        conn.closeConnection(CloseFrame.ABNORMAL_CLOSE, "dropped by fault injection");
    }

    public boolean isOpen() {
        return conn.isOpen();
    }

    /** The full request path (without the query). */
    public String path() {
        return path;
    }

    /** The mount point that serves this connection. */
    public String mount() {
        return mount;
    }

    /** Monotonic age of the connection. */
    public long ageMillis() {
        return (System.nanoTime() - openedAtNanos) / 1_000_000L;
    }

    @SuppressWarnings("unchecked")
    public <T> T state() {
        return (T) state;
    }

    public void state(Object s) {
        this.state = s;
    }
}
