package io.velocity.marketdata.health;

import io.velocity.core.ManualClock;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.RecordingSink;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class FeedHealthTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final RecordingSink sink = new RecordingSink();
    private final HealthRegistry registry = new HealthRegistry(clock);
    private final FeedHealth health = new FeedHealth("binance", Duration.ofSeconds(2), Duration.ofSeconds(10), clock, registry, sink);

    @Test
    void goesConnectingLiveStaleFrozenAndDownFromTransportAndMessageAge() {
        assertThat(health.evaluate()).isEqualTo(FeedState.CONNECTING);
        health.connected();
        assertThat(health.state()).isEqualTo(FeedState.CONNECTING);
        health.onData();
        assertThat(health.state()).isEqualTo(FeedState.LIVE);
        clock.advanceMillis(2_000);
        assertThat(health.evaluate()).isEqualTo(FeedState.LIVE);
        clock.advanceMillis(1);
        assertThat(health.evaluate()).isEqualTo(FeedState.STALE);
        clock.advanceMillis(8_000);
        assertThat(health.evaluate()).isEqualTo(FeedState.FROZEN);
        health.onData();
        assertThat(health.evaluate()).isEqualTo(FeedState.LIVE);
        health.disconnected("closed by the venue (1006)");
        assertThat(health.state()).isEqualTo(FeedState.DOWN);
        assertThat(sink.feedStates).extracting(s -> s.state()).containsExactly(FeedState.CONNECTING, FeedState.LIVE,
                FeedState.STALE, FeedState.FROZEN, FeedState.LIVE, FeedState.DOWN);
        assertThat(registry.get("feed.binance").state()).isEqualTo(HealthState.DOWN);
        assertThat(registry.get("feed.binance").detail()).contains("1006");
    }

    @Test
    void aConnectedSocketThatNeverSpeaksIsFrozenAfterItsThreshold() {
        health.connected();
        clock.advanceMillis(10_000);
        assertThat(health.evaluate()).isEqualTo(FeedState.CONNECTING);
        clock.advanceMillis(1);
        assertThat(health.evaluate()).isEqualTo(FeedState.FROZEN);
        assertThat(sink.feedStates.get(sink.feedStates.size() - 1).detail()).startsWith("connected but no data");
    }

    @Test
    void aProvenSilentSocketIsFrozenUntilTheNextConnection() {
        health.connected();
        health.onData();
        health.frozen("token 123 was silent while its book changed");
        assertThat(health.state()).isEqualTo(FeedState.FROZEN);
        health.onData();
        assertThat(health.evaluate()).isEqualTo(FeedState.FROZEN);
        health.connected();
        health.onData();
        assertThat(health.state()).isEqualTo(FeedState.LIVE);
        assertThat(registry.get("feed.binance").state()).isEqualTo(HealthState.UP);
    }

    @Test
    void aHealthyPollerStaysLiveFromPollToPollAndRecoversAfterFailures() {
        FeedHealth gamma = new FeedHealth("gamma", Duration.ofSeconds(90), Duration.ofSeconds(300), clock, registry, sink);
        gamma.pollSucceeded();
        for (int i = 0; i < 5; i++) {
            clock.advanceMillis(30_000);
            gamma.evaluate();
            gamma.pollSucceeded();
        }
        assertThat(sink.feedStates).extracting(s -> s.state()).containsExactly(FeedState.LIVE);
        gamma.disconnected("HTTP 503");
        gamma.pollSucceeded();
        assertThat(sink.feedStates).extracting(s -> s.state()).containsExactly(FeedState.LIVE, FeedState.DOWN, FeedState.LIVE);
    }

    @Test
    void reportsOnlyChanges() {
        health.connected();
        health.onData();
        for (int i = 0; i < 100; i++) {
            health.onData();
            health.evaluate();
        }
        assertThat(sink.feedStates).hasSize(2);
    }

    @Test
    void backoffGrowsWithJitterUpToItsCapAndResets() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(2), new SplittableRandom(1));
        long[] d = new long[8];
        for (int i = 0; i < d.length; i++) {
            d[i] = b.nextDelayMillis();
        }
        assertThat(d[0]).isBetween(50L, 100L);
        assertThat(d[1]).isBetween(100L, 200L);
        assertThat(d[2]).isBetween(200L, 400L);
        assertThat(d[7]).isBetween(1000L, 2000L);
        b.reset();
        assertThat(b.nextDelayMillis()).isBetween(50L, 100L);
    }
}
