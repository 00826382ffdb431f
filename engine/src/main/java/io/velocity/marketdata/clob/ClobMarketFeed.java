package io.velocity.marketdata.clob;

import io.velocity.core.Clock;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.health.ReconnectBackoff;
import io.velocity.marketdata.net.FeedSocket;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The CLOB market channel: keeps the canonical {@link ClobBooks} of every subscribed token in
 * sync and publishes their tops to the engine.
 *
 * <ul>
 *   <li>Start: each new token gets a REST {@code /book} snapshot, then a subscription on the
 *       market WebSocket (whose reply is a fresh book per token).</li>
 *   <li>Subscriptions follow discovery: {@link #track} subscribes both tokens of a new market on
 *       the open socket, {@link #untrack} unsubscribes expired ones.</li>
 *   <li>Keepalive: text {@code PING} every {@code pingInterval}; {@code PONG} answers.</li>
 *   <li>Gaps: see {@link ClobBooks}; snapshots come from REST, retried with backoff.</li>
 *   <li>Frozen socket (connected, PONGs answered, no data: a known failure): the feed state turns
 *       FROZEN after {@code feedHealth.clobMarket.frozenAfter} without data, and tokens silent for
 *       {@code staleAfter} are audited; a silent token whose audit finds missed changes proves the
 *       socket stopped delivering. Either way the feed reconnects and resynchronises.</li>
 *   <li>Reconnect: jittered exponential backoff; every book waits for the resubscription's
 *       snapshot meanwhile (nothing stale is published).</li>
 * </ul>
 *
 * <p>Threads: socket callbacks (its read thread), REST replies (HTTP client threads) and timers
 * (one daemon thread) all work on the books under one lock, so the books have one writer at a
 * time and never block on I/O while holding it.
 */
public final class ClobMarketFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClobMarketFeed.class);

    /**
     * Settings of the feed.
     *
     * @param wsUrl          market channel URL
     * @param restUrl        CLOB REST base
     * @param pingInterval   text keepalive period (the venue asks for 10 s)
     * @param silentAfter    a token without data this long is audited
     * @param auditInterval  every token is audited this often (catches gaps deep in the book)
     * @param hashGrace      how long a hash mismatch may wait for an in-stream refresh before an audit
     * @param maxBackoff     longest wait between reconnect attempts
     * @param topDepth       levels per side published to the engine
     */
    public record Settings(String wsUrl, String restUrl, Duration pingInterval, Duration silentAfter,
                           Duration auditInterval, Duration hashGrace, Duration maxBackoff, int topDepth) {
        /** Venue defaults: 10 s ping, audits every 60 s, 1 s hash grace, 10 levels. */
        public static Settings of(String wsUrl, String restUrl, Duration silentAfter, Duration maxBackoff) {
            return new Settings(wsUrl, restUrl, Duration.ofSeconds(10), silentAfter, Duration.ofSeconds(60),
                    Duration.ofSeconds(1), maxBackoff, 10);
        }
    }

    private final Settings settings;
    private final VenueHttp http;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final Clock clock;
    private final ClobBooks books;
    private final ClobMarketParser parser = new ClobMarketParser();
    private final ClobMarketParser restParser = new ClobMarketParser();
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private final ReconnectBackoff backoff;
    private final Set<String> silentAudits = new HashSet<>();
    private final Map<String, Integer> snapshotFailures = new java.util.HashMap<>();
    private volatile FeedSocket socket;
    private volatile boolean closed;
    private volatile long lastPongMillis;
    private long reconnects;

    public ClobMarketFeed(Settings settings, VenueHttp http, io.velocity.marketdata.MarketDataSink sink, FeedHealth health,
                          MalformedMessages malformed, BookMirror mirror, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.health = health;
        this.malformed = malformed;
        this.clock = clock;
        this.books = new ClobBooks(sink, this::fetchSnapshot, mirror, clock, settings.topDepth(), false);
        this.backoff = new ReconnectBackoff(Duration.ofMillis(250), settings.maxBackoff(), ThreadLocalRandom.current());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clob-market-timer");
            t.setDaemon(true);
            return t;
        });
        health.onChange(s -> {
            if (s.state() == FeedState.FROZEN && !closed) {
                LOG.warn("CLOB market channel frozen ({}); reconnecting", s.detail());
                timer.execute(() -> restart("frozen: " + s.detail()));
            }
        });
    }

    /** Connects and starts the keepalive, audit and silence checks. */
    public void start() {
        connect();
        long ping = settings.pingInterval().toMillis();
        timer.scheduleAtFixedRate(this::ping, ping, ping, TimeUnit.MILLISECONDS);
        long check = Math.max(50, Math.min(1000, settings.hashGrace().toMillis() / 2));
        timer.scheduleAtFixedRate(this::checks, check, check, TimeUnit.MILLISECONDS);
        long audit = settings.auditInterval().toMillis();
        timer.scheduleAtFixedRate(this::auditAll, audit, audit, TimeUnit.MILLISECONDS);
    }

    // ---------------------------------------------------------------- subscriptions (any thread)

    /** Subscribes both tokens of a market (from discovery). */
    public void track(MarketInfo m) {
        List<String> added = new ArrayList<>();
        lock.lock();
        try {
            for (String t : List.of(m.upTokenId(), m.downTokenId())) {
                if (books.state(t) == null) {
                    added.add(t);
                }
            }
            books.trackMarket(m.conditionId(), m.upTokenId(), m.downTokenId(), m.minOrderSizeMicros(), m.negRisk());
        } finally {
            lock.unlock();
        }
        if (added.isEmpty()) {
            return;
        }
        for (String t : added) {
            fetchSnapshot(t, "new subscription");
        }
        send(subscription(added, "subscribe"));
    }

    /** Unsubscribes both tokens of a market (expired). */
    public void untrack(MarketInfo m) {
        untrackTokens(List.of(m.upTokenId(), m.downTokenId()));
    }

    /** Unsubscribes tokens. */
    public void untrackTokens(Collection<String> tokens) {
        lock.lock();
        try {
            tokens.forEach(books::untrack);
        } finally {
            lock.unlock();
        }
        send(subscription(tokens, "unsubscribe"));
    }

    private static String subscription(Collection<String> tokens, String operation) {
        StringBuilder sb = new StringBuilder("{\"assets_ids\":[");
        boolean first = true;
        for (String t : tokens) {
            sb.append(first ? "" : ",").append('"').append(t).append('"');
            first = false;
        }
        sb.append("],\"type\":\"market\",\"custom_feature_enabled\":true");
        if (operation != null) {
            sb.append(",\"operation\":\"").append(operation).append('"');
        }
        return sb.append('}').toString();
    }

    private void send(String text) {
        FeedSocket s = socket;
        if (s != null && s.isOpen()) {
            try {
                s.send(text);
            } catch (RuntimeException e) {
                LOG.debug("send on the market channel failed: {}", e.toString());
            }
        }
    }

    // ---------------------------------------------------------------- connection

    private void connect() {
        if (closed) {
            return;
        }
        FeedSocket s = new FeedSocket("clob-market", URI.create(settings.wsUrl()), Map.of(), 0, new FeedSocket.Listener() {
            @Override
            public void onOpen(FeedSocket socket) {
                opened(socket);
            }

            @Override
            public void onText(FeedSocket socket, String text) {
                text(socket, text);
            }

            @Override
            public void onClosed(FeedSocket socket, String reason) {
                closed(socket, reason);
            }
        });
        socket = s;
        s.connect();
    }

    private void opened(FeedSocket s) {
        if (s != socket) {
            s.close();
            return;
        }
        backoff.reset();
        health.connected();
        Collection<String> tokens;
        lock.lock();
        try {
            tokens = books.tokens();
        } finally {
            lock.unlock();
        }
        // The first message of a connection names every token; an empty list still opens the channel.
        s.send(subscription(tokens, null));
        LOG.info("CLOB market channel connected, {} tokens subscribed", tokens.size());
    }

    private void text(FeedSocket s, String text) {
        if (s != socket) {
            return;
        }
        boolean data = text.length() > 4 || !text.strip().equalsIgnoreCase("PONG");
        lock.lock();
        try {
            if (data) {
                health.onData();
            } else {
                lastPongMillis = clock.epochMillis();
                if (books.tokens().isEmpty()) {
                    health.onData(); // nothing subscribed: an answered keepalive is all there is to hear
                }
            }
            parser.parseFrame(text, books);
        } catch (MalformedMessageException e) {
            malformed.record(e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            // a bug in applying one message must not kill the feed: count it, resync everything
            malformed.record("internal", e.toString());
            LOG.error("applying a market-channel message failed; resyncing every book", e);
            books.tokens().forEach(t -> books.resync(t, "internal error"));
        } finally {
            lock.unlock();
        }
    }

    private void closed(FeedSocket s, String reason) {
        if (s != socket || closed) {
            return;
        }
        health.disconnected(reason);
        lock.lock();
        try {
            books.awaitSnapshots();
            silentAudits.clear();
        } finally {
            lock.unlock();
        }
        long delay = backoff.nextDelayMillis();
        reconnects++;
        LOG.info("CLOB market channel {}; reconnecting in {} ms", reason, delay);
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Drops the connection on purpose (frozen); the close handler reconnects. */
    private void restart(String why) {
        FeedSocket s = socket;
        if (s != null && !closed) {
            s.closeConnection(1000, why);
        }
    }

    private void ping() {
        send("PING");
    }

    // ---------------------------------------------------------------- snapshots and audits

    /** Asks REST for a token's book; the reply is applied or compared under the lock. */
    private void fetchSnapshot(String tokenId, String reason) {
        if (closed) {
            return;
        }
        LOG.debug("snapshot of {}: {}", tokenId, reason);
        String url = settings.restUrl() + "/book?token_id=" + URLEncoder.encode(tokenId, StandardCharsets.UTF_8);
        http.get(url).whenComplete((body, error) -> {
            if (error != null) {
                snapshotFailed(tokenId, VenueHttp.describe(error));
                return;
            }
            lock.lock();
            try {
                snapshotFailures.remove(tokenId);
                restParser.parseBookReply(body, new SnapshotHandler());
            } catch (MalformedMessageException e) {
                malformed.record("book", e.getMessage());
                snapshotFailedLocked(tokenId, e.getMessage());
            } finally {
                lock.unlock();
            }
        });
    }

    private void snapshotFailed(String tokenId, String why) {
        lock.lock();
        try {
            snapshotFailedLocked(tokenId, why);
        } finally {
            lock.unlock();
        }
    }

    private void snapshotFailedLocked(String tokenId, String why) {
        books.snapshotFailed(tokenId);
        silentAudits.remove(tokenId);
        if (books.needsSnapshot(tokenId) && !closed) {
            int n = snapshotFailures.merge(tokenId, 1, Integer::sum);
            long delay = Math.min(settings.maxBackoff().toMillis(), 250L << Math.min(n, 7));
            LOG.warn("book snapshot of {} failed ({}); retry in {} ms", tokenId, why, delay);
            timer.schedule(() -> {
                lock.lock();
                boolean still;
                try {
                    still = books.needsSnapshot(tokenId);
                } finally {
                    lock.unlock();
                }
                if (still) {
                    fetchSnapshot(tokenId, "retry");
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }

    /** Routes REST replies into {@link ClobBooks#onSnapshotReply}; runs under the lock. */
    private final class SnapshotHandler implements ClobMarketHandler {
        @Override
        public void onBook(ClobMessage book) {
            ClobBooks.SnapshotOutcome outcome = books.onSnapshotReply(book);
            boolean wasSilent = silentAudits.remove(book.assetId());
            if (outcome == ClobBooks.SnapshotOutcome.AUDIT_REPAIRED) {
                if (wasSilent) {
                    // the health listener reconnects on FROZEN
                    health.frozen("token " + abbreviate(book.assetId()) + " was silent while its book changed");
                } else {
                    LOG.info("audit repaired the book of {}", book.assetId());
                }
            }
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

    private void checks() {
        if (closed) {
            return;
        }
        lock.lock();
        try {
            books.auditSuspects(settings.hashGrace().toNanos());
            if (health.state() == FeedState.LIVE || health.state() == FeedState.STALE) {
                for (String t : books.silentTokens(settings.silentAfter().toNanos())) {
                    if (silentAudits.add(t)) {
                        books.requestAudit(t, "no data for " + settings.silentAfter().toMillis() + " ms");
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.error("market-channel checks failed", e);
        } finally {
            lock.unlock();
        }
    }

    private void auditAll() {
        lock.lock();
        try {
            for (String t : books.tokens()) {
                books.requestAudit(t, "periodic audit");
            }
        } finally {
            lock.unlock();
        }
    }

    private static String abbreviate(String tokenId) {
        return tokenId.length() <= 12 ? tokenId : tokenId.substring(0, 6) + "…" + tokenId.substring(tokenId.length() - 4);
    }

    // ---------------------------------------------------------------- inspection

    /** Runs {@code f} on the books under the feed's lock (tests, diagnostics). */
    public <T> T withBooks(java.util.function.Function<ClobBooks, T> f) {
        lock.lock();
        try {
            return f.apply(books);
        } finally {
            lock.unlock();
        }
    }

    /** Reconnects since start. */
    public long reconnects() {
        return reconnects;
    }

    /** When the venue last answered a PING (epoch ms, 0 never). */
    public long lastPongMillis() {
        return lastPongMillis;
    }

    /** The feed's health. */
    public FeedHealth health() {
        return health;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        FeedSocket s = socket;
        if (s != null) {
            s.close();
        }
    }
}
