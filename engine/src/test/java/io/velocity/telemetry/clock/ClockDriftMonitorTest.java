package io.velocity.telemetry.clock;

import io.velocity.core.Clock;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClockDriftMonitorTest {
    private final HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
    private final List<String> alarms = new ArrayList<>();

    @Test
    void measuresTheOffsetOfALocalNtpServer() throws Exception {
        try (LocalNtpServer ntp = new LocalNtpServer()) {
            ntp.skew(1_200);
            TimeSource.OffsetSample s = new NtpTimeSource(List.of(ntp.address()), Duration.ofSeconds(1)).sample();
            assertThat((double) s.offsetMillis()).isCloseTo(1_200, within(50.0));
            assertThat(s.uncertaintyMillis()).isLessThan(50);
        }
    }

    @Test
    void raisesTheAlarmWhenNtpShowsDriftAboveTheLimitAndClearsItAfterwards() throws Exception {
        try (LocalNtpServer ntp = new LocalNtpServer()) {
            ClockDriftMonitor monitor = new ClockDriftMonitor(List.of(new NtpTimeSource(List.of(ntp.address()),
                    Duration.ofSeconds(1))), Duration.ofMillis(250), health, (alarm, detail) -> alarms.add(alarm + ": " + detail));
            assertThat(monitor.check()).isFalse();
            assertThat(health.get("clock").state()).isEqualTo(HealthState.UP);
            ntp.skew(-900);
            assertThat(monitor.check()).isTrue();
            assertThat(health.get("clock").state()).isEqualTo(HealthState.DOWN);
            assertThat(health.get("clock").detail()).contains("exceeds 250 ms").contains("ntp -9");
            ntp.skew(0);
            assertThat(monitor.check()).isFalse();
            assertThat(alarms).hasSize(3);
            assertThat(alarms.get(1)).startsWith("true: clock drift");
            assertThat(alarms.get(2)).startsWith("false");
        }
    }

    @Test
    void takesTheMedianOfSeveralServersSoOneBadServerCannotRaiseTheAlarm() throws Exception {
        try (LocalNtpServer good1 = new LocalNtpServer(); LocalNtpServer good2 = new LocalNtpServer();
             LocalNtpServer bad = new LocalNtpServer()) {
            bad.skew(60_000);
            TimeSource.OffsetSample s = new NtpTimeSource(List.of(good1.address(), bad.address(), good2.address()),
                    Duration.ofSeconds(1)).sample();
            assertThat(Math.abs(s.offsetMillis())).isLessThan(100);
        }
    }

    @Test
    void staysDegradedNotAlarmedWhenNoSourceAnswers() {
        ClockDriftMonitor monitor = new ClockDriftMonitor(List.of(new NtpTimeSource(List.of("127.0.0.1:9"),
                Duration.ofMillis(200))), Duration.ofMillis(250), health, (alarm, detail) -> alarms.add(alarm + ""));
        assertThat(monitor.check()).isFalse();
        assertThat(health.get("clock").state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.get("clock").detail()).contains("no NTP server answered");
        assertThat(alarms).isEmpty();
    }
}
