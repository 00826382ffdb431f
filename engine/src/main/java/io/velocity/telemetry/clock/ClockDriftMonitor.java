package io.velocity.telemetry.clock;

import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Compares the local clock with reference clocks (NTP servers, Binance server time) every
 * {@code clock.checkInterval}. A source's drift counts only beyond its measurement uncertainty
 * (half its round trip), so a slow network cannot fake an alarm; when any source shows drift
 * above {@code clock.maxDrift} the alarm is raised: the {@code clock} health component goes DOWN
 * and the {@link DriftListener} hears it (the market-data wiring turns that into
 * {@code FeedStatus("clock", DOWN, ...)} for the engine, which engages the kill switch's
 * clock-drift layer). It clears when every answering source is back within the limit.
 * When no source answers the state is DEGRADED (unknown is not an alarm, but is shown).
 */
public final class ClockDriftMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClockDriftMonitor.class);
    /** The health component and feed name. */
    public static final String COMPONENT = "clock";

    private final List<TimeSource> sources;
    private final long maxDriftMillis;
    private final HealthRegistry health;
    private final DriftListener listener;
    private final ScheduledExecutorService timer;
    private volatile Boolean alarm;
    private volatile long lastDriftMillis = -1;

    /** Hears the alarm being raised or cleared (on the monitor's thread). */
    @FunctionalInterface
    public interface DriftListener {
        void onDrift(boolean alarm, String detail);
    }

    public ClockDriftMonitor(List<TimeSource> sources, Duration maxDrift, HealthRegistry health, DriftListener listener) {
        this.sources = List.copyOf(sources);
        this.maxDriftMillis = maxDrift.toMillis();
        this.health = health;
        this.listener = listener;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clock-drift");
            t.setDaemon(true);
            return t;
        });
    }

    /** Checks now and then every {@code interval}. */
    public void start(Duration interval) {
        timer.scheduleWithFixedDelay(this::check, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One check of every source; returns true when the alarm is raised. Blocking. */
    public boolean check() {
        List<String> parts = new ArrayList<>();
        long worst = -1;
        String worstSource = "";
        int answered = 0;
        for (TimeSource s : sources) {
            try {
                TimeSource.OffsetSample o = s.sample();
                answered++;
                long drift = o.driftLowerBoundMillis();
                parts.add(String.format(Locale.ROOT, "%s %+d ms (±%d)", s.name(), o.offsetMillis(), o.uncertaintyMillis()));
                if (drift > worst) {
                    worst = drift;
                    worstSource = s.name();
                }
            } catch (Exception e) {
                parts.add(s.name() + " unavailable (" + e.getMessage() + ")");
            }
        }
        String detail = String.join("; ", parts);
        lastDriftMillis = worst;
        if (answered == 0) {
            health.report(COMPONENT, HealthState.DEGRADED, "no time source answered: " + detail);
            return Boolean.TRUE.equals(alarm);
        }
        boolean raised = worst > maxDriftMillis;
        if (raised) {
            detail = "clock drift " + worst + " ms (" + worstSource + ") exceeds " + maxDriftMillis + " ms: " + detail;
        }
        health.report(COMPONENT, raised ? HealthState.DOWN : HealthState.UP, detail);
        if (alarm == null || alarm != raised) {
            alarm = raised;
            if (raised) {
                LOG.warn("{}", detail);
            } else {
                LOG.info("clock within {} ms of its references: {}", maxDriftMillis, detail);
            }
            listener.onDrift(raised, detail);
        }
        return raised;
    }

    /** True while the alarm is raised. */
    public boolean alarmRaised() {
        return Boolean.TRUE.equals(alarm);
    }

    /** The worst drift beyond uncertainty at the last check, -1 before any answer. */
    public long lastDriftMillis() {
        return lastDriftMillis;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
