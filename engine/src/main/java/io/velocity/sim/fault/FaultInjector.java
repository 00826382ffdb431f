package io.velocity.sim.fault;

import io.velocity.core.InputException;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Faults on demand for the feed, execution and reliability tests: failing, slow, throttled or
 * garbled REST replies; frozen, dropped, delayed or garbled streams; order-book sequence gaps and
 * hash mismatches; server clock skew. Thread-safe: tests and the control port call it while the
 * servers consult it.
 */
public final class FaultInjector {

    /** REST surfaces. */
    public enum Venue { BINANCE, GAMMA, CLOB, ALLORA }

    /** Streaming surfaces. */
    public enum Feed { BINANCE, CLOB_MARKET, CLOB_USER }

    /** What the next REST request on a venue suffers. */
    public enum HttpFault { NONE, SERVER_ERROR, UNAVAILABLE, RATE_LIMITED, TIMEOUT, MALFORMED }

    private final Map<Venue, AtomicInteger> serverErrors = counters(Venue.class);
    private final Map<Venue, AtomicInteger> unavailable = counters(Venue.class);
    private final Map<Venue, AtomicInteger> rateLimited = counters(Venue.class);
    private final Map<Venue, AtomicInteger> timeouts = counters(Venue.class);
    private final Map<Venue, AtomicInteger> malformedHttp = counters(Venue.class);
    private final Map<Venue, AtomicLong> httpDelay = delays(Venue.class);
    private final Map<Feed, AtomicInteger> malformedFeed = counters(Feed.class);
    private final Map<Feed, AtomicLong> feedDelay = delays(Feed.class);
    private final Map<Feed, AtomicBoolean> frozen = new EnumMap<>(Feed.class);
    private final AtomicInteger bookGaps = new AtomicInteger();
    private final AtomicInteger hashMismatches = new AtomicInteger();
    private final AtomicLong skew = new AtomicLong();
    private final List<Consumer<Feed>> dropHandlers = new CopyOnWriteArrayList<>();
    private final List<Runnable> shutdownHandlers = new CopyOnWriteArrayList<>();

    public FaultInjector() {
        for (Feed f : Feed.values()) {
            frozen.put(f, new AtomicBoolean());
        }
    }

    private static <E extends Enum<E>> Map<E, AtomicInteger> counters(Class<E> type) {
        Map<E, AtomicInteger> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, new AtomicInteger());
        }
        return m;
    }

    private static <E extends Enum<E>> Map<E, AtomicLong> delays(Class<E> type) {
        Map<E, AtomicLong> m = new EnumMap<>(type);
        for (E e : type.getEnumConstants()) {
            m.put(e, new AtomicLong());
        }
        return m;
    }

    // ------------------------------------------------------------------ REST

    /** The next {@code n} requests to {@code venue} fail with HTTP 500. */
    public void http5xxBurst(Venue venue, int n) {
        serverErrors.get(venue).addAndGet(n);
    }

    /** The next {@code n} requests to {@code venue} fail with HTTP 503. */
    public void unavailable(Venue venue, int n) {
        unavailable.get(venue).addAndGet(n);
    }

    /** The next {@code n} requests to {@code venue} are refused with HTTP 429. */
    public void rateLimit(Venue venue, int n) {
        rateLimited.get(venue).addAndGet(n);
    }

    /** The next {@code n} requests to {@code venue} get no answer until the client gives up. */
    public void timeouts(Venue venue, int n) {
        timeouts.get(venue).addAndGet(n);
    }

    /** The next {@code n} replies from {@code venue} are truncated JSON with status 200. */
    public void malformedNext(Venue venue, int n) {
        malformedHttp.get(venue).addAndGet(n);
    }

    /** Every reply from {@code venue} is delayed by {@code millis} (0 clears). */
    public void delay(Venue venue, long millis) {
        httpDelay.get(venue).set(Math.max(0, millis));
    }

    public long delayMillis(Venue venue) {
        return httpDelay.get(venue).get();
    }

    /** Takes the fault the next request to {@code venue} suffers (consuming one from its burst). */
    public HttpFault nextHttpFault(Venue venue) {
        if (take(timeouts.get(venue))) {
            return HttpFault.TIMEOUT;
        }
        if (take(serverErrors.get(venue))) {
            return HttpFault.SERVER_ERROR;
        }
        if (take(unavailable.get(venue))) {
            return HttpFault.UNAVAILABLE;
        }
        if (take(rateLimited.get(venue))) {
            return HttpFault.RATE_LIMITED;
        }
        if (take(malformedHttp.get(venue))) {
            return HttpFault.MALFORMED;
        }
        return HttpFault.NONE;
    }

    // ------------------------------------------------------------------ streams

    /** The feed keeps its connections (pings and PONGs still answered) but sends no data. */
    public void freeze(Feed feed) {
        frozen.get(feed).set(true);
    }

    public void unfreeze(Feed feed) {
        frozen.get(feed).set(false);
    }

    public boolean frozen(Feed feed) {
        return frozen.get(feed).get();
    }

    /** Closes every connection of the feed now (clients must reconnect). */
    public void drop(Feed feed) {
        for (Consumer<Feed> h : dropHandlers) {
            h.accept(feed);
        }
    }

    /** Every message of the feed is sent {@code millis} late (0 clears). */
    public void delay(Feed feed, long millis) {
        feedDelay.get(feed).set(Math.max(0, millis));
    }

    public long delayMillis(Feed feed) {
        return feedDelay.get(feed).get();
    }

    /** The next {@code n} messages of the feed are truncated JSON. */
    public void malformedNext(Feed feed, int n) {
        malformedFeed.get(feed).addAndGet(n);
    }

    public boolean takeMalformed(Feed feed) {
        return take(malformedFeed.get(feed));
    }

    /** The next {@code n} market-channel {@code price_change} messages are not sent (a sequence gap). */
    public void bookGap(int n) {
        bookGaps.addAndGet(n);
    }

    public boolean takeBookGap() {
        return take(bookGaps);
    }

    /** The next {@code n} market-channel {@code price_change} messages carry wrong book hashes. */
    public void bookHashMismatch(int n) {
        hashMismatches.addAndGet(n);
    }

    public boolean takeHashMismatch() {
        return take(hashMismatches);
    }

    /** Binance announces {@code serverShutdown} on every stream connection and then closes it. */
    public void serverShutdown() {
        for (Runnable r : shutdownHandlers) {
            r.run();
        }
    }

    /** Venue server clocks run {@code millis} ahead (negative: behind) of the world clock. */
    public void clockSkew(long millis) {
        skew.set(millis);
    }

    public long skewMillis() {
        return skew.get();
    }

    /** Handlers the stream servers register so {@link #drop} and {@link #serverShutdown} reach them. */
    public void onDrop(Consumer<Feed> handler) {
        dropHandlers.add(handler);
    }

    public void onServerShutdown(Runnable handler) {
        shutdownHandlers.add(handler);
    }

    /** Removes every fault. */
    public void clear() {
        for (Venue v : Venue.values()) {
            serverErrors.get(v).set(0);
            unavailable.get(v).set(0);
            rateLimited.get(v).set(0);
            timeouts.get(v).set(0);
            malformedHttp.get(v).set(0);
            httpDelay.get(v).set(0);
        }
        for (Feed f : Feed.values()) {
            malformedFeed.get(f).set(0);
            feedDelay.get(f).set(0);
            frozen.get(f).set(false);
        }
        bookGaps.set(0);
        hashMismatches.set(0);
        skew.set(0);
    }

    private static boolean take(AtomicInteger counter) {
        while (true) {
            int n = counter.get();
            if (n <= 0) {
                return false;
            }
            if (counter.compareAndSet(n, n - 1)) {
                return true;
            }
        }
    }

    // ------------------------------------------------------------------ command-line syntax

    /**
     * Applies one fault written as {@code kind:target[:arg]}, e.g. {@code freeze:binance},
     * {@code 5xx:clob:10}, {@code 429:gamma:3}, {@code timeout:allora:2}, {@code delay:clob-market:250},
     * {@code malformed:binance:1}, {@code gap:clob-market:2}, {@code hash:clob-market:1},
     * {@code drop:clob-user}, {@code shutdown:binance}, {@code skew:1500}.
     *
     * @throws InputException naming the bad part
     */
    public void apply(String spec) {
        String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":");
        String kind = p[0];
        if (kind.equals("skew")) {
            clockSkew(number(spec, p, 1));
            return;
        }
        if (kind.equals("gap") || kind.equals("hash")) {
            int n = 1;
            for (int i = 1; i < p.length; i++) {
                if (p[i].matches("\\d+")) {
                    n = (int) number(spec, p, i);
                } else if (!p[i].equals("clob-market")) {
                    throw new InputException("fault '" + spec + "': " + kind + " applies to clob-market");
                }
            }
            if (kind.equals("gap")) {
                bookGap(n);
            } else {
                bookHashMismatch(n);
            }
            return;
        }
        if (p.length < 2) {
            throw new InputException("fault '" + spec + "': expected kind:target[:arg]");
        }
        Target t = target(spec, p[1]);
        switch (kind) {
            case "freeze" -> t.feeds(spec).forEach(this::freeze);
            case "unfreeze" -> t.feeds(spec).forEach(this::unfreeze);
            case "drop" -> t.feeds(spec).forEach(this::drop);
            case "shutdown" -> {
                if (t != Target.BINANCE && t != Target.BINANCE_WS) {
                    throw new InputException("fault '" + spec + "': shutdown applies to binance");
                }
                serverShutdown();
            }
            case "delay" -> {
                long ms = number(spec, p, 2);
                t.venues().forEach(v -> delay(v, ms));
                t.feedsOrEmpty().forEach(f -> delay(f, ms));
            }
            case "malformed" -> {
                int n = p.length > 2 ? (int) number(spec, p, 2) : 1;
                t.venues().forEach(v -> malformedNext(v, n));
                t.feedsOrEmpty().forEach(f -> malformedNext(f, n));
            }
            case "5xx", "500" -> t.venues(spec).forEach(v -> http5xxBurst(v, count(spec, p)));
            case "503" -> t.venues(spec).forEach(v -> unavailable(v, count(spec, p)));
            case "429" -> t.venues(spec).forEach(v -> rateLimit(v, count(spec, p)));
            case "timeout" -> t.venues(spec).forEach(v -> timeouts(v, count(spec, p)));
            default -> throw new InputException("fault '" + spec + "': unknown kind '" + kind
                    + "' (freeze, unfreeze, drop, delay, malformed, 5xx, 503, 429, timeout, gap, hash, shutdown, skew)");
        }
    }

    private static int count(String spec, String[] p) {
        return p.length > 2 ? (int) number(spec, p, 2) : 1;
    }

    private static long number(String spec, String[] p, int i) {
        if (p.length <= i) {
            throw new InputException("fault '" + spec + "': missing number");
        }
        try {
            return Long.parseLong(p[i]);
        } catch (NumberFormatException e) {
            throw new InputException("fault '" + spec + "': '" + p[i] + "' is not a whole number");
        }
    }

    private static Target target(String spec, String name) {
        for (Target t : Target.values()) {
            if (t.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(name)) {
                return t;
            }
        }
        throw new InputException("fault '" + spec + "': unknown target '" + name
                + "' (binance, binance-rest, binance-ws, gamma, clob, clob-market, clob-user, allora)");
    }

    private enum Target {
        BINANCE(List.of(Venue.BINANCE), List.of(Feed.BINANCE)),
        BINANCE_REST(List.of(Venue.BINANCE), List.of()),
        BINANCE_WS(List.of(), List.of(Feed.BINANCE)),
        GAMMA(List.of(Venue.GAMMA), List.of()),
        CLOB(List.of(Venue.CLOB), List.of()),
        CLOB_MARKET(List.of(), List.of(Feed.CLOB_MARKET)),
        CLOB_USER(List.of(), List.of(Feed.CLOB_USER)),
        ALLORA(List.of(Venue.ALLORA), List.of());

        private final List<Venue> venues;
        private final List<Feed> feeds;

        Target(List<Venue> venues, List<Feed> feeds) {
            this.venues = venues;
            this.feeds = feeds;
        }

        List<Venue> venues() {
            return venues;
        }

        List<Venue> venues(String spec) {
            if (venues.isEmpty()) {
                throw new InputException("fault '" + spec + "': this kind applies to a REST target (binance, gamma, clob, allora)");
            }
            return venues;
        }

        List<Feed> feedsOrEmpty() {
            return feeds;
        }

        List<Feed> feeds(String spec) {
            if (feeds.isEmpty()) {
                throw new InputException("fault '" + spec + "': this kind applies to a stream (binance, clob-market, clob-user)");
            }
            return feeds;
        }
    }
}
