package io.velocity.desktop.fx;

import io.velocity.desktop.session.WorkstationBackend;
import io.velocity.engine.EngineSnapshot;
import io.velocity.risk.KillSwitchState;
import javafx.animation.AnimationTimer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The one road from the engine onto the FX thread. On the FX pulse, at most {@code maxHz} times
 * a second, it reads the latest snapshot (a volatile read; the engine never waits for us) and
 * hands it to the views if it is new. A slow frame only means fewer frames: snapshots in between
 * are skipped, never queued. The kill switch state is read on every capped pulse so the halted
 * look appears within one frame of a click, ahead of the next snapshot.
 */
public final class SnapshotPump {
    private final WorkstationBackend backend;
    private final long minIntervalNanos;
    private final List<Consumer<EngineSnapshot>> snapshotListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<KillSwitchState>> killSwitchListeners = new CopyOnWriteArrayList<>();
    private final AnimationTimer timer;
    private long lastRunNanos;
    private long lastSequence = Long.MIN_VALUE;
    private KillSwitchState lastKillSwitch;
    private long frames;
    private long lastApplyNanos;

    public SnapshotPump(WorkstationBackend backend, int maxHz) {
        this.backend = backend;
        this.minIntervalNanos = 1_000_000_000L / Math.max(1, maxHz);
        this.timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                pulse(now);
            }
        };
    }

    /** Views register before {@link #start()}; called on the FX thread with each new snapshot. */
    public void onSnapshot(Consumer<EngineSnapshot> listener) {
        snapshotListeners.add(listener);
    }

    /** Called on the FX thread when the kill switch state changes. */
    public void onKillSwitch(Consumer<KillSwitchState> listener) {
        killSwitchListeners.add(listener);
    }

    public void start() {
        timer.start();
    }

    public void stop() {
        timer.stop();
    }

    /** One pulse; public so tests can drive it without waiting for the toolkit's timer. */
    public void pulse(long nowNanos) {
        if (nowNanos - lastRunNanos < minIntervalNanos) {
            return;
        }
        lastRunNanos = nowNanos;
        long t0 = System.nanoTime();
        KillSwitchState ks = backend.killSwitch();
        if (ks != null && !ks.equals(lastKillSwitch)) {
            lastKillSwitch = ks;
            for (Consumer<KillSwitchState> l : killSwitchListeners) {
                l.accept(ks);
            }
        }
        EngineSnapshot s = backend.snapshot();
        if (s != null && s.sequence() != lastSequence) {
            lastSequence = s.sequence();
            for (Consumer<EngineSnapshot> l : snapshotListeners) {
                l.accept(s);
            }
            frames++;
            lastApplyNanos = System.nanoTime() - t0;
        }
    }

    /** Snapshots applied so far. */
    public long frames() {
        return frames;
    }

    /** Time the last applied snapshot took on the FX thread. */
    public long lastApplyNanos() {
        return lastApplyNanos;
    }
}
