package io.velocity.marketdata.health;

import io.velocity.core.Clock;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;

import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The health state machine of one feed, from its transport state and the age of its newest
 * data message against two thresholds:
 *
 * <pre>
 *   not yet connected ............................ CONNECTING
 *   transport closed / last poll failed .......... DOWN
 *   connected, no data yet, for ≤ frozenAfter .... CONNECTING
 *   connected, data age ≤ staleAfter ............. LIVE
 *   connected, data age ≤ frozenAfter ............ STALE
 *   connected, no data for > frozenAfter ......... FROZEN  (pings answered, data silent)
 * </pre>
 *
 * FROZEN is the silent-socket failure peer bots suffer: the connection stays up and answers
 * keepalives but sends nothing. Changes are reported to the {@link HealthRegistry} (component
 * {@code feed.<name>}: LIVE → UP, CONNECTING/STALE → DEGRADED, FROZEN/DOWN → DOWN), to the
 * sink's {@code onFeedState}, and to listeners (the feed itself reconnects on FROZEN).
 *
 * <p>Feed threads call {@link #onData()} per message (a volatile write); a monitor thread calls
 * {@link #evaluate()} periodically. Thread-safe.
 */
public final class FeedHealth {
    private final String feed;
    private final long staleAfterNanos;
    private final long frozenAfterNanos;
    private final Clock clock;
    private final HealthRegistry registry;
    private final MarketDataSink sink;
    private final CopyOnWriteArrayList<Consumer<FeedStatus>> listeners = new CopyOnWriteArrayList<>();

    private enum Transport { STARTING, CONNECTED, DISCONNECTED }

    private volatile Transport transport = Transport.STARTING;
    private volatile long connectedAtNanos;
    private volatile long lastDataNanos;
    private volatile boolean dataSinceConnect;
    private volatile String transportDetail = "starting";
    private volatile String frozenProof;
    private FeedState state;

    /**
     * @param feed       feed name: {@code binance}, {@code clobMarket}, {@code clobUser}, {@code allora}, {@code gamma}
     * @param staleAfter data age after which the feed is STALE
     * @param frozenAfter data age after which a connected feed is FROZEN
     */
    public FeedHealth(String feed, Duration staleAfter, Duration frozenAfter, Clock clock, HealthRegistry registry,
                      MarketDataSink sink) {
        this.feed = feed;
        this.staleAfterNanos = staleAfter.toNanos();
        this.frozenAfterNanos = frozenAfter.toNanos();
        this.clock = clock;
        this.registry = registry;
        this.sink = sink;
    }

    /** The feed name. */
    public String feed() {
        return feed;
    }

    /** The health component name, {@code feed.<name>}. */
    public String component() {
        return "feed." + feed;
    }

    /** Called on every state change (on the thread that noticed it). */
    public void onChange(Consumer<FeedStatus> listener) {
        listeners.add(listener);
    }

    /** The transport is up (socket open, or a poll answered). */
    public void connected() {
        connectedAtNanos = clock.nanoTime();
        dataSinceConnect = false;
        frozenProof = null;
        transport = Transport.CONNECTED;
        transportDetail = "connected";
        evaluate();
    }

    /**
     * A poll was answered (pollers: Gamma, Allora): the transport is up and fresh data arrived.
     * Unlike {@link #connected()} this does not restart the "waiting for the first message" phase,
     * so a healthy poller stays LIVE from poll to poll.
     */
    public void pollSucceeded() {
        long now = clock.nanoTime();
        if (transport != Transport.CONNECTED) {
            connectedAtNanos = now;
            frozenProof = null;
            transport = Transport.CONNECTED;
        }
        lastDataNanos = now;
        dataSinceConnect = true;
        evaluate();
    }

    /**
     * The feed proved its connection silent before the age threshold (e.g. an audit found changes
     * the socket never sent): FROZEN until the next {@link #connected()}.
     */
    public void frozen(String proof) {
        frozenProof = proof;
        evaluate();
    }

    /** The transport went down (socket closed, poll failed). */
    public void disconnected(String reason) {
        transport = Transport.DISCONNECTED;
        transportDetail = reason;
        evaluate();
    }

    /** A data message arrived (keepalive answers do not count). Cheap: two volatile writes. */
    public void onData() {
        lastDataNanos = clock.nanoTime();
        if (!dataSinceConnect) {
            dataSinceConnect = true;
            evaluate();
        }
    }

    /** Milliseconds since the newest data message, or -1 when none arrived since connecting. */
    public long dataAgeMillis() {
        return dataSinceConnect ? (clock.nanoTime() - lastDataNanos) / 1_000_000 : -1;
    }

    /** The current state (as of the last evaluation). */
    public synchronized FeedState state() {
        return state == null ? FeedState.CONNECTING : state;
    }

    /** Recomputes the state from the clock; reports and notifies when it changed. */
    public FeedState evaluate() {
        long now = clock.nanoTime();
        FeedState next;
        String detail;
        long ageMillis;
        Transport tr = transport;
        if (tr == Transport.STARTING) {
            next = FeedState.CONNECTING;
            detail = "connecting";
            ageMillis = -1;
        } else if (tr == Transport.DISCONNECTED) {
            next = FeedState.DOWN;
            detail = transportDetail;
            ageMillis = dataAgeMillis();
        } else if (frozenProof != null) {
            next = FeedState.FROZEN;
            detail = frozenProof;
            ageMillis = dataAgeMillis();
        } else if (!dataSinceConnect) {
            long waited = now - connectedAtNanos;
            ageMillis = -1;
            if (waited <= frozenAfterNanos) {
                next = FeedState.CONNECTING;
                detail = "connected, waiting for the first message";
            } else {
                next = FeedState.FROZEN;
                detail = "connected but no data for " + waited / 1_000_000 + " ms";
            }
        } else {
            long age = now - lastDataNanos;
            ageMillis = age / 1_000_000;
            if (age <= staleAfterNanos) {
                next = FeedState.LIVE;
                detail = "live";
            } else if (age <= frozenAfterNanos) {
                next = FeedState.STALE;
                detail = "no data for " + ageMillis + " ms";
            } else {
                next = FeedState.FROZEN;
                detail = "connected but no data for " + ageMillis + " ms";
            }
        }
        FeedStatus changed = null;
        synchronized (this) {
            if (next != state) {
                state = next;
                changed = new FeedStatus(feed, next, detail, ageMillis);
            }
        }
        if (changed != null) {
            publish(changed);
        }
        return next;
    }

    private void publish(FeedStatus s) {
        HealthState h = switch (s.state()) {
            case LIVE -> HealthState.UP;
            case CONNECTING, STALE -> HealthState.DEGRADED;
            case FROZEN, DOWN -> HealthState.DOWN;
        };
        registry.report(component(), h, s.state().name().toLowerCase() + ": " + s.detail());
        sink.onFeedState(s);
        for (Consumer<FeedStatus> l : listeners) {
            l.accept(s);
        }
    }
}
