package io.velocity.telemetry;

import io.velocity.core.Clock;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The health model: every component pushes its latest {@link HealthStatus}; readers (the engine
 * snapshot, the desktop, the headless summary) take an immutable copy. Reports are lock-free
 * map writes, so any thread may report without blocking.
 */
public final class HealthRegistry {
    private final Clock clock;
    private final Map<String, HealthStatus> statuses = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<HealthStatus>> listeners = new CopyOnWriteArrayList<>();

    public HealthRegistry(Clock clock) {
        this.clock = clock;
    }

    /** Records a component's state. Listeners are told only when state or detail changed. */
    public void report(String component, HealthState state, String detail) {
        report(component, state, detail, -1);
    }

    /** Records a component's state with its last latency in microseconds. */
    public void report(String component, HealthState state, String detail, long latencyMicros) {
        HealthStatus next = new HealthStatus(component, state, detail == null ? "" : detail, latencyMicros,
                clock.epochMillis());
        HealthStatus prev = statuses.put(component, next);
        if (prev == null || prev.state() != state || !prev.detail().equals(next.detail())) {
            for (Consumer<HealthStatus> l : listeners) {
                l.accept(next);
            }
        }
    }

    /** The latest status of one component, or an UNKNOWN one if it never reported. */
    public HealthStatus get(String component) {
        HealthStatus s = statuses.get(component);
        return s != null ? s : new HealthStatus(component, HealthState.UNKNOWN, "no report yet", -1, 0);
    }

    /** An immutable, name-sorted copy of every status. */
    public Map<String, HealthStatus> snapshot() {
        return Map.copyOf(new TreeMap<>(statuses));
    }

    /** Called on the reporting thread whenever a component's state or detail changes. */
    public void onChange(Consumer<HealthStatus> listener) {
        listeners.add(listener);
    }
}
