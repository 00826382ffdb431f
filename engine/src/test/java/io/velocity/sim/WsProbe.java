package io.velocity.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/** A plain WebSocket client (the JDK's) that records every text frame, pings and the close. */
public final class WsProbe implements AutoCloseable {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final WebSocket socket;

    private WsProbe(String url) {
        StringBuilder partial = new StringBuilder();
        this.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(URI.create(url), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
                pings.incrementAndGet();
                ws.request(1);
                return WebSocket.Listener.super.onPing(ws, message);
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(1006);
            }
        }).join();
    }

    public static WsProbe open(String url) {
        return new WsProbe(url);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** The next frame, or null after {@code timeoutMillis}. */
    public String next(long timeoutMillis) {
        try {
            return frames.poll(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The first frame (skipping others) that matches, or null after {@code timeoutMillis}. */
    public String next(Predicate<String> wanted, long timeoutMillis) {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return null;
            }
            String f = next(left);
            if (f == null) {
                return null;
            }
            if (wanted.test(f)) {
                return f;
            }
        }
    }

    /** Drops frames received so far. */
    public void drain() {
        frames.clear();
    }

    public int pings() {
        return pings.get();
    }

    /** Close code once closed (1006 for a dropped connection), or null if still open after the wait. */
    public Integer closeCode(long timeoutMillis) {
        try {
            return closed.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
