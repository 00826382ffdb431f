package io.velocity.marketdata.it;

import io.velocity.core.ManualClock;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.clob.BookMirror;
import io.velocity.marketdata.clob.ClobBooks;
import io.velocity.marketdata.clob.ClobMarketFeed;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.FeedHealthMonitor;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.market.SimMarket;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CLOB market feed against the simulator over loopback. */
class ClobMarketFeedSimTest {
    private final ManualClock simClock = new ManualClock(SimFixture.START);
    private final VenueSimulator sim = SimFixture.manual(simClock);
    private final RecordingSink sink = new RecordingSink();
    private final HealthRegistry registry = new HealthRegistry(io.velocity.core.Clock.SYSTEM);
    private final FeedHealthMonitor monitor = new FeedHealthMonitor(Duration.ofMillis(50));
    private ClobMarketFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        monitor.close();
        sim.close();
    }

    private ClobMarketFeed feed(Duration staleAfter, Duration frozenAfter) {
        FeedHealth health = monitor.watch(new FeedHealth("clobMarket", staleAfter, frozenAfter, io.velocity.core.Clock.SYSTEM,
                registry, sink));
        ClobMarketFeed.Settings settings = new ClobMarketFeed.Settings(sim.endpoints().clobWsMarket(), sim.endpoints().clobRest(),
                Duration.ofMillis(500), staleAfter, Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofMillis(500), 10);
        VenueHttp http = new VenueHttp(VenueHttp.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(2));
        feed = new ClobMarketFeed(settings, http, sink, health, new MalformedMessages("clobMarket", io.velocity.core.Clock.SYSTEM),
                BookMirror.NONE, io.velocity.core.Clock.SYSTEM);
        feed.start();
        return feed;
    }

    private void advance(long millis) {
        SimFixture.advance(sim, simClock, millis);
    }

    private String firstDifference(List<SimMarket> markets) {
        for (SimMarket m : markets) {
            for (int o = 0; o < 2; o++) {
                int outcome = o;
                String d = SimMarkets.difference(SimMarkets.simBook(sim, m, o),
                        feed.withBooks(b -> b.state(m.tokenId(outcome)) == ClobBooks.TokenState.LIVE ? copy(b, m.tokenId(outcome)) : null));
                if (d != null) {
                    return m.slug() + "/" + o + ": " + d;
                }
            }
        }
        return null;
    }

    private static io.velocity.book.OrderBook copy(ClobBooks b, String token) {
        io.velocity.book.OrderBook c = new io.velocity.book.OrderBook();
        c.copyFrom(b.book(token));
        return c;
    }

    @Test
    void booksEqualTheSimulatorsAfter100kUpdatesWithForcedGapsHashMismatchesAndReconnects() {
        advance(1_000);
        ClobMarketFeed f = feed(Duration.ofSeconds(5), Duration.ofSeconds(20));
        List<SimMarket> tracked = new ArrayList<>(follow(f, new ArrayList<>()));
        assertThat(tracked).isNotEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.health().state() == FeedState.LIVE);
        await().atMost(Duration.ofSeconds(10)).until(() -> firstDifference(tracked) == null);

        long target = 100_000;
        int round = 0;
        List<String> faults = new ArrayList<>();
        while (f.withBooks(ClobBooks::applied) < target) {
            advance(200);
            round++;
            if (round % 50 == 0) {
                follow(f, tracked); // like discovery: new windows in, ended ones out
            }
            if (round % 150 == 0) {
                switch ((round / 150) % 3) {
                    case 0 -> {
                        sim.faults().bookGap(3);
                        faults.add("gap");
                    }
                    case 1 -> {
                        sim.faults().bookHashMismatch(2);
                        faults.add("hash");
                    }
                    default -> {
                        sim.faults().drop(FaultInjector.Feed.CLOB_MARKET);
                        faults.add("drop");
                    }
                }
            }
            if (round % 25 == 0) {
                // let the socket and the REST resyncs catch up with the world now and then
                await().atMost(Duration.ofSeconds(10)).until(() -> f.health().state() == FeedState.LIVE);
            }
            assertThat(round).as("the simulator stopped producing book updates").isLessThan(20_000);
        }
        assertThat(faults).contains("gap", "hash", "drop");
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(firstDifference(tracked)).isNull());
        assertThat(f.withBooks(ClobBooks::gaps)).isPositive();
        assertThat(f.reconnects()).isPositive();
        assertThat(f.withBooks(ClobBooks::hashStats)).doesNotContain("(off)");
        assertThat(registry.get("feed.clobMarket").state()).isEqualTo(HealthState.UP);
    }

    /** Tracks the open quoted markets and untracks the ones that closed, as discovery would. */
    private List<SimMarket> follow(ClobMarketFeed f, List<SimMarket> tracked) {
        List<SimMarket> open = SimMarkets.openQuoted(sim, 6);
        for (SimMarket m : List.copyOf(tracked)) {
            if (!open.contains(m)) {
                f.untrack(SimMarkets.info(m));
                tracked.remove(m);
            }
        }
        for (SimMarket m : open) {
            if (!tracked.contains(m)) {
                f.track(SimMarkets.info(m));
                tracked.add(m);
            }
        }
        return tracked;
    }

    @Test
    void detectsAFrozenButConnectedSocketWithinItsThresholdAndRecovers() {
        advance(1_000);
        List<SimMarket> markets = SimMarkets.openQuoted(sim, 2);
        ClobMarketFeed f = feed(Duration.ofMillis(800), Duration.ofMillis(1500));
        markets.forEach(m -> f.track(SimMarkets.info(m)));
        await().atMost(Duration.ofSeconds(10)).until(() -> f.health().state() == FeedState.LIVE);
        sim.faults().freeze(FaultInjector.Feed.CLOB_MARKET);
        long frozenAt = System.nanoTime();
        // the world keeps moving, the socket says nothing (PONGs still answered)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20)).until(() -> {
            advance(100);
            return sink.feedStates.stream().anyMatch(s -> s.feed().equals("clobMarket") && s.state() == FeedState.FROZEN);
        });
        long detectedMillis = (System.nanoTime() - frozenAt) / 1_000_000;
        assertThat(detectedMillis).isLessThan(1500 + 1000);
        assertThat(f.lastPongMillis()).isPositive();
        sim.faults().unfreeze(FaultInjector.Feed.CLOB_MARKET);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.health().state() == FeedState.LIVE);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(firstDifference(markets)).isNull());
    }

    @Test
    void followsDiscoveryBySubscribingNewTokensAndDroppingExpiredOnes() {
        advance(1_000);
        List<SimMarket> markets = SimMarkets.openQuoted(sim, 2);
        ClobMarketFeed f = feed(Duration.ofSeconds(5), Duration.ofSeconds(20));
        MarketInfo first = SimMarkets.info(markets.get(0));
        f.track(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.lastTop(first.upTokenId()) != null);
        MarketInfo second = SimMarkets.info(markets.get(1));
        f.track(second);
        await().atMost(Duration.ofSeconds(10)).until(() -> sink.lastTop(second.downTokenId()) != null);
        f.untrack(first);
        assertThat(new ArrayList<>(f.withBooks(ClobBooks::tokens))).containsExactlyInAnyOrder(second.upTokenId(), second.downTokenId());
        int before = (int) sink.tops.stream().filter(t -> t.tokenId().equals(first.upTokenId())).count();
        for (int i = 0; i < 20; i++) {
            advance(200);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> firstDifference(List.of(markets.get(1))) == null);
        assertThat(sink.tops.stream().filter(t -> t.tokenId().equals(first.upTokenId())).count()).isEqualTo(before);
    }
}
