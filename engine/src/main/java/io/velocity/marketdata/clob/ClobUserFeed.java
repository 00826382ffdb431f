package io.velocity.marketdata.clob;

import io.velocity.core.Clock;
import io.velocity.core.Sensitive;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.health.ReconnectBackoff;
import io.velocity.marketdata.net.FeedSocket;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.java_websocket.framing.TextFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The CLOB user channel: the account's {@code order} and {@code trade} events (fills and their
 * settlement status), subscribed for every market ({@code "markets": []}) so discovery need not
 * resubscribe, with the text keepalive, reconnect with jittered backoff and feed health
 * {@code feed.clobUser}. Events go to the engine as {@link UserOrderEvent} and
 * {@link UserTradeEvent}.
 *
 * <p>Silence is normal on this channel (no orders, no events), so answered keepalives count as
 * data for its health; a channel that answers PINGs but loses fills cannot be told from a quiet
 * one here, which is why execution also reconciles against REST.
 *
 * <p>Credentials are read from the supplier at each (re)connection and written into the
 * subscription frame as bytes that are zeroed once the frame is queued; they are never logged.
 */
public final class ClobUserFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClobUserFeed.class);

    /** L2 API credentials for the subscription; zero them after use. */
    public record Credentials(char[] apiKey, char[] secret, char[] passphrase) implements Sensitive {
        /** Zeroes every array. */
        public void wipe() {
            Arrays.fill(apiKey, '\0');
            Arrays.fill(secret, '\0');
            Arrays.fill(passphrase, '\0');
        }

        @Override
        public String toString() {
            return "Credentials[" + REDACTED + "]";
        }
    }

    private final String url;
    private final Duration pingInterval;
    private final Supplier<Credentials> credentials;
    private final MarketDataSink sink;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final ClobUserParser parser = new ClobUserParser();
    private final ScheduledExecutorService timer;
    private final ReconnectBackoff backoff;
    private volatile FeedSocket socket;
    private volatile boolean closed;
    private volatile long reconnects;

    public ClobUserFeed(String url, Duration pingInterval, Duration maxBackoff, Supplier<Credentials> credentials,
                        MarketDataSink sink, FeedHealth health, MalformedMessages malformed, Clock clock) {
        this.url = url;
        this.pingInterval = pingInterval;
        this.credentials = credentials;
        this.sink = sink;
        this.health = health;
        this.malformed = malformed;
        this.backoff = new ReconnectBackoff(Duration.ofMillis(250), maxBackoff, ThreadLocalRandom.current());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clob-user-timer");
            t.setDaemon(true);
            return t;
        });
    }

    /** Connects and starts the keepalive. */
    public void start() {
        connect();
        long ping = pingInterval.toMillis();
        timer.scheduleAtFixedRate(() -> {
            FeedSocket s = socket;
            if (s != null && s.isOpen()) {
                s.send("PING");
            }
        }, ping, ping, TimeUnit.MILLISECONDS);
    }

    private void connect() {
        if (closed) {
            return;
        }
        FeedSocket s = new FeedSocket("clob-user", URI.create(url), Map.of(), 0, new FeedSocket.Listener() {
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
        socket = s;
        s.connect();
    }

    private void opened(FeedSocket s) {
        if (s != socket) {
            s.close();
            return;
        }
        Credentials c;
        try {
            c = credentials.get();
        } catch (RuntimeException e) {
            // e.g. the keystore lacks the CLOB API entries: say so, and try again later
            LOG.warn("CLOB user channel credentials unavailable: {}", e.getMessage());
            s.close(1000, "no credentials");
            return;
        }
        try {
            subscribe(s, c);
        } finally {
            c.wipe();
        }
        backoff.reset();
        health.connected();
        LOG.info("CLOB user channel connected");
    }

    /** Writes the auth subscription as a text frame from bytes that are zeroed right after. */
    private static void subscribe(FeedSocket s, Credentials c) {
        CharBuffer chars = CharBuffer.allocate(128 + c.apiKey().length + c.secret().length + c.passphrase().length);
        chars.put("{\"auth\":{\"apiKey\":\"").put(c.apiKey()).put("\",\"secret\":\"").put(c.secret())
                .put("\",\"passphrase\":\"").put(c.passphrase()).put("\"},\"markets\":[],\"type\":\"user\"}");
        chars.flip();
        ByteBuffer bytes = StandardCharsets.UTF_8.encode(chars);
        try {
            TextFrame frame = new TextFrame();
            frame.setPayload(bytes);
            frame.setFin(true);
            s.sendFrame(frame); // the library copies the payload into its own frame buffer here
        } finally {
            Arrays.fill(chars.array(), '\0');
            if (bytes.hasArray()) {
                Arrays.fill(bytes.array(), (byte) 0);
            }
        }
    }

    private void text(FeedSocket s, String text) {
        if (s != socket) {
            return;
        }
        health.onData(); // PONGs included: silence is normal here
        try {
            parser.parseFrame(text, new ClobUserParser.Handler() {
                @Override
                public void onOrder(UserOrderEvent event) {
                    sink.onUserOrder(event);
                }

                @Override
                public void onTrade(UserTradeEvent event) {
                    sink.onUserTrade(event);
                }

                @Override
                public void onOther(String eventType) {
                    malformed.record("unexpected:" + eventType, "event type this version does not use");
                }
            });
        } catch (MalformedMessageException e) {
            malformed.record(e.kind(), e.getMessage());
        } catch (RuntimeException e) {
            malformed.record("internal", e.toString());
            LOG.error("handling a user-channel message failed", e);
        }
    }

    private void closedSocket(FeedSocket s, String reason) {
        if (s != socket || closed) {
            return;
        }
        health.disconnected(reason);
        long delay = backoff.nextDelayMillis();
        reconnects++;
        LOG.info("CLOB user channel {}; reconnecting in {} ms", reason, delay);
        timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Reconnects since start. */
    public long reconnects() {
        return reconnects;
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
