package io.velocity.marketdata.feeds;

import io.velocity.config.VenuesConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.binance.BinanceParser;
import io.velocity.marketdata.binance.BinanceRestParser;
import io.velocity.marketdata.binance.BinanceSpot;
import io.velocity.marketdata.binance.WindowOpens;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.health.ReconnectBackoff;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One Binance combined-stream connection ({@code aggTrade} and {@code bookTicker} of every
 * configured symbol). Frames are parsed on the socket's read thread into {@link BinanceSpot},
 * which publishes complete spot updates. Pings are answered by the WebSocket library; a lost
 * connection reconnects with jittered exponential backoff; before Binance's 24 h limit (and on a
 * {@code serverShutdown} notice) a new connection is opened first and the old one closed once the
 * new one delivers data, so no trade is missed ({@link BinanceSpot} drops the duplicates).
 */
final class BinanceFeed implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BinanceFeed.class);

    private final VenuesConfig.Binance cfg;
    private final BinanceSpot spot;
    private final BinanceParser parser = new BinanceParser();
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final ScheduledExecutorService scheduler;
    private final ReconnectBackoff backoff;
    private final Object lock = new Object();
    private Socket current;
    private Socket rotating;
    private final Runnable onGap;
    private volatile boolean closed;

    /** @param onGap told when the stream was interrupted (window opens then come from klines) */
    BinanceFeed(VenuesConfig.Binance cfg, BinanceSpot spot, FeedHealth health, MalformedMessages malformed,
                ScheduledExecutorService scheduler, Runnable onGap) {
        this.onGap = onGap;
        this.cfg = cfg;
        this.spot = spot;
        this.health = health;
        this.malformed = malformed;
        this.scheduler = scheduler;
        this.backoff = new ReconnectBackoff(java.time.Duration.ofMillis(200), cfg.maxReconnectBackoff(),
                ThreadLocalRandom.current());
    }

    void start() {
        connect(false);
        long rotateMillis = cfg.rotateAfter().toMillis();
        scheduler.scheduleAtFixedRate(this::rotate, rotateMillis, rotateMillis, TimeUnit.MILLISECONDS);
    }

    /** Opens a second connection; the first is closed when the second delivers data. */
    void rotate() {
        if (!closed) {
            log.info("rotating the Binance connection");
            connect(true);
        }
    }

    private URI streamUri() {
        StringJoiner streams = new StringJoiner("/");
        for (String symbol : cfg.symbols().values()) {
            String s = symbol.toLowerCase(Locale.ROOT);
            streams.add(s + "@aggTrade");
            streams.add(s + "@bookTicker");
        }
        String base = cfg.wsUrl().endsWith("/") ? cfg.wsUrl().substring(0, cfg.wsUrl().length() - 1) : cfg.wsUrl();
        return URI.create(base + "/stream?streams=" + streams);
    }

    private void connect(boolean asRotation) {
        if (closed) {
            return;
        }
        Socket s = new Socket(streamUri());
        synchronized (lock) {
            if (asRotation) {
                rotating = s;
            } else {
                current = s;
            }
        }
        s.connect();
    }

    private void onFrame(Socket from, String frame) {
        synchronized (lock) {
            if (from == rotating) {
                Socket old = current;
                current = rotating;
                rotating = null;
                if (old != null) {
                    old.close(1000, "rotated");
                }
            } else if (from != current) {
                return; // a socket being retired
            }
        }
        health.onData();
        try {
            parser.parse(frame, spot);
        } catch (MalformedMessageException e) {
            malformed.record("binance", e.getMessage());
        }
    }

    private void onClosed(Socket s, String reason) {
        boolean wasCurrent;
        synchronized (lock) {
            wasCurrent = s == current;
            if (s == rotating) {
                rotating = null;
            }
        }
        if (!wasCurrent || closed) {
            return;
        }
        onGap.run();
        health.disconnected(reason);
        long delay = backoff.nextDelayMillis();
        log.warn("Binance stream closed ({}); reconnecting in {} ms", reason, delay);
        scheduler.schedule(() -> connect(false), delay, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            if (current != null) {
                current.close();
            }
            if (rotating != null) {
                rotating.close();
            }
        }
    }

    /** Fetches the 1-minute kline opening at a window start (for a start in the middle of a window). */
    static WindowOpens.KlineFetcher klineFetcher(VenuesConfig.Binance cfg, VenueGet http, WindowOpens[] opens) {
        BinanceRestParser parser = new BinanceRestParser();
        return (asset, start) -> {
            String symbol = cfg.symbols().get(asset);
            if (symbol == null) {
                return;
            }
            String url = cfg.restUrl() + "/api/v3/klines?symbol=" + symbol.toUpperCase(Locale.ROOT)
                    + "&interval=1m&startTime=" + start + "&limit=1";
            http.get(url).thenAccept(body -> {
                try {
                    BinanceRestParser.Kline k = parser.parseFirstKline(body);
                    if (k.openTimeMillis() == start) {
                        opens[0].onKlineOpen(asset, start, k.open());
                    }
                } catch (MalformedMessageException e) {
                    log.warn("kline reply for {} unusable: {}", asset, e.getMessage());
                }
            }).exceptionally(t -> {
                log.warn("kline fetch for {} failed: {}", asset, VenueGet.describe(t));
                return null;
            });
        };
    }

    private final class Socket extends WebSocketClient {
        Socket(URI uri) {
            super(uri);
            setConnectionLostTimeout(60);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            backoff.reset();
            health.connected();
        }

        @Override
        public void onMessage(String message) {
            onFrame(this, message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            onClosed(this, code + (reason == null || reason.isEmpty() ? "" : " " + reason));
        }

        @Override
        public void onError(Exception ex) {
            log.debug("Binance socket error: {}", ex.toString());
        }
    }
}
