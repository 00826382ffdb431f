package io.velocity.marketdata.it;

import io.velocity.core.Clock;
import io.velocity.core.ManualClock;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.WindowOpen;
import io.velocity.marketdata.binance.BinanceFeed;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.FeedHealthMonitor;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.marketdata.net.VenueHttp;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.telemetry.HealthRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Binance feed against the simulator over loopback. */
class BinanceFeedSimTest {
    private final ManualClock simClock = new ManualClock(SimFixture.START);
    private final VenueSimulator sim = SimFixture.manual(simClock);
    private final RecordingSink sink = new RecordingSink();
    private final FeedHealthMonitor monitor = new FeedHealthMonitor(Duration.ofMillis(50));
    private final MalformedMessages malformed = new MalformedMessages("binance", Clock.SYSTEM);
    private BinanceFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        monitor.close();
        sim.close();
    }

    private BinanceFeed feed(Duration rotateAfter) {
        FeedHealth health = monitor.watch(new FeedHealth("binance", Duration.ofSeconds(2), Duration.ofSeconds(10), Clock.SYSTEM,
                new HealthRegistry(Clock.SYSTEM), sink));
        feed = new BinanceFeed(new BinanceFeed.Settings(sim.endpoints().binanceWs(), sim.endpoints().binanceRest(),
                Map.of("btc", "btcusdt", "eth", "ethusdt", "sol", "solusdt", "xrp", "xrpusdt"), rotateAfter,
                Duration.ofMillis(500), Duration.ofMillis(300)),
                new VenueHttp(VenueHttp.newClient(Duration.ofSeconds(2)), Duration.ofSeconds(2)), sink, health, malformed, Clock.SYSTEM);
        feed.start();
        return feed;
    }

    private void advance(long millis) {
        SimFixture.advance(sim, simClock, millis);
    }

    private SpotUpdate last(String asset) {
        for (int i = sink.spots.size() - 1; i >= 0; i--) {
            if (sink.spots.get(i).asset().equals(asset)) {
                return sink.spots.get(i);
            }
        }
        return null;
    }

    @Test
    void reachesLiveAndPublishesMidTradesAndVolatilityForEveryAsset() {
        BinanceFeed f = feed(Duration.ofHours(23));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            advance(200);
            return f.health().state() == FeedState.LIVE;
        });
        for (int i = 0; i < 250; i++) {
            advance(100);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            for (String a : new String[]{"btc", "eth", "sol", "xrp"}) {
                SpotUpdate u = last(a);
                assertThat(u).as(a).isNotNull();
                assertThat(u.bid()).as(a).isPositive().isLessThanOrEqualTo(u.ask());
                assertThat(u.lastTradePrice()).as(a).isPositive();
                assertThat(u.volPerSqrtSecond()).as(a + " volatility after 25 s of trades").isPositive();
            }
        });
        double btcMid = sim.inspect(st -> st.world().assets().get("btc").mid());
        assertThat(last("btc").mid()).isCloseTo(btcMid, org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(malformed.total()).isZero();
    }

    @Test
    void rotatesBeforeTheConnectionLimitWithOverlapAndWithoutGoingDown() {
        BinanceFeed f = feed(Duration.ofMillis(1200));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            advance(100);
            return f.health().state() == FeedState.LIVE;
        });
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            advance(50);
            return f.rotations() >= 2;
        });
        assertThat(f.duplicates()).as("both connections delivered during the overlap").isPositive();
        assertThat(sink.feedStates).noneMatch(s -> s.feed().equals("binance") && s.state() == FeedState.DOWN);
        assertThat(f.reconnects()).isZero();
    }

    @Test
    void handlesServerShutdownAndDropsByConnectingAgain() {
        BinanceFeed f = feed(Duration.ofHours(23));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            advance(100);
            return f.health().state() == FeedState.LIVE;
        });
        sim.faults().serverShutdown();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            advance(50);
            return f.rotations() >= 1 && f.health().state() == FeedState.LIVE;
        });
        sim.faults().drop(FaultInjector.Feed.BINANCE);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
            advance(50);
            return f.reconnects() >= 1 && f.health().state() == FeedState.LIVE;
        });
        assertThat(sink.feedStates).anyMatch(s -> s.feed().equals("binance") && s.state() == FeedState.DOWN);
    }

    @Test
    void findsWindowOpensLiveFromTheStreamAndFromKlinesAfterAMidWindowStart() {
        BinanceFeed f = feed(Duration.ofHours(23));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            advance(100);
            return f.health().state() == FeedState.LIVE;
        });
        long now = simClock.epochMillis();
        long started = now - now % 60_000;            // a window that opened before the feed saw it
        long upcoming = started + 60_000;              // one that opens while the stream runs
        f.windowOpens().watch("btc", started);
        f.windowOpens().watch("btc", upcoming);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(20)).until(() -> {
            advance(500);
            return sink.opens.size() >= 2;
        });
        WindowOpen kline = sink.opens.stream().filter(o -> o.windowStartMillis() == started).findFirst().orElseThrow();
        WindowOpen stream = sink.opens.stream().filter(o -> o.windowStartMillis() == upcoming).findFirst().orElseThrow();
        assertThat(kline.source()).isEqualTo("kline");
        assertThat(stream.source()).isEqualTo("stream");
        double atStart = sim.inspect(st -> st.world().priceAt("btc", upcoming));
        assertThat(stream.openPrice()).isCloseTo(atStart, org.assertj.core.data.Percentage.withPercentage(0.05));
        assertThat(kline.openPrice()).isPositive();
    }
}
