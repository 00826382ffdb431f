package io.velocity.marketdata.binance;

import io.velocity.core.Clock;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.health.ReconnectBackoff;
import io.velocity.marketdata.net.FeedSocket;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Binance spot, the price truth: one combined-stream WebSocket carrying {@code aggTrade} and
 * {@code bookTicker} of every configured symbol, turned into {@link io.velocity.marketdata.SpotUpdate}s
 * by {@link BinanceSpot} (mid, last trade, 1-minute realized volatility) on the socket's own
 * thread, so a tick reaches the engine without a queue hop.
 *
 * <ul>
 *   <li>Pings: answered by the WebSocket library within the minute Binance allows.</li>
 *   <li>Rotation without a gap: Binance closes connections at 24 h. After {@code rotateAfter}
 *       (or at once on a {@code serverShutdown} event) a second connection opens; when it
 *       delivers its first message it becomes the primary and the old one closes after
 *       {@code overlap}. Both deliver meanwhile; {@link BinanceSpot} drops the duplicates by
 *       aggregate-trade and book-ticker update id.</li>
 *   <li>Outage: reconnect with jittered exponential backoff up to {@code maxReconnectBackoff};
 *       window opens that fall into the gap are fetched from the kline endpoint.</li>
 * </ul>
 *
 * <p>Threads: socket read threads (two during a rotation) share one lock around the parser and
 * spot state; timers run on one daemon thread; kline fetches on the HTTP client's threads.
 */
public final class BinanceFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BinanceFeed.class);

    /**
     * Settings.
     *
     * @param wsUrl        stream base; the feed opens {@code <wsUrl>/stream?streams=...}
     * @param restUrl      REST base (klines)
     * @param symbols      asset → spot symbol
     * @param rotateAfter  connection age at which a fresh connection replaces it
     * @param maxBackoff   longest wait between reconnect attempts
     * @param overlap      how long the old connection stays open after the new one delivered
     */
    public record Settings(String wsUrl, String restUrl, Map<String, String> symbols, Duration rotateAfter,
                           Duration maxBackoff, Duration overlap) {
    }

    private final Settings settings;
    private final VenueHttp http;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final Clock clock;
    private final BinanceParser parser = new BinanceParser();
    private final BinanceRestParser restParser = new BinanceRestParser();
    private final BinanceSpot spot;
    private final WindowOpens opens;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService timer;
    private final ReconnectBackoff backoff;
    private final Map<String, String> symbolOf;
    private volatile FeedSocket primary;
    private volatile FeedSocket standby;
    private volatile boolean closed;
    private volatile boolean shutdownAnnounced;
    private volatile long rotations;
    private volatile long reconnects;

    public BinanceFeed(Settings settings, VenueHttp http, MarketDataSink sink, FeedHealth health, MalformedMessages malformed,
                       Clock clock) {
        this.settings = settings;
        this.http = http;
        this.health = health;
        this.malformed = malformed;
        this.clock = clock;
        this.opens = new WindowOpens(sink, this::fetchKline, clock);
        this.spot = new BinanceSpot(settings.symbols(), sink, opens, clock, this::rotateSoon);
        this.backoff = new ReconnectBackoff(Duration.ofMillis(250), settings.maxBackoff(), ThreadLocalRandom.current());
        this.symbolOf = Map.copyOf(settings.symbols());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "binance-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects and starts the rotation check. */
    public void start() {
        primary = open();
        timer.scheduleAtFixedRate(this::checkRotation, 1, 1, TimeUnit.SECONDS);
    }

    /** Window opens: discovery registers each window's start here. */
    public WindowOpens windowOpens() {
        return opens;
    }

    private String streamUrl() {
        List<String> streams = new ArrayList<>();
        for (String sym : settings.symbols().values()) {
            String s = sym.toLowerCase(Locale.ROOT);
            streams.add(s + "@aggTrade");
            streams.add(s + "@bookTicker");
        }
        return settings.wsUrl() + "/stream?streams=" + String.join("/", streams);
    }

    private FeedSocket open() {
        FeedSocket s = new FeedSocket("binance", URI.create(streamUrl()), Map.of(), 60, new FeedSocket.Listener() {
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
                closedSocket(socket, reason);
            }
        });
        s.connect();
        return s;
    }

    private void opened(FeedSocket s) {
        if (s == primary) {
            backoff.reset();
            health.connected();
            LOG.info("Binance stream connected ({} symbols)", settings.symbols().size());
        }
    }

    private void text(FeedSocket s, String text) {
        FeedSocket p = primary;
        if (s != p && s != standby) {
            return;
        }
        if (s == standby) {
            promote(s);
        }
        lock.lock();
        try {
            health.onData();
            parser.parse(text, spot);
        } catch (MalformedMessageException e) {
            malformed.record(e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            malformed.record("internal", e.toString());
            LOG.error("applying a Binance message failed", e);
        } finally {
            lock.unlock();
        }
    }

    /** The standby delivered: it becomes the primary; the old one closes after the overlap. */
    private synchronized void promote(FeedSocket s) {
        if (s != standby) {
            return;
        }
        FeedSocket old = primary;
        primary = s;
        standby = null;
        rotations++;
        health.connected();
        LOG.info("Binance stream rotated to a fresh connection");
        if (old != null) {
            timer.schedule(() -> old.close(1000, "rotated"), settings.overlap().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void closedSocket(FeedSocket s, String reason) {
        if (closed) {
            return;
        }
        if (s == standby) {
            standby = null;
            LOG.info("Binance standby connection {}", reason);
            return;
        }
        if (s != primary) {
            return; // an old connection closing after its rotation
        }
        FeedSocket next = standby;
        if (next != null) {
            // the rotation is under way: the standby takes over (it may still be connecting)
            primary = next;
            standby = null;
            rotations++;
            if (next.isOpen()) {
                health.connected();
            } else {
                health.disconnected(reason + "; rotating");
                opens.onStreamGap();
            }
            return;
        }
        opens.onStreamGap();
        if (shutdownAnnounced) {
            // the venue closed right after announcing it: connect again at once, no backoff
            shutdownAnnounced = false;
            rotations++;
            health.disconnected(reason + " after serverShutdown; connecting again");
            primary = open();
            return;
        }
        health.disconnected(reason);
        long delay = backoff.nextDelayMillis();
        reconnects++;
        LOG.info("Binance stream {}; reconnecting in {} ms", reason, delay);
        timer.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void reconnect() {
        if (!closed && (primary == null || primary.isClosed())) {
            primary = open();
        }
    }

    private void checkRotation() {
        FeedSocket p = primary;
        if (p != null && p.isOpen() && standby == null
                && System.currentTimeMillis() - p.openedAtMillis() >= settings.rotateAfter().toMillis()) {
            rotate("connection age");
        }
    }

    private void rotateSoon() {
        LOG.info("Binance announced a server shutdown; rotating now");
        shutdownAnnounced = true;
        timer.execute(() -> rotate("serverShutdown"));
    }

    private synchronized void rotate(String why) {
        FeedSocket p = primary;
        if (closed || standby != null || p == null || !p.isOpen()) {
            return; // nothing to rotate from: the close handler connects again
        }
        shutdownAnnounced = false;
        LOG.debug("opening a fresh Binance connection ({})", why);
        standby = open();
    }

    // ---------------------------------------------------------------- klines

    private void fetchKline(String asset, long windowStartMillis) {
        fetchKline(asset, windowStartMillis, 0);
    }

    private void fetchKline(String asset, long start, int attempt) {
        String symbol = symbolOf.get(asset);
        if (symbol == null || closed) {
            return;
        }
        String url = settings.restUrl() + "/api/v3/klines?symbol=" + symbol.toUpperCase(Locale.ROOT)
                + "&interval=1m&startTime=" + start + "&limit=1";
        http.get(url).whenComplete((body, error) -> {
            String problem;
            if (error != null) {
                problem = VenueHttp.describe(error);
            } else {
                try {
                    BinanceRestParser.Kline k = restParser.parseFirstKline(body);
                    if (k != null && k.openTimeMillis() <= start + 60_000) {
                        opens.onKlineOpen(asset, start, k.open());
                        return;
                    }
                    problem = "no kline yet";
                } catch (MalformedMessageException e) {
                    malformed.record("kline", e.getMessage());
                    problem = e.getMessage();
                }
            }
            if (attempt < 30 && !closed) {
                long delay = Math.min(10_000, 500L << Math.min(attempt, 4));
                LOG.debug("kline open of {} at {}: {}; retry in {} ms", asset, start, problem, delay);
                timer.schedule(() -> fetchKline(asset, start, attempt + 1), delay, TimeUnit.MILLISECONDS);
            } else {
                LOG.warn("kline open of {} at {} unavailable: {}", asset, start, problem);
            }
        });
    }

    // ---------------------------------------------------------------- inspection

    /** Completed rotations since start. */
    public long rotations() {
        return rotations;
    }

    /** Reconnects after an outage since start. */
    public long reconnects() {
        return reconnects;
    }

    /** Duplicates dropped (rotation overlap) since start. */
    public long duplicates() {
        lock.lock();
        try {
            return spot.duplicates();
        } finally {
            lock.unlock();
        }
    }

    /** The feed's health. */
    public FeedHealth health() {
        return health;
    }

    @Override
    public synchronized void close() {
        closed = true;
        timer.shutdownNow();
        FeedSocket p = primary;
        FeedSocket s = standby;
        if (p != null) {
            p.close();
        }
        if (s != null) {
            s.close();
        }
    }
}
