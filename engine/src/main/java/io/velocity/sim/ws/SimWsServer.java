package io.velocity.sim.ws;

import io.velocity.sim.fault.FaultInjector;
import org.java_websocket.WebSocket;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A WebSocket server on 127.0.0.1 (Java-WebSocket) routing each connection by path to a
 * {@link WsEndpoint}. Server pings at a fixed interval keep or drop idle clients.
 */
public final class SimWsServer extends WebSocketServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimWsServer.class);

    private record Mount(WsEndpoint endpoint, FaultInjector.Feed feed) {
    }

    private final String name;
    private final FaultInjector faults;
    private final Map<String, Mount> mounts = new LinkedHashMap<>();
    private final CountDownLatch started = new CountDownLatch(1);
    private final ScheduledExecutorService delayer;

    /**
     * @param port         0 picks a free port
     * @param pingSeconds  server ping interval (a client silent for 1.5 intervals is closed)
     */
    public SimWsServer(String name, int port, int pingSeconds, FaultInjector faults) {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        this.name = name;
        this.faults = faults;
        this.delayer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-" + name + "-ws-delay");
            t.setDaemon(true);
            return t;
        });
        setReuseAddr(true);
        setTcpNoDelay(true);
        setDaemon(true);
        setConnectionLostTimeout(pingSeconds);
    }

    /** Serves {@code path} and paths below it with {@code endpoint}; faults of {@code feed} apply. */
    public SimWsServer mount(String path, FaultInjector.Feed feed, WsEndpoint endpoint) {
        mounts.put(path, new Mount(endpoint, feed));
        return this;
    }

    /** Starts and waits until the port is bound. */
    public void startAndWait() {
        start();
        try {
            if (!started.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " WebSocket server did not start within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + name, e);
        }
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public String url() {
        return "ws://127.0.0.1:" + getPort();
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        String resource = handshake.getResourceDescriptor();
        int q = resource.indexOf('?');
        String path = q < 0 ? resource : resource.substring(0, q);
        String query = q < 0 ? "" : resource.substring(q + 1);
        String mountPath = mountFor(path);
        if (mountPath == null) {
            conn.close(CloseFrame.POLICY_VALIDATION, "unknown path " + path);
            return;
        }
        Mount m = mounts.get(mountPath);
        WsSession s = new WsSession(conn, m.feed(), faults, delayer, mountPath, path);
        conn.setAttachment(s);
        m.endpoint().onOpen(s, query);
    }

    /** The mount serving {@code path}: an exact mount, else the longest mount that is a path prefix. */
    private String mountFor(String path) {
        if (mounts.containsKey(path)) {
            return path;
        }
        String best = null;
        for (String m : mounts.keySet()) {
            if (path.startsWith(m + "/") && (best == null || m.length() > best.length())) {
                best = m;
            }
        }
        return best;
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        WsSession s = conn.getAttachment();
        Mount m = s == null ? null : mounts.get(s.mount());
        if (m != null) {
            m.endpoint().onText(s, message);
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        WsSession s = conn.getAttachment();
        Mount m = s == null ? null : mounts.get(s.mount());
        if (m != null) {
            m.endpoint().onClose(s);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        LOG.debug("{}: websocket error: {}", name, ex.toString());
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        try {
            stop(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        delayer.shutdownNow();
    }
}
