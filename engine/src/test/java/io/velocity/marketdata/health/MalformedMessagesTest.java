package io.velocity.marketdata.health;

import io.velocity.core.ManualClock;
import io.velocity.telemetry.LogCapture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MalformedMessagesTest {

    @Test
    void countsEveryBadMessageButLogsEachKindOncePerMinute() {
        ManualClock clock = new ManualClock(0);
        MalformedMessages bad = new MalformedMessages("clobMarket", clock);
        try (LogCapture logs = new LogCapture()) {
            for (int i = 0; i < 500; i++) {
                bad.record("price_change", "price_changes[0].price is not a price");
                bad.record("book", "missing asks");
            }
            clock.advanceMillis(59_999);
            bad.record("price_change", "again");
            assertThat(logs.text().lines().filter(l -> l.contains("bad price_change")).count()).isEqualTo(1);
            clock.advanceMillis(1);
            bad.record("price_change", "a minute later");
            assertThat(logs.text().lines().filter(l -> l.contains("bad price_change")).count()).isEqualTo(2);
            assertThat(logs.text()).contains("501 bad price_change message(s)").contains("a minute later");
            assertThat(logs.text().lines().filter(l -> l.contains("bad book")).count()).isEqualTo(1);
        }
        assertThat(bad.count("price_change")).isEqualTo(502);
        assertThat(bad.count("book")).isEqualTo(500);
        assertThat(bad.total()).isEqualTo(1002);
    }
}
