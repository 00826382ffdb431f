package io.velocity.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A minimal HTTP/1.1 server on loopback for the execution benchmark: it stamps
 * {@link System#nanoTime()} the moment the first byte of each request arrives (the "wire" end of
 * intent-to-wire), then reads the request and answers with a fixed JSON body on the same kept-alive
 * connection. One thread per connection; only what the benchmark sends is understood.
 */
final class WireProbe implements AutoCloseable {
    private static final byte[] ORDER_ANSWER = ("{\"success\":true,\"errorMsg\":\"\",\"status\":\"matched\","
            + "\"makingAmount\":\"6\",\"takingAmount\":\"10\",\"transactionsHashes\":[],\"tradeIDs\":[]}")
            .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TIME_ANSWER = "1780000000".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final LinkedBlockingQueue<long[]> arrivals = new LinkedBlockingQueue<>();
    private final Thread acceptor;
    private volatile boolean running = true;

    WireProbe() throws IOException {
        server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofPlatform().name("wire-probe-accept").daemon().start(this::accept);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The arrival stamp of the next {@code POST /order}, waiting at most {@code millis}; -1 when none came. */
    long nextOrderArrival(long millis) throws InterruptedException {
        long[] a = arrivals.poll(millis, TimeUnit.MILLISECONDS);
        return a == null ? -1 : a[0];
    }

    private void accept() {
        while (running) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                Thread.ofPlatform().name("wire-probe-conn").daemon().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buf = new byte[64 * 1024];
            while (running) {
                int first = in.read();
                if (first < 0) {
                    return;
                }
                long arrived = System.nanoTime();
                buf[0] = (byte) first;
                int len = 1;
                int headerEnd = -1;
                while (headerEnd < 0) {
                    int n = in.read(buf, len, buf.length - len);
                    if (n < 0) {
                        return;
                    }
                    len += n;
                    headerEnd = indexOf(buf, len);
                }
                String head = new String(buf, 0, headerEnd, StandardCharsets.US_ASCII);
                int bodyLength = contentLength(head);
                int have = len - (headerEnd + 4);
                while (have < bodyLength) {
                    int n = in.read(buf, 0, Math.min(buf.length, bodyLength - have));
                    if (n < 0) {
                        return;
                    }
                    have += n;
                }
                boolean order = head.startsWith("POST /order ");
                if (order) {
                    arrivals.add(new long[]{arrived});
                }
                byte[] body = order ? ORDER_ANSWER : TIME_ANSWER;
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            }
        } catch (IOException e) {
            // the client closed the connection
        }
    }

    private static int indexOf(byte[] b, int len) {
        for (int i = 3; i < len; i++) {
            if (b[i - 3] == '\r' && b[i - 2] == '\n' && b[i - 1] == '\r' && b[i] == '\n') {
                return i - 3;
            }
        }
        return -1;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("content-length")) {
                return Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
        acceptor.interrupt();
    }
}
