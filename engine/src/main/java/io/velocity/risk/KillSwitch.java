package io.velocity.risk;

import io.velocity.core.Clock;
import io.velocity.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The layered kill switch. {@link #engage} may be called from any thread and takes effect at
 * once: it flips an atomic flag that the rails read immediately before anything leaves the
 * process, so a halt works even if the engine thread is wedged. Releasing needs a non-blank
 * reason and an actor and is reported to listeners (the audit log).
 */
public final class KillSwitch {
    private static final Logger log = LoggerFactory.getLogger(KillSwitch.class);

    private final Clock clock;
    private final AtomicBoolean halted = new AtomicBoolean();
    private final EnumMap<HaltLayer, KillSwitchState.Engagement> engaged = new EnumMap<>(HaltLayer.class);
    private final CopyOnWriteArrayList<Consumer<KillSwitchEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile KillSwitchState state = new KillSwitchState(false, java.util.Map.of());

    /** An engage or release, for the audit log. */
    public record KillSwitchEvent(boolean engaged, HaltLayer layer, String reason, String actor, long atMillis) {
    }

    public KillSwitch(Clock clock) {
        this.clock = clock;
    }

    /** The flag rails check before sending; a volatile read. */
    public boolean isHalted() {
        return halted.get();
    }

    /** Current state (immutable). */
    public KillSwitchState state() {
        return state;
    }

    /** Engages a layer; a layer already engaged keeps its first reason. Instant, no confirmation. */
    public void engage(HaltLayer layer, String reason) {
        halted.set(true);
        KillSwitchEvent event;
        synchronized (engaged) {
            if (engaged.containsKey(layer)) {
                return;
            }
            long now = clock.epochMillis();
            engaged.put(layer, new KillSwitchState.Engagement(layer, reason, now));
            state = new KillSwitchState(true, engaged);
            event = new KillSwitchEvent(true, layer, reason, "system", now);
        }
        log.warn("KILL SWITCH engaged: {} ({})", layer, reason);
        notify(event);
    }

    /**
     * Releases one layer. Needs a reason and who is releasing; writes to the audit listeners.
     *
     * @throws InputException when the reason or actor is blank
     */
    public void release(HaltLayer layer, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("releasing the kill switch needs a reason");
        }
        if (actor == null || actor.isBlank()) {
            throw new InputException("releasing the kill switch needs to say who releases it");
        }
        clear(layer, reason.strip(), actor.strip());
    }

    /** Releases every layer (the trader's "resume"), with a reason. */
    public void releaseAll(String reason, String actor) {
        for (HaltLayer layer : HaltLayer.values()) {
            if (state.engaged().containsKey(layer)) {
                release(layer, reason, actor);
            }
        }
    }

    /** Clears a self-clearing guard layer when its condition is gone; latching layers are left alone. */
    public void clearGuard(HaltLayer layer, String why) {
        if (layer.latching()) {
            throw new IllegalArgumentException(layer + " latches: only a trader can release it");
        }
        clear(layer, why, "system");
    }

    /** Whether a layer is engaged. */
    public boolean isEngaged(HaltLayer layer) {
        return state.engaged().containsKey(layer);
    }

    /** Listeners are called on the calling thread after each engage/release. */
    public void onEvent(Consumer<KillSwitchEvent> listener) {
        listeners.add(listener);
    }

    private void clear(HaltLayer layer, String reason, String actor) {
        KillSwitchEvent event;
        synchronized (engaged) {
            if (engaged.remove(layer) == null) {
                return;
            }
            state = new KillSwitchState(!engaged.isEmpty(), engaged);
            halted.set(!engaged.isEmpty());
            event = new KillSwitchEvent(false, layer, reason, actor, clock.epochMillis());
        }
        log.warn("kill switch layer {} released by {}: {}{}", layer, actor, reason,
                state.halted() ? " (still halted: " + state.headline() + ")" : "");
        notify(event);
    }

    private void notify(KillSwitchEvent event) {
        for (Consumer<KillSwitchEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                log.error("kill-switch listener failed", e);
            }
        }
    }
}
