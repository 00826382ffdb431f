package io.velocity.marketdata.gamma;

import io.velocity.core.Clock;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.clob.ClobMarketParams;
import io.velocity.marketdata.clob.ClobRestParser;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Market discovery: every {@code pollInterval} ± {@code pollJitter}, asks Gamma for the open
 * events ending within the next windows, keeps those the {@link DiscoveryFilter} accepts (crypto
 * Up/Down windows of the configured assets and durations, liquid, not augmented neg-risk, with
 * an {@code eventStartTime}), fetches each new market's fee parameters,
 * tick and fee rate from the CLOB, stores them ({@link MarketParamsStore}), and tells the
 * engine and the feeds about new markets and expiring ones (at their {@code endDate}, or when
 * Gamma stops accepting them).
 *
 * <p>A market is published only with its CLOB parameters: an engine pricing edges with unknown
 * fees would be wrong, so a market whose parameters cannot be fetched waits for the next poll.
 * Polls run on one daemon thread; three failed polls in a row make the feed DOWN.
 */
public final class GammaDiscovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GammaDiscovery.class);
    private static final int FAILURES_BEFORE_DOWN = 3;

    /** Who else hears about markets (the CLOB book feed, the window-open tracker). */
    public interface Listener {
        void onNewMarket(MarketInfo market);

        void onExpired(MarketInfo market, String reason);
    }

    /**
     * Settings.
     *
     * @param windowsAhead how many of the longest windows ahead to look (markets are listed ahead)
     */
    public record Settings(String gammaUrl, String clobUrl, Duration pollInterval, Duration pollJitter, List<String> assets,
                           List<String> durations, long minLiquidityMicros, int windowsAhead, double timeCompression) {
        /** Real venues: windows last their nominal length. */
        public Settings(String gammaUrl, String clobUrl, Duration pollInterval, Duration pollJitter, List<String> assets,
                        List<String> durations, long minLiquidityMicros, int windowsAhead) {
            this(gammaUrl, clobUrl, pollInterval, pollJitter, assets, durations, minLiquidityMicros, windowsAhead, 1.0);
        }
    }

    private final Settings settings;
    private final VenueHttp http;
    private final MarketDataSink sink;
    private final FeedHealth health;
    private final MalformedMessages malformed;
    private final MarketParamsStore store;
    private final Clock clock;
    private final List<Listener> listeners;
    private final GammaParser parser = new GammaParser();
    private final ClobRestParser clobParser = new ClobRestParser();
    private final DiscoveryFilter filter;
    private final Map<String, MarketInfo> known = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;
    private volatile boolean closed;
    private int failures;

    public GammaDiscovery(Settings settings, VenueHttp http, MarketDataSink sink, FeedHealth health, MalformedMessages malformed,
                          MarketParamsStore store, Clock clock, List<Listener> listeners) {
        this.settings = settings;
        this.http = http;
        this.sink = sink;
        this.health = health;
        this.malformed = malformed;
        this.store = store;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.filter = new DiscoveryFilter(settings.assets(), settings.durations(), settings.minLiquidityMicros(),
                settings.timeCompression());
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gamma-discovery");
            t.setDaemon(true);
            return t;
        });
    }

    /** Polls now, then every interval ± jitter. */
    public void start() {
        timer.execute(this::pollAndReschedule);
        // windows end on the clock, not on a poll: check every second
        timer.scheduleAtFixedRate(() -> expireEnded(clock.epochMillis()), 1, 1, TimeUnit.SECONDS);
    }

    private void pollAndReschedule() {
        try {
            pollOnce().get(settings.pollInterval().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.debug("discovery poll did not complete: {}", e.toString());
        }
        if (closed) {
            return;
        }
        long base = settings.pollInterval().toMillis();
        long jitter = settings.pollJitter().toMillis();
        long delay = Math.max(1_000, base + (jitter > 0 ? ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : 0));
        timer.schedule(this::pollAndReschedule, delay, TimeUnit.MILLISECONDS);
    }

    /** One discovery round; completes when new markets were published (or failed to be). */
    public CompletableFuture<Void> pollOnce() {
        long now = clock.epochMillis();
        expireEnded(now);
        return page(now, 0, new ArrayList<>()).handle((markets, error) -> {
            if (error != null) {
                failed(VenueHttp.describe(error));
                return List.<GammaMarket>of();
            }
            synchronized (this) {
                failures = 0;
            }
            health.pollSucceeded();
            return markets;
        }).thenCompose(markets -> judge(markets, clock.epochMillis()));
    }

    /**
     * Open events ending between now and the lookahead (the running and next windows of every
     * length), page by page. Asking by end time rather than by computed slugs keeps discovery
     * independent of how window starts are aligned.
     */
    private CompletableFuture<List<GammaMarket>> page(long now, int offset, List<GammaMarket> acc) {
        String url = settings.gammaUrl() + "/events?closed=false&limit=" + PAGE + "&offset=" + offset
                + "&end_date_min=" + java.time.Instant.ofEpochMilli(now) + "&end_date_max="
                + java.time.Instant.ofEpochMilli(now + lookaheadMillis());
        return http.get(url).thenCompose(body -> {
            List<GammaMarket> markets;
            try {
                markets = parser.parse(body);
            } catch (MalformedMessageException e) {
                malformed.record("gamma", e.getMessage());
                return CompletableFuture.failedFuture(new io.velocity.core.VenueException(e.getMessage()));
            }
            acc.addAll(markets);
            // a page counts events; an event holds one or more markets
            int events = countEvents(body);
            if (events >= PAGE && offset / PAGE < MAX_PAGES - 1) {
                return page(now, offset + PAGE, acc);
            }
            return CompletableFuture.completedFuture(acc);
        });
    }

    private static final int PAGE = 100;
    private static final int MAX_PAGES = 10;

    private long lookaheadMillis() {
        long longest = 0;
        for (String d : settings.durations()) {
            longest = Math.max(longest, WindowSlugs.durationMillis(d));
        }
        return Math.max(2 * longest, 2 * settings.pollInterval().toMillis()) * Math.max(1, settings.windowsAhead());
    }

    /** Top-level array elements of a reply (events on a page). */
    private static int countEvents(byte[] body) {
        try (com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(body)) {
            if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                return 1;
            }
            int n = 0;
            while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                p.skipChildren();
                n++;
            }
            return n;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    private synchronized void failed(String why) {
        failures++;
        LOG.warn("Gamma discovery poll failed ({} in a row): {}", failures, why);
        if (failures >= FAILURES_BEFORE_DOWN) {
            health.disconnected(why);
        }
    }

    private CompletableFuture<Void> judge(List<GammaMarket> markets, long now) {
        List<CompletableFuture<Void>> work = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GammaMarket m : markets) {
            DiscoveryFilter.Verdict v = filter.judge(m, now);
            if (m.conditionId() != null) {
                seen.add(m.conditionId());
            }
            MarketInfo existing = m.conditionId() == null ? null : known.get(m.conditionId());
            if (v.accepted()) {
                if (existing == null) {
                    work.add(fetchOnce(v));
                }
            } else if (existing != null) {
                expire(existing, v.reason());
            } else {
                LOG.debug("discovery skips {}: {}", m.slug(), v.reason());
            }
        }
        return CompletableFuture.allOf(work.toArray(CompletableFuture[]::new));
    }

    /** Fetches a market's parameters, or joins the fetch an overlapping poll already started. */
    private CompletableFuture<Void> fetchOnce(DiscoveryFilter.Verdict v) {
        String id = v.market().conditionId();
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> running = pending.putIfAbsent(id, mine);
        if (running != null) {
            return running;
        }
        fetchParams(v).whenComplete((x, e) -> {
            pending.remove(id, mine);
            mine.complete(null);
        });
        return mine;
    }

    private CompletableFuture<Void> fetchParams(DiscoveryFilter.Verdict v) {
        GammaMarket m = v.market();
        String clob = settings.clobUrl();
        String token = URLEncoder.encode(m.upTokenId(), StandardCharsets.UTF_8);
        return params(clob + "/clob-markets/" + URLEncoder.encode(m.conditionId(), StandardCharsets.UTF_8))
                .thenCompose(p -> p.feeRateBps() >= 0 ? CompletableFuture.completedFuture(p)
                        : params(clob + "/fee-rate?token_id=" + token).thenApply(p::orElse))
                .thenCompose(p -> p.tickE4() > 0 ? CompletableFuture.completedFuture(p)
                        : params(clob + "/tick-size?token_id=" + token).thenApply(p::orElse))
                .handle((p, error) -> {
                    if (error != null) {
                        LOG.warn("CLOB parameters of {} unavailable ({}); it waits for the next poll", m.slug(),
                                VenueHttp.describe(error));
                        return null;
                    }
                    if (Double.isNaN(p.feeRate()) || Double.isNaN(p.feeExponent())) {
                        LOG.warn("CLOB did not report the fee rate and exponent of {}; it waits for the next poll", m.slug());
                        return null;
                    }
                    publish(MarketInfos.of(v, p));
                    return null;
                });
    }

    private CompletableFuture<ClobMarketParams> params(String url) {
        return http.get(url).thenApply(body -> {
            try {
                return clobParser.parseParams(body);
            } catch (MalformedMessageException e) {
                malformed.record(e.kind(), e.getMessage());
                throw new java.util.concurrent.CompletionException(new io.velocity.core.VenueException(e.getMessage()));
            }
        });
    }

    private void publish(MarketInfo info) {
        if (closed || known.putIfAbsent(info.conditionId(), info) != null) {
            return;
        }
        LOG.info("discovered {} ({} → {}, tick {}, fee r={} e={})", info.slug(), info.windowStartMillis(),
                info.windowEndMillis(), info.tickE4(), info.feeRate(), info.feeExponent());
        store.store(info);
        sink.onMarket(info);
        each(l -> l.onNewMarket(info));
    }

    /** Expires every known market whose window has ended by {@code now}. */
    public void expireEnded(long now) {
        for (MarketInfo m : List.copyOf(known.values())) {
            if (m.windowEndMillis() <= now) {
                expire(m, "window over");
            }
        }
    }

    private void expire(MarketInfo m, String reason) {
        if (known.remove(m.conditionId()) == null) {
            return;
        }
        LOG.info("market {} expired: {}", m.slug(), reason);
        sink.onMarketExpired(m.conditionId(), reason);
        each(l -> l.onExpired(m, reason));
    }

    private void each(Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.error("discovery listener failed", e);
            }
        }
    }

    /** Markets known now (tradeable, with parameters). */
    public List<MarketInfo> markets() {
        return List.copyOf(known.values());
    }

    /** The feed's health. */
    public FeedHealth health() {
        return health;
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
    }
}
