package io.velocity.execution;

import io.velocity.core.Clock;
import io.velocity.storage.journal.IntentType;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.JournalOptions;
import io.velocity.storage.journal.Rail;
import io.velocity.storage.journal.TradeLogRecord;
import io.velocity.storage.journal.TradeSide;
import io.velocity.storage.journal.TradeStage;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JournalTradeLogTest {
    @TempDir
    Path dir;

    private static ExecutionStep step(int n, ExecutionStage stage, String rail, String path) {
        return new ExecutionStep("0190aa11bb22cc33dd44", n, 1_780_000_000_000L, stage, 42, "0xcond", "123", true, true,
                6_000, 10_000_000, 1_234, 0, rail, path, 812, "mined 0xfeed");
    }

    @Test
    void stepBecomesATradeLogRowWithRailPathAndLatency() {
        TradeLogRecord r = JournalTradeLog.toRecord(step(3, ExecutionStage.FAILOVER, "B", "A->B"));

        assertThat(r.traceId()).isEqualTo("0190aa11bb22cc33dd44");
        assertThat(r.step()).isEqualTo(3);
        assertThat(r.stage()).isEqualTo(TradeStage.FAILOVER);
        assertThat(r.rail()).isEqualTo(Rail.B);
        assertThat(r.side()).isEqualTo(TradeSide.BUY);
        assertThat(r.intent()).isEqualTo(IntentType.SNIPE);
        assertThat(r.priceMicros()).isEqualTo(600_000);
        assertThat(r.sizeMicros()).isEqualTo(10_000_000);
        assertThat(r.feeMicros()).isEqualTo(1_234);
        assertThat(r.latencyMicros()).isEqualTo(812);
        assertThat(r.outcome()).isEqualTo("path=A->B; order 42; mined 0xfeed");
    }

    @Test
    void stepsGoToTheJournalAndARefusalIsReported() {
        HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
        Journal journal = Journal.open(JournalOptions.of(dir, Duration.ofMillis(5))).start();
        JournalTradeLog log = new JournalTradeLog(journal, health);

        log.record(step(1, ExecutionStage.SUBMIT, "A", "A"));
        log.record(step(2, ExecutionStage.ACK, "A", "A"));
        await().until(() -> journal.durableCount() == 2);
        journal.close();
        log.record(step(3, ExecutionStage.FILL, "A", "A"));

        assertThat(log.refused()).isEqualTo(1);
        assertThat(health.get(JournalTradeLog.HEALTH).state()).isEqualTo(HealthState.DEGRADED);
    }
}
