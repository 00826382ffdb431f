package io.velocity.marketdata.feeds;

import io.velocity.config.VenuesConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.clob.ClobMarketParams;
import io.velocity.marketdata.clob.ClobRestParser;
import io.velocity.marketdata.gamma.DiscoveryFilter;
import io.velocity.marketdata.gamma.GammaMarket;
import io.velocity.marketdata.gamma.GammaParser;
import io.velocity.marketdata.gamma.MarketInfos;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls Gamma for the crypto Up/Down windows (every {@code pollInterval} ± {@code pollJitter}),
 * keeps those the {@link DiscoveryFilter} accepts, completes each with the CLOB's own fee, tick
 * and minimum-size parameters, and tells listeners about markets that appear and expire. All of it
 * runs on the feeds' scheduler thread; HTTP is asynchronous.
 */
final class GammaDiscovery implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(GammaDiscovery.class);

    private final VenuesConfig.Gamma gamma;
    private final String clobRestUrl;
    private final DiscoveryFilter filter;
    private final VenueGet http;
    private final MarketDataSink sink;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Consumer<MarketInfo> onAdded;
    private final Consumer<MarketInfo> onExpired;
    private final GammaParser parser = new GammaParser();
    private final ClobRestParser clobParser = new ClobRestParser();
    private final Map<String, MarketInfo> active = new HashMap<>();
    private final Map<String, String> rejectedReasons = new HashMap<>();
    private volatile boolean closed;

    GammaDiscovery(VenuesConfig.Gamma gamma, String clobRestUrl, DiscoveryFilter filter, VenueGet http,
                   MarketDataSink sink, FeedHealth health, MalformedMessages malformed, ScheduledExecutorService scheduler,
                   Clock clock, Consumer<MarketInfo> onAdded, Consumer<MarketInfo> onExpired) {
        this.gamma = gamma;
        this.clobRestUrl = clobRestUrl;
        this.filter = filter;
        this.http = http;
        this.sink = sink;
        this.health = health;
        this.malformed = malformed;
        this.scheduler = scheduler;
        this.clock = clock;
        this.onAdded = onAdded;
        this.onExpired = onExpired;
    }

    void start() {
        scheduler.execute(this::poll);
    }

    private void scheduleNext() {
        if (closed) {
            return;
        }
        long base = gamma.pollInterval().toMillis();
        long jitter = gamma.pollJitter().toMillis();
        long delay = Math.max(1_000, base + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(-jitter, jitter + 1)));
        scheduler.schedule(this::poll, delay, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        if (closed) {
            return;
        }
        String url = gamma.url() + "/markets?closed=false&active=true&limit=500&order=endDate&ascending=true";
        http.get(url).thenCompose(this::accept).whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                health.disconnected("Gamma poll failed: " + VenueGet.describe(failure));
                log.warn("Gamma discovery poll failed: {}", VenueGet.describe(failure));
            }
            scheduleNext();
        }, scheduler);
    }

    private CompletableFuture<Void> accept(byte[] body) {
        List<GammaMarket> markets;
        try {
            markets = parser.parse(body);
        } catch (MalformedMessageException e) {
            malformed.record("gamma", e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
        health.connected();
        health.onData();
        long now = clock.epochMillis();
        Set<String> seen = new HashSet<>();
        CompletableFuture<?>[] lookups = markets.stream().map(m -> {
            DiscoveryFilter.Verdict v = filter.judge(m, now);
            if (!v.accepted()) {
                if (m.conditionId() != null && rejectedReasons.put(m.conditionId(), v.reason()) == null) {
                    log.debug("discovery skipped {}: {}", m.slug(), v.reason());
                }
                return CompletableFuture.completedFuture(null);
            }
            seen.add(m.conditionId());
            if (active.containsKey(m.conditionId())) {
                return CompletableFuture.completedFuture(null);
            }
            return http.get(clobRestUrl + "/clob-markets/" + m.conditionId())
                    .thenApply(reply -> {
                        try {
                            return clobParser.parseParams(reply);
                        } catch (MalformedMessageException e) {
                            malformed.record("clob-markets", e.getMessage());
                            return ClobMarketParams.UNKNOWN;
                        }
                    })
                    .exceptionally(t -> ClobMarketParams.UNKNOWN)
                    .thenAcceptAsync(params -> added(MarketInfos.of(v, params)), scheduler);
        }).toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(lookups).thenRunAsync(() -> expire(seen, now), scheduler);
    }

    private void added(MarketInfo m) {
        if (closed || active.putIfAbsent(m.conditionId(), m) != null) {
            return;
        }
        try {
            sink.onMarket(m);
            onAdded.accept(m);
        } catch (IllegalArgumentException e) {
            active.remove(m.conditionId());
            malformed.record("gamma", e.getMessage());
        }
    }

    private void expire(Set<String> seen, long now) {
        for (MarketInfo m : List.copyOf(active.values())) {
            boolean over = now >= m.windowEndMillis();
            if (over || !seen.contains(m.conditionId())) {
                active.remove(m.conditionId());
                sink.onMarketExpired(m.conditionId(), over ? "window over" : "no longer listed as tradeable");
                onExpired.accept(m);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
