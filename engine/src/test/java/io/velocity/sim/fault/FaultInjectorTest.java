package io.velocity.sim.fault;

import io.velocity.core.InputException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTest {
    @Test
    void restFaultsAreConsumedOneRequestAtATime() {
        FaultInjector f = new FaultInjector();
        f.apply("5xx:clob:2");
        f.apply("429:gamma");
        assertThat(f.nextHttpFault(FaultInjector.Venue.CLOB)).isEqualTo(FaultInjector.HttpFault.SERVER_ERROR);
        assertThat(f.nextHttpFault(FaultInjector.Venue.CLOB)).isEqualTo(FaultInjector.HttpFault.SERVER_ERROR);
        assertThat(f.nextHttpFault(FaultInjector.Venue.CLOB)).isEqualTo(FaultInjector.HttpFault.NONE);
        assertThat(f.nextHttpFault(FaultInjector.Venue.GAMMA)).isEqualTo(FaultInjector.HttpFault.RATE_LIMITED);
        f.apply("timeout:allora:1");
        f.apply("delay:binance:250");
        assertThat(f.nextHttpFault(FaultInjector.Venue.ALLORA)).isEqualTo(FaultInjector.HttpFault.TIMEOUT);
        assertThat(f.delayMillis(FaultInjector.Venue.BINANCE)).isEqualTo(250);
        assertThat(f.delayMillis(FaultInjector.Feed.BINANCE)).isEqualTo(250);
    }

    @Test
    void streamFaultsFreezeDropAndGarble() {
        FaultInjector f = new FaultInjector();
        List<FaultInjector.Feed> dropped = new ArrayList<>();
        f.onDrop(dropped::add);
        f.apply("freeze:clob-market");
        f.apply("drop:clob-user");
        f.apply("malformed:binance-ws:2");
        f.apply("gap:clob-market:3");
        f.apply("hash:2");
        f.apply("skew:-750");
        assertThat(f.frozen(FaultInjector.Feed.CLOB_MARKET)).isTrue();
        assertThat(dropped).containsExactly(FaultInjector.Feed.CLOB_USER);
        assertThat(f.takeMalformed(FaultInjector.Feed.BINANCE)).isTrue();
        assertThat(f.takeMalformed(FaultInjector.Feed.BINANCE)).isTrue();
        assertThat(f.takeMalformed(FaultInjector.Feed.BINANCE)).isFalse();
        assertThat(f.takeBookGap()).isTrue();
        assertThat(f.takeHashMismatch()).isTrue();
        assertThat(f.skewMillis()).isEqualTo(-750);
        f.clear();
        assertThat(f.frozen(FaultInjector.Feed.CLOB_MARKET)).isFalse();
        assertThat(f.takeBookGap()).isFalse();
        assertThat(f.skewMillis()).isZero();
    }

    @Test
    void badSpecsNameWhatIsWrong() {
        FaultInjector f = new FaultInjector();
        assertThatThrownBy(() -> f.apply("melt:clob")).isInstanceOf(InputException.class).hasMessageContaining("unknown kind 'melt'");
        assertThatThrownBy(() -> f.apply("5xx:kraken:1")).isInstanceOf(InputException.class).hasMessageContaining("unknown target 'kraken'");
        assertThatThrownBy(() -> f.apply("freeze:gamma")).isInstanceOf(InputException.class).hasMessageContaining("applies to a stream");
        assertThatThrownBy(() -> f.apply("5xx:clob-user:1")).isInstanceOf(InputException.class).hasMessageContaining("REST target");
        assertThatThrownBy(() -> f.apply("delay:clob:soon")).isInstanceOf(InputException.class).hasMessageContaining("not a whole number");
        assertThatThrownBy(() -> f.apply("skew")).isInstanceOf(InputException.class).hasMessageContaining("missing number");
    }
}
