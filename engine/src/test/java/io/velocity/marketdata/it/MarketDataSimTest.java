package io.velocity.marketdata.it;

import io.velocity.config.AppConfig;
import io.velocity.core.ManualClock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.MarketData;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.gamma.MarketParamsStore;
import io.velocity.sim.SimEndpoints;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.market.SimMarket;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every market-data feed wired from configuration, against the simulator over loopback. */
class MarketDataSimTest {
    private final ManualClock simClock = new ManualClock(SimFixture.START);
    private final VenueSimulator sim = SimFixture.manual(simClock);
    private final RecordingSink sink = new RecordingSink();
    private final HealthRegistry registry = new HealthRegistry(simClock);
    private final List<MarketInfo> stored = new CopyOnWriteArrayList<>();
    private MarketData md;

    @AfterEach
    void stop() {
        if (md != null) {
            md.close();
        }
        sim.close();
    }

    private static AppConfig config(SimEndpoints e) {
        return SimFixture.config("venues.binance.restUrl=" + e.binanceRest(), "venues.binance.wsUrl=" + e.binanceWs(),
                "venues.gamma.url=" + e.gamma(), "venues.clob.restUrl=" + e.clobRest(),
                "venues.clob.wsMarketUrl=" + e.clobWsMarket(), "venues.clob.wsUserUrl=" + e.clobWsUser(),
                "venues.allora.url=" + e.allora());
    }

    private MarketData start() {
        AppConfig cfg = config(sim.endpoints());
        md = new MarketData(new MarketData.Dependencies(cfg, cfg.venues(), sink, registry, simClock,
                "sim-allora-key"::toCharArray, BookMirror.NONE, stored::add, false));
        md.start();
        return md;
    }

    private void advance(long millis) {
        SimFixture.advance(sim, simClock, millis);
    }

    @Test
    void everyFeedReachesLive() {
        MarketData m = start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            advance(100);
            for (String c : List.of("feed.binance", "feed.clobMarket", "feed.gamma", "feed.allora", "clock")) {
                assertThat(registry.get(c).state()).as(c + ": " + registry.get(c).detail()).isEqualTo(HealthState.UP);
            }
        });
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(sink.markets).isNotEmpty();
            assertThat(sink.tops).isNotEmpty();
            assertThat(sink.spots).isNotEmpty();
            assertThat(sink.signals).isNotEmpty();
        });
        assertThat(stored).hasSameSizeAs(sink.markets);
        assertThat(sink.feedStates).anyMatch(s -> s.feed().equals("clobMarket") && s.state() == FeedState.LIVE);
        for (AlloraSignal s : sink.signals) {
            assertThat(s.accepted() ? s.stalenessRatio() <= 0.05 : !s.rejectReason().isEmpty()).as(s.toString()).isTrue();
        }
        assertThat(m.malformedCounts().values()).allMatch(java.util.Map::isEmpty);
    }

    @Test
    void discoveryPublishesExactlyTheOpenLiquidUpDownWindowsWithTheirClobParameters() throws Exception {
        advance(2_000);
        MarketData m = start();
        m.discovery().pollOnce().get(10, TimeUnit.SECONDS);
        long now = simClock.epochMillis();
        Set<String> expected = sim.inspect(st -> st.catalog().markets().stream()
                .filter(SimMarket::upDown)
                .filter(x -> !x.closed() && x.endMillis() > now && x.endMillis() <= now + 2 * 1_800_000L)
                .filter(x -> x.liquidityUsd() > 2000)
                .map(SimMarket::slug).collect(Collectors.toCollection(TreeSet::new)));
        Set<String> found = m.discovery().markets().stream().map(MarketInfo::slug).collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).isEqualTo(expected).isNotEmpty();
        MarketInfo any = m.discovery().markets().get(0);
        assertThat(any.feeRate()).isEqualTo(0.07);
        assertThat(any.feeExponent()).isEqualTo(1.0);
        assertThat(any.feeRateBps()).isNotNegative();
        assertThat(any.tickE4()).isEqualTo(100);
        assertThat(any.minOrderSizeMicros()).isEqualTo(5_000_000);
        assertThat(any.windowEndMillis()).isGreaterThan(any.windowStartMillis());
        boolean lowLiquidityExists = sim.inspect(st -> st.catalog().markets().stream()
                .anyMatch(x -> x.upDown() && !x.closed() && x.liquidityUsd() <= 2000));
        if (lowLiquidityExists) {
            assertThat(found).hasSizeLessThan(sim.inspect(st -> (int) st.catalog().markets().stream()
                    .filter(x -> x.upDown() && !x.closed() && x.endMillis() > now && x.endMillis() <= now + 3_600_000L).count()));
        }
    }

    @Test
    void malformedMessagesAreCountedLoggedOncePerKindAndNeverKillAFeed() {
        MarketData m = start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> {
            advance(100);
            assertThat(registry.get("feed.binance").state()).isEqualTo(HealthState.UP);
            assertThat(registry.get("feed.clobMarket").state()).isEqualTo(HealthState.UP);
            assertThat(sink.tops).isNotEmpty();
        });
        try (io.velocity.telemetry.LogCapture logs = new io.velocity.telemetry.LogCapture()) {
            sim.faults().malformedNext(io.velocity.sim.fault.FaultInjector.Feed.BINANCE, 20);
            sim.faults().malformedNext(io.velocity.sim.fault.FaultInjector.Feed.CLOB_MARKET, 20);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                advance(100);
                long binance = m.malformedCounts().get("binance").values().stream().mapToLong(Long::longValue).sum();
                long clob = m.malformedCounts().get("clobMarket").values().stream().mapToLong(Long::longValue).sum();
                assertThat(binance).isEqualTo(20);
                assertThat(clob).isEqualTo(20);
            });
            int spots = sink.spots.size();
            int tops = sink.tops.size();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
                advance(100);
                assertThat(sink.spots.size()).isGreaterThan(spots);
                assertThat(sink.tops.size()).isGreaterThan(tops);
                assertThat(registry.get("feed.binance").state()).isEqualTo(HealthState.UP);
                assertThat(registry.get("feed.clobMarket").state()).isEqualTo(HealthState.UP);
            });
            long lines = logs.text().lines().filter(l -> l.contains("message(s) since the last report")).count();
            long kinds = m.malformedCounts().values().stream().mapToLong(java.util.Map::size).sum();
            assertThat(lines).isEqualTo(kinds);
        }
    }

    @Test
    void mirrorsBooksAndStoresMarketParametersInRedis() throws Exception {
        AppConfig cfg = config(sim.endpoints());
        try (io.velocity.storage.redis.RedisStore redis = io.velocity.storage.redis.RedisStore.connect(
                io.velocity.storage.SharedStores.redis().url())) {
            md = MarketData.start(cfg, cfg.venues(), sink, registry, simClock, "k".toCharArray(), redis);
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() -> {
                advance(100);
                return !sink.markets.isEmpty() && !sink.tops.isEmpty();
            });
            MarketInfo m = sink.markets.get(0);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                var meta = redis.market(m.conditionId()).toCompletableFuture().get().orElseThrow();
                assertThat(meta.upTokenId()).isEqualTo(m.upTokenId());
                assertThat(meta.feeRate()).isEqualTo(m.feeRate());
                assertThat(meta.feeRateBps()).isEqualTo(m.feeRateBps());
                assertThat(meta.minTickSizeMicros()).isEqualTo(m.tickE4() * 100L);
            });
            md.close(); // flushes the mirror
            md = null;
            String token = sink.tops.get(sink.tops.size() - 1).tokenId();
            io.velocity.marketdata.BookTop top = sink.lastTop(token);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                var bids = redis.book(token, io.velocity.storage.redis.BookSide.BIDS).toCompletableFuture().get();
                assertThat(bids).hasSize(top.bidDepth());
                if (top.bidDepth() > 0) {
                    assertThat(bids).anySatisfy(l -> {
                        assertThat(l.priceMicros()).isEqualTo(top.bidPrices()[0] * 100);
                        assertThat(l.sizeMicros()).isEqualTo(top.bidSizes()[0]);
                    });
                }
            });
        }
    }

    @Test
    void expiresMarketsWhenTheirWindowEndsAndDropsTheirBooks() throws Exception {
        MarketData m = start();
        m.discovery().pollOnce().get(10, TimeUnit.SECONDS);
        MarketInfo first = m.discovery().markets().stream()
                .min(java.util.Comparator.comparingLong(MarketInfo::windowEndMillis)).orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                m.clobMarket().withBooks(b -> b.tokens().contains(first.upTokenId())));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20)).until(() -> {
            advance(1_000);
            return sink.expired.contains(first.conditionId() + ": window over");
        });
        boolean stillTracked = m.clobMarket().withBooks(b -> b.tokens().contains(first.upTokenId()));
        assertThat(stillTracked).isFalse();
        assertThat(m.discovery().markets()).doesNotContain(first);
    }

    @Test
    void clockSkewInjectedInTheSimulatorRaisesTheDriftAlarm() {
        MarketData m = start();
        assertThat(m.clockDrift().check()).isFalse();
        sim.faults().clockSkew(1_500);
        assertThat(m.clockDrift().check()).isTrue();
        assertThat(registry.get("clock").state()).isEqualTo(HealthState.DOWN);
        assertThat(registry.get("clock").detail()).contains("binance +1500 ms");
        assertThat(sink.feedStates).anyMatch(s -> s.feed().equals("clock") && s.state() == FeedState.DOWN);
        sim.faults().clockSkew(0);
        assertThat(m.clockDrift().check()).isFalse();
        assertThat(sink.lastState("clock")).isEqualTo(FeedState.LIVE);
    }
}
