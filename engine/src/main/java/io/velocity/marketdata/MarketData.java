package io.velocity.marketdata;

import io.velocity.config.AppConfig;
import io.velocity.config.FeedHealthConfig;
import io.velocity.config.VenuesConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.allora.AlloraPoller;
import io.velocity.marketdata.binance.BinanceFeed;
import io.velocity.marketdata.binance.BinanceTimeSource;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.clob.ClobMarketFeed;
import io.velocity.marketdata.clob.ClobUserFeed;
import io.velocity.marketdata.gamma.GammaDiscovery;
import io.velocity.marketdata.gamma.MarketParamsStore;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.FeedHealthMonitor;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.clock.ClockDriftMonitor;
import io.velocity.telemetry.clock.NtpTimeSource;
import io.velocity.telemetry.clock.TimeSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every market-data feed wired together from the configuration: Binance (spot, volatility,
 * window opens), Gamma discovery, the CLOB market channel (books), the CLOB user channel (live
 * trading only), Allora signals, feed health and clock drift. Discovery drives the book
 * subscriptions and the window-open tracker. All output goes to one {@link MarketDataSink};
 * health goes to the {@link HealthRegistry} ({@code feed.binance}, {@code feed.clobMarket},
 * {@code feed.clobUser}, {@code feed.allora}, {@code feed.gamma}, {@code clock}) and to the
 * sink's {@code onFeedState} (clock drift as feed {@code clock}).
 *
 * <p>The venue URLs come from {@link Dependencies#venues()}: the configured ones, or for simulated
 * feeds the simulator's ({@code SimEndpoints.applyTo}).
 */
public final class MarketData implements AutoCloseable {

    /**
     * What the feeds need from the application.
     *
     * @param config      the configuration (markets, feedHealth, clock, engine.bookLevels)
     * @param venues      the venue endpoints to use (the configured ones, or the simulator's)
     * @param sink        where every update goes (the engine's ring)
     * @param health      the health registry
     * @param clock       wall and monotonic time (the simulator's clock in simulated runs)
     * @param alloraKey   the Allora API key from the keystore, read per request; never logged
     * @param bookMirror  Redis mirror of the books ({@link BookMirror#NONE} without a hot store)
     * @param paramsStore where market parameters are stored ({@link MarketParamsStore#NONE} without one)
     * @param ntp         whether to ask the configured NTP servers (off in tests: no network)
     * @param userCredentials CLOB L2 credentials for the user channel, read at each connection; null
     *                    leaves the user channel off (paper trading has no venue account)
     */
    public record Dependencies(AppConfig config, VenuesConfig venues, MarketDataSink sink, HealthRegistry health, Clock clock,
                               Supplier<char[]> alloraKey, BookMirror bookMirror, MarketParamsStore paramsStore,
                               boolean ntp, Supplier<ClobUserFeed.Credentials> userCredentials) {
    }

    private final Map<String, MalformedMessages> malformed = new LinkedHashMap<>();
    private final FeedHealthMonitor monitor;
    private final BinanceFeed binance;
    private final ClobMarketFeed clobMarket;
    private final GammaDiscovery discovery;
    private final AlloraPoller allora;
    private final ClobUserFeed clobUser;
    private final ClockDriftMonitor clockDrift;
    private final AppConfig config;

    /**
     * Builds and starts every feed against {@code venues} (the simulator's in paper-on-simulated
     * feeds), mirroring books and market parameters to {@code redis} when one is given.
     *
     * @param alloraKey the Allora API key (copied; the caller zeroes its own array)
     */
    public static MarketData start(AppConfig app, VenuesConfig venues, MarketDataSink sink, HealthRegistry health, Clock clock,
                                   char[] alloraKey, io.velocity.storage.redis.RedisStore redis) {
        return start(app, venues, sink, health, clock, alloraKey, redis, null);
    }

    /**
     * As {@link #start(AppConfig, VenuesConfig, MarketDataSink, HealthRegistry, Clock, char[],
     * io.velocity.storage.redis.RedisStore)} with the CLOB user channel on (live trading).
     *
     * @param userCredentials read at each user-channel connection; null leaves the channel off
     */
    public static MarketData start(AppConfig app, VenuesConfig venues, MarketDataSink sink, HealthRegistry health, Clock clock,
                                   char[] alloraKey, io.velocity.storage.redis.RedisStore redis,
                                   Supplier<ClobUserFeed.Credentials> userCredentials) {
        char[] key = java.util.Arrays.copyOf(alloraKey, alloraKey.length);
        io.velocity.marketdata.redis.RedisBookMirror mirror = redis == null ? null
                : new io.velocity.marketdata.redis.RedisBookMirror(redis, Duration.ofMillis(200));
        MarketData md = new MarketData(new Dependencies(app, venues, sink, health, clock,
                () -> java.util.Arrays.copyOf(key, key.length), mirror == null ? BookMirror.NONE : mirror,
                redis == null ? MarketParamsStore.NONE : new io.velocity.marketdata.redis.RedisMarketParamsStore(redis),
                // against the simulator (the default run works offline) the drift reference is its Binance time
                app.feeds() != io.velocity.config.FeedSource.SIM, userCredentials));
        md.onClose(() -> java.util.Arrays.fill(key, '\0'));
        if (mirror != null) {
            md.onClose(mirror::close);
        }
        md.start();
        return md;
    }

    private final java.util.Deque<Runnable> onClose = new java.util.ArrayDeque<>();

    private void onClose(Runnable r) {
        onClose.push(r);
    }

    public MarketData(Dependencies d) {
        this.config = d.config();
        VenuesConfig v = d.venues();
        FeedHealthConfig fh = config.feedHealth();
        Clock clock = d.clock();
        VenueHttp http = new VenueHttp(VenueHttp.newClient(Duration.ofSeconds(5)), v.clob().requestTimeout());
        monitor = new FeedHealthMonitor(Duration.ofMillis(100));

        binance = new BinanceFeed(new BinanceFeed.Settings(v.binance().wsUrl(), v.binance().restUrl(),
                symbols(v.binance().symbols(), config.markets().assets()), v.binance().rotateAfter(),
                v.binance().maxReconnectBackoff(), Duration.ofSeconds(2)), http, d.sink(),
                health("binance", fh.binance(), d), malformed("binance", clock), clock);

        ClobMarketFeed.Settings clobSettings = ClobMarketFeed.Settings.of(v.clob().wsMarketUrl(), v.clob().restUrl(),
                fh.clobMarket().staleAfter(), v.binance().maxReconnectBackoff());
        clobSettings = new ClobMarketFeed.Settings(clobSettings.wsUrl(), clobSettings.restUrl(), clobSettings.pingInterval(),
                clobSettings.silentAfter(), clobSettings.auditInterval(), clobSettings.hashGrace(), clobSettings.maxBackoff(),
                Math.max(config.engine().bookLevels(), 10));
        clobMarket = new ClobMarketFeed(clobSettings, http, d.sink(),
                health("clobMarket", fh.clobMarket(), d), malformed("clobMarket", clock), d.bookMirror(), clock);

        GammaDiscovery.Listener wiring = new GammaDiscovery.Listener() {
            @Override
            public void onNewMarket(MarketInfo m) {
                clobMarket.track(m);
                binance.windowOpens().watch(m.asset(), m.windowStartMillis());
            }

            @Override
            public void onExpired(MarketInfo m, String reason) {
                clobMarket.untrack(m);
                binance.windowOpens().forget(m.asset(), m.windowStartMillis());
            }
        };
        discovery = new GammaDiscovery(new GammaDiscovery.Settings(v.gamma().url(), v.clob().restUrl(), v.gamma().pollInterval(),
                v.gamma().pollJitter(), config.markets().assets(), config.markets().durations(),
                config.markets().minLiquidityUsd(), 2,
                config.feeds() == io.velocity.config.FeedSource.SIM ? config.sim().timeCompression() : 1.0), http, d.sink(), health("gamma", fh.gamma(), d),
                malformed("gamma", clock), d.paramsStore(), clock, List.of(wiring));

        allora = new AlloraPoller(new AlloraPoller.Settings(v.allora().url(), v.allora().chainSlug(), v.allora().lcdUrl(),
                v.allora().topics(), v.allora().pollInterval(), v.allora().maxStalenessRatio()), http, d.sink(),
                health("allora", fh.allora(), d), malformed("allora", clock), d.alloraKey(), clock);

        clobUser = d.userCredentials() == null ? null : new ClobUserFeed(v.clob().wsUserUrl(), Duration.ofSeconds(10),
                v.binance().maxReconnectBackoff(), d.userCredentials(), d.sink(), health("clobUser", fh.clobUser(), d),
                malformed("clobUser", clock), clock);

        List<TimeSource> sources = new ArrayList<>();
        if (d.ntp() && !config.clock().ntpServers().isEmpty()) {
            sources.add(new NtpTimeSource(config.clock().ntpServers(), Duration.ofSeconds(2)));
        }
        sources.add(new BinanceTimeSource(v.binance().restUrl(), http, clock, Duration.ofSeconds(5)));
        clockDrift = new ClockDriftMonitor(sources, config.clock().maxDrift(), d.health(), (alarm, detail) ->
                d.sink().onFeedState(new FeedStatus(ClockDriftMonitor.COMPONENT, alarm ? FeedState.DOWN : FeedState.LIVE,
                        detail, -1)));
    }

    private FeedHealth health(String feed, FeedHealthConfig.Thresholds t, Dependencies d) {
        return monitor.watch(new FeedHealth(feed, t.staleAfter(), t.frozenAfter(), d.clock(), d.health(), d.sink()));
    }

    private MalformedMessages malformed(String feed, Clock clock) {
        return malformed.computeIfAbsent(feed, f -> new MalformedMessages(f, clock));
    }

    /** Only the symbols of traded assets. */
    private static Map<String, String> symbols(Map<String, String> all, List<String> assets) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String a : assets) {
            String s = all.get(a);
            if (s != null) {
                out.put(a, s);
            }
        }
        return out;
    }

    /** Starts every feed. */
    public void start() {
        binance.start();
        clobMarket.start();
        discovery.start();
        allora.start();
        if (clobUser != null) {
            clobUser.start();
        }
        clockDrift.start(config.clock().checkInterval());
    }

    public BinanceFeed binance() {
        return binance;
    }

    public ClobMarketFeed clobMarket() {
        return clobMarket;
    }

    public GammaDiscovery discovery() {
        return discovery;
    }

    public AlloraPoller allora() {
        return allora;
    }

    /** The user channel, null when off. */
    public ClobUserFeed clobUser() {
        return clobUser;
    }

    public ClockDriftMonitor clockDrift() {
        return clockDrift;
    }

    /** Malformed or unexpected messages per feed and kind since start. */
    public Map<String, Map<String, Long>> malformedCounts() {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        malformed.forEach((feed, m) -> out.put(feed, m.snapshot()));
        return out;
    }

    @Override
    public void close() {
        clockDrift.close();
        while (!onClose.isEmpty()) {
            onClose.pop().run();
        }
        allora.close();
        if (clobUser != null) {
            clobUser.close();
        }
        discovery.close();
        clobMarket.close();
        binance.close();
        monitor.close();
    }
}
