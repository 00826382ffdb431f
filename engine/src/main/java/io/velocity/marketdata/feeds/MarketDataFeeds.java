package io.velocity.marketdata.feeds;

import io.velocity.config.AppConfig;
import io.velocity.config.FeedHealthConfig;
import io.velocity.config.VenuesConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.binance.BinanceSpot;
import io.velocity.marketdata.binance.WindowOpens;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.gamma.DiscoveryFilter;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.FeedHealthMonitor;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.storage.redis.MarketMeta;
import io.velocity.storage.redis.RedisStore;
import io.velocity.telemetry.HealthRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Every market-data feed of a run, wired together: Gamma discovery finds the windows and hands
 * their tokens to the CLOB book feed and their opens to the Binance window tracker; Binance,
 * the books and Allora publish into the engine's {@link MarketDataSink}; each feed reports its
 * health (connecting, live, stale, frozen, down) to the health model and the sink. Market
 * parameters and book tops are mirrored to Redis when a store is given.
 */
public final class MarketDataFeeds implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MarketDataFeeds.class);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final ScheduledExecutorService scheduler;
    private final ClobBookFeed books;

    private MarketDataFeeds(ScheduledExecutorService scheduler, ClobBookFeed books) {
        this.scheduler = scheduler;
        this.books = books;
    }

    /**
     * Starts every feed.
     *
     * @param venues    venue endpoints (the simulator's in paper-on-simulated-feeds mode)
     * @param alloraKey the Allora API key (copied; the caller zeroes its own array)
     * @param redis     the hot store for mirrors, or null
     */
    public static MarketDataFeeds start(AppConfig app, VenuesConfig venues, MarketDataSink sink, HealthRegistry health,
                                        Clock clock, char[] alloraKey, RedisStore redis) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2,
                r -> Thread.ofPlatform().name("feeds").daemon().unstarted(r));
        VenueGet http = new VenueGet(VenueGet.newClient(), venues.clob().requestTimeout().multipliedBy(3));
        FeedHealthMonitor monitor = new FeedHealthMonitor(Duration.ofMillis(500));
        FeedHealthConfig fh = app.feedHealth();
        FeedHealth binanceHealth = monitor.watch(new FeedHealth("binance", fh.binance().staleAfter(), fh.binance().frozenAfter(), clock, health, sink));
        FeedHealth clobHealth = monitor.watch(new FeedHealth("clobMarket", fh.clobMarket().staleAfter(), fh.clobMarket().frozenAfter(), clock, health, sink));
        FeedHealth alloraHealth = monitor.watch(new FeedHealth("allora", fh.allora().staleAfter(), fh.allora().frozenAfter(), clock, health, sink));
        FeedHealth gammaHealth = monitor.watch(new FeedHealth("gamma", fh.gamma().staleAfter(), fh.gamma().frozenAfter(), clock, health, sink));

        BookMirror mirror = redis == null ? BookMirror.NONE : new RedisBookMirror(redis, scheduler);
        ClobBookFeed books = new ClobBookFeed(venues.clob(), http, sink, mirror, clobHealth,
                new MalformedMessages("clobMarket", clock), scheduler, fh.clobMarket().frozenAfter(), clock,
                app.engine().bookLevels());
        MarketDataFeeds feeds = new MarketDataFeeds(scheduler, books);

        WindowOpens[] opens = new WindowOpens[1];
        opens[0] = new WindowOpens(sink, BinanceFeed.klineFetcher(venues.binance(), http, opens), clock);
        Map<String, String> symbols = new LinkedHashMap<>();
        for (String asset : app.markets().assets()) {
            String symbol = venues.binance().symbols().get(asset);
            if (symbol != null) {
                symbols.put(asset, symbol);
            }
        }
        VenuesConfig.Binance binanceCfg = new VenuesConfig.Binance(venues.binance().restUrl(), venues.binance().wsUrl(),
                symbols, venues.binance().rotateAfter(), venues.binance().maxReconnectBackoff());
        BinanceFeed[] binance = new BinanceFeed[1];
        BinanceSpot spot = new BinanceSpot(symbols, sink, opens[0], clock, () -> binance[0].rotate());
        binance[0] = new BinanceFeed(binanceCfg, spot, binanceHealth, new MalformedMessages("binance", clock), scheduler,
                opens[0]::onStreamGap);

        GammaDiscovery gamma = new GammaDiscovery(venues.gamma(), venues.clob().restUrl(),
                new DiscoveryFilter(app.markets().assets(), app.markets().durations(), app.markets().minLiquidityUsd(),
                        app.feeds() == io.velocity.config.FeedSource.SIM ? app.sim().timeCompression() : 1.0),
                http, sink, gammaHealth, new MalformedMessages("gamma", clock), scheduler, clock,
                m -> {
                    books.track(m);
                    opens[0].watch(m.asset(), m.windowStartMillis());
                    if (redis != null) {
                        redis.putMarket(meta(m));
                    }
                },
                m -> {
                    books.untrack(m);
                    opens[0].forget(m.asset(), m.windowStartMillis());
                });
        AlloraPoller allora = new AlloraPoller(venues.allora(), http, java.util.Arrays.copyOf(alloraKey, alloraKey.length),
                sink, alloraHealth, new MalformedMessages("allora", clock), scheduler, clock);

        feeds.parts.push(monitor);
        feeds.parts.push(books);
        feeds.parts.push(binance[0]);
        feeds.parts.push(gamma);
        feeds.parts.push(allora);
        books.start();
        binance[0].start();
        gamma.start();
        allora.start();
        log.info("market data: Binance {}, Gamma {}, CLOB {}, Allora {}", venues.binance().wsUrl(), venues.gamma().url(),
                venues.clob().wsMarketUrl(), venues.allora().url());
        return feeds;
    }

    private static MarketMeta meta(MarketInfo m) {
        return new MarketMeta(m.conditionId(), m.asset(), m.upTokenId(), m.downTokenId(), m.feeRate(), m.feeExponent(),
                m.feeRateBps(), m.tickE4() * 100L, m.minOrderSizeMicros(), m.windowStartMillis(), m.windowEndMillis(),
                m.negRisk(), false);
    }

    /** Book changes applied since start (health, tests). */
    public long bookChangesApplied() {
        return books.applied();
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                log.warn("stopping a feed failed: {}", e.getMessage());
            }
        }
        scheduler.shutdownNow();
    }
}
