package io.velocity.marketdata.it;

import io.velocity.core.Clock;
import io.velocity.core.ManualClock;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.clob.ClobUserFeed;
import io.velocity.marketdata.health.FeedHealth;
import io.velocity.marketdata.health.MalformedMessages;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.clob.ApiCredential;
import io.velocity.sim.clob.OrderRequest;
import io.velocity.sim.clob.OrderType;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.market.SimMarket;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The CLOB user channel against the simulator. */
class ClobUserFeedSimTest {
    private final ManualClock simClock = new ManualClock(SimFixture.START);
    private final VenueSimulator sim = SimFixture.manual(simClock);
    private final RecordingSink sink = new RecordingSink();
    private final ApiCredential account = sim.register(new ApiCredential("user-key-1", "c2VjcmV0LXNlY3JldA==",
            "pass-phrase-1", "0x00000000000000000000000000000000000000aa"));
    private ClobUserFeed feed;

    @AfterEach
    void stop() {
        if (feed != null) {
            feed.close();
        }
        sim.close();
    }

    private ClobUserFeed feed(String secret) {
        FeedHealth health = new FeedHealth("clobUser", Duration.ofSeconds(60), Duration.ofSeconds(120), Clock.SYSTEM,
                new HealthRegistry(Clock.SYSTEM), sink);
        feed = new ClobUserFeed(sim.endpoints().clobWsUser(), Duration.ofMillis(200), Duration.ofMillis(500),
                () -> new ClobUserFeed.Credentials(account.apiKey().toCharArray(), secret.toCharArray(),
                        account.passphrase().toCharArray()),
                sink, health, new MalformedMessages("clobUser", Clock.SYSTEM), Clock.SYSTEM);
        feed.start();
        return feed;
    }

    private void placeRestingBuy(SimMarket m, long id) {
        // 10 shares at 0.01: rests far below the market
        OrderRequest req = new OrderRequest(String.format("0x%064x", id), m.tokenId(0), "BUY", 100_000, 10_000_000,
                OrderType.GTC, false, 0, account.address());
        sim.inspect(st -> st.exchange().place(account, req, simClock.epochMillis()));
    }

    @Test
    void deliversTheAccountsOrderEventsAndStaysLiveThroughAReconnect() {
        SimFixture.advance(sim, simClock, 1_000);
        SimMarket m = SimMarkets.openQuoted(sim, 1).get(0);
        ClobUserFeed f;
        try (LogCapture logs = new LogCapture()) {
            f = feed(account.secret());
            await().atMost(Duration.ofSeconds(5)).until(() -> f.health().state() == FeedState.LIVE);
            placeRestingBuy(m, 1);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(sink.userOrders).singleElement().satisfies(o -> {
                assertThat(o.type()).isEqualTo("PLACEMENT");
                assertThat(o.tokenId()).isEqualTo(m.tokenId(0));
                assertThat(o.buy()).isTrue();
                assertThat(o.priceE4()).isEqualTo(100);
                assertThat(o.originalSizeMicros()).isEqualTo(10_000_000);
            }));
            assertThat(logs.text()).doesNotContain(account.secret()).doesNotContain(account.passphrase());
        }
        sim.faults().drop(FaultInjector.Feed.CLOB_USER);
        await().atMost(Duration.ofSeconds(5)).until(() -> f.reconnects() >= 1 && f.health().state() == FeedState.LIVE);
        placeRestingBuy(m, 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> sink.userOrders.size() == 2);
    }

    @Test
    void badCredentialsAreRefusedAndTheFeedKeepsRetrying() {
        ClobUserFeed f = feed("wrong-secret");
        await().atMost(Duration.ofSeconds(5)).until(() -> f.reconnects() >= 2);
        assertThat(sink.feedStates).anyMatch(s -> s.feed().equals("clobUser") && s.state() == FeedState.DOWN
                && s.detail().contains("Unauthorized"));
    }
}
