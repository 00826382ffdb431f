package io.velocity.marketdata.feeds;

import io.velocity.config.VenuesConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.clob.ClobBooks;
import io.velocity.marketdata.clob.ClobMarketHandler;
import io.velocity.marketdata.clob.ClobMarketParser;
import io.velocity.marketdata.clob.ClobMessage;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.health.ReconnectBackoff;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The CLOB market channel: subscribes the outcome tokens discovery hands it, keeps the canonical
 * books in {@link ClobBooks} (which publishes a complete top of book after every applied message)
 * and repairs them from REST {@code /book} snapshots on gaps. {@link ClobBooks} has one writer:
 * every socket frame and every snapshot reply is applied on this feed's own "clob-books" thread.
 *
 * <p>Keepalive: text {@code PING} at least every 10 s. The silent-socket failure (the venue answers PONG
 * but stops sending data) is caught per token: a token silent past the frozen threshold is
 * re-snapshotted, and when every token is silent the socket is replaced.
 */
final class ClobBookFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ClobBookFeed.class);
    private static final long MAX_PING_MILLIS = 10_000;

    private final VenuesConfig.Clob cfg;
    private final VenueGet http;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final ScheduledExecutorService scheduler;
    private final Duration frozenAfter;
    private final Duration staleAfter;
    private final ExecutorService bookThread = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("clob-books").daemon().unstarted(r));
    private final ClobMarketParser parser = new ClobMarketParser();
    private final ClobMarketParser snapshotParser = new ClobMarketParser();
    private final ClobBooks books;
    private final ClobMarketHandler snapshotHandler;
    private final ReconnectBackoff backoff;
    private volatile Socket socket;
    private volatile boolean closed;

    ClobBookFeed(VenuesConfig.Clob cfg, VenueGet http, MarketDataSink sink, BookMirror mirror, FeedHealth health,
                 MalformedMessages malformed, ScheduledExecutorService scheduler, Duration staleAfter, Duration frozenAfter,
                 Clock clock, int depth) {
        this.staleAfter = staleAfter;
        this.cfg = cfg;
        this.http = http;
        this.health = health;
        this.malformed = malformed;
        this.scheduler = scheduler;
        this.frozenAfter = frozenAfter;
        this.books = new ClobBooks(sink, this::requestSnapshot, mirror, clock, depth, false);
        this.snapshotHandler = new SnapshotReplies(books);
        this.backoff = new ReconnectBackoff(Duration.ofMillis(200), Duration.ofSeconds(30), ThreadLocalRandom.current());
    }

    void start() {
        connect();
        // The venue wants a PING at least every 10 s; more often keeps a quiet (no tokens yet) feed live by its PONGs.
        long ping = Math.max(500, Math.min(MAX_PING_MILLIS, staleAfter.toMillis() / 2));
        scheduler.scheduleAtFixedRate(this::keepAlive, ping, ping, TimeUnit.MILLISECONDS);
        scheduler.scheduleAtFixedRate(() -> bookThread.execute(this::checkSilence), 1, 1, TimeUnit.SECONDS);
    }

    /** Starts following a market's two outcome tokens. */
    void track(MarketInfo m) {
        bookThread.execute(() -> {
            books.track(m.upTokenId(), m.conditionId());
            books.track(m.downTokenId(), m.conditionId());
            Socket s = socket;
            if (s != null && s.isOpen()) {
                s.send(subscription(List.of(m.upTokenId(), m.downTokenId()), "subscribe"));
            }
        });
    }

    /** Stops following a market. */
    void untrack(MarketInfo m) {
        bookThread.execute(() -> {
            books.untrack(m.upTokenId());
            books.untrack(m.downTokenId());
            Socket s = socket;
            if (s != null && s.isOpen()) {
                s.send(subscription(List.of(m.upTokenId(), m.downTokenId()), "unsubscribe"));
            }
        });
    }

    private static String subscription(Collection<String> tokens, String operation) {
        StringBuilder sb = new StringBuilder("{\"assets_ids\":[");
        int i = 0;
        for (String t : tokens) {
            sb.append(i++ == 0 ? "" : ",").append('"').append(t).append('"');
        }
        return sb.append("],\"type\":\"market\",\"custom_feature_enabled\":true,\"operation\":\"")
                .append(operation).append("\"}").toString();
    }

    private void connect() {
        if (closed) {
            return;
        }
        Socket s = new Socket(URI.create(cfg.wsMarketUrl()));
        socket = s;
        s.connect();
    }

    private void requestSnapshot(String tokenId, String reason) {
        http.get(cfg.restUrl() + "/book?token_id=" + tokenId).thenAccept(body -> bookThread.execute(() -> {
            try {
                snapshotParser.parseBookReply(body, snapshotHandler);
            } catch (MalformedMessageException e) {
                malformed.record("clob-book", e.getMessage());
            }
        })).exceptionally(t -> {
            log.warn("book snapshot for {} ({}) failed: {}; retrying", tokenId, reason, VenueGet.describe(t));
            scheduler.schedule(() -> requestSnapshot(tokenId, reason), 1, TimeUnit.SECONDS);
            return null;
        });
    }

    private void keepAlive() {
        Socket s = socket;
        if (s != null && s.isOpen()) {
            s.send("PING");
        }
    }

    /** Per-token silence: re-snapshot the silent ones; all silent means a dead socket. */
    private void checkSilence() {
        if (closed || books.tokens().isEmpty()) {
            return;
        }
        List<String> silent = books.silentTokens(frozenAfter.toNanos());
        if (silent.isEmpty()) {
            return;
        }
        if (silent.size() == books.tokens().size()) {
            log.warn("CLOB market channel silent for {} s on every token; replacing the connection", frozenAfter.toSeconds());
            Socket s = socket;
            if (s != null) {
                s.close(4000, "silent");
            }
            return;
        }
        for (String t : silent) {
            books.resync(t, "no data for " + frozenAfter.toSeconds() + " s");
        }
    }

    private void onOpen(Socket s) {
        backoff.reset();
        health.connected();
        bookThread.execute(() -> {
            books.awaitSnapshots();
            if (!books.tokens().isEmpty()) {
                s.send(subscription(books.tokens(), "subscribe"));
            }
        });
    }

    private void onFrame(String frame) {
        health.onData();
        bookThread.execute(() -> {
            try {
                parser.parseFrame(frame, books);
            } catch (MalformedMessageException e) {
                malformed.record("clob-market", e.getMessage());
            }
        });
    }

    private void onClosed(Socket s, String reason) {
        if (closed || s != socket) {
            return;
        }
        health.disconnected(reason);
        long delay = backoff.nextDelayMillis();
        log.warn("CLOB market channel closed ({}); reconnecting in {} ms", reason, delay);
        scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Book statistics for health and tests: applied changes and detected gaps. */
    long applied() {
        return books.applied();
    }

    @Override
    public void close() {
        closed = true;
        Socket s = socket;
        if (s != null) {
            s.close();
        }
        bookThread.shutdownNow();
    }

    /** REST replies are snapshots, not socket books: route them to the snapshot path. */
    private static final class SnapshotReplies implements ClobMarketHandler {
        private final ClobBooks books;

        SnapshotReplies(ClobBooks books) {
            this.books = books;
        }

        @Override
        public void onBook(ClobMessage book) {
            books.onSnapshotReply(book);
        }

        @Override
        public void onPriceChange(ClobMessage change) {
        }

        @Override
        public void onTickSizeChange(ClobMessage change) {
        }

        @Override
        public void onLastTradePrice(ClobMessage trade) {
        }
    }

    private final class Socket extends WebSocketClient {
        Socket(URI uri) {
            super(uri);
            setConnectionLostTimeout(0); // the venue's keepalive is the text PING above
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            ClobBookFeed.this.onOpen(this);
        }

        @Override
        public void onMessage(String message) {
            onFrame(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            onClosed(this, code + (reason == null || reason.isEmpty() ? "" : " " + reason));
        }

        @Override
        public void onError(Exception ex) {
            log.debug("CLOB market socket error: {}", ex.toString());
        }
    }
}
