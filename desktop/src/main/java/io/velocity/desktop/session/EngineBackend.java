package io.velocity.desktop.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.config.Config;
import io.velocity.config.ConfigChange;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigService;
import io.velocity.core.Clock;
import io.velocity.core.InputException;
import io.velocity.engine.EngineCommand;
import io.velocity.engine.EngineRuntime;
import io.velocity.engine.EngineSnapshot;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.risk.KillSwitchState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WorkstationBackend} over an in-process {@link EngineRuntime}. Commands leave the
 * caller's thread at once: the kill switch flag flips synchronously (a lock-free flag the rails
 * read), and everything that publishes on the engine ring, which may wait for a free slot, runs
 * on a private command thread so the FX thread never waits on the engine.
 *
 * <p>Also forwards every new configuration generation to the engine ({@link EngineCommand.ApplyConfig})
 * and keeps the session's change history.
 */
public final class EngineBackend implements WorkstationBackend {
    private static final Logger log = LoggerFactory.getLogger(EngineBackend.class);
    private static final int HISTORY = 200;

    private final EngineRuntime runtime;
    private final KillSwitch killSwitch;
    private final ConfigService config;
    private final ProposalInbox proposals;
    private final Clock clock;
    private final List<AutoCloseable> resources;
    private final ExecutorService commands = Executors.newSingleThreadExecutor(
            r -> Thread.ofPlatform().name("desktop-commands").daemon().unstarted(r));
    private final ArrayDeque<ConfigHistoryEntry> history = new ArrayDeque<>();
    private final Object writeLock = new Object();
    private volatile String writingActor;
    private volatile Thread writingThread;

    private final boolean forwardConfig;

    /**
     * A backend that also forwards each new configuration generation to the engine.
     *
     * @param resources closed in reverse order on {@link #close()}: list the runtime last when this backend owns it
     */
    public EngineBackend(EngineRuntime runtime, KillSwitch killSwitch, ConfigService config, ProposalInbox proposals,
                         Clock clock, List<? extends AutoCloseable> resources) {
        this(runtime, killSwitch, config, proposals, clock, resources, true);
    }

    /**
     * @param resources     closed in reverse order on {@link #close()} (the session, or gateway then runtime)
     * @param forwardConfig true to send {@link EngineCommand.ApplyConfig} on each new generation
     *                      (false when the session already does, like {@code VelocitySession})
     */
    public EngineBackend(EngineRuntime runtime, KillSwitch killSwitch, ConfigService config, ProposalInbox proposals,
                         Clock clock, List<? extends AutoCloseable> resources, boolean forwardConfig) {
        this.runtime = runtime;
        this.killSwitch = killSwitch;
        this.config = config;
        this.proposals = proposals;
        this.clock = clock;
        this.resources = List.copyOf(resources);
        this.forwardConfig = forwardConfig;
        config.subscribe(this::onConfigChange);
    }

    private void onConfigChange(ConfigChange change) {
        // Same thread as write() when the workstation wrote it; anything else is an edit of the file.
        String actor = Thread.currentThread() == writingThread ? writingActor : "file edit";
        synchronized (history) {
            history.addFirst(new ConfigHistoryEntry(clock.epochMillis(), change.current().generation(), actor,
                    change.changedPaths()));
            while (history.size() > HISTORY) {
                history.removeLast();
            }
        }
        if (forwardConfig) {
            commands.execute(() -> runtime.command(new EngineCommand.ApplyConfig(change.current())));
        }
    }

    @Override
    public EngineSnapshot snapshot() {
        return runtime.snapshot();
    }

    @Override
    public KillSwitchState killSwitch() {
        return killSwitch.state();
    }

    @Override
    public void halt(String reason) {
        killSwitch.engage(HaltLayer.MANUAL, reason);
        commands.execute(() -> runtime.halt(reason));
    }

    @Override
    public void release(HaltLayer layerOrNull, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new InputException("releasing the kill switch needs a reason");
        }
        if (actor == null || actor.isBlank()) {
            throw new InputException("releasing the kill switch needs to say who releases it");
        }
        commands.execute(() -> runtime.release(layerOrNull, reason.strip(), actor.strip()));
    }

    @Override
    public void cancelAll(String reason) {
        commands.execute(() -> runtime.command(new EngineCommand.CancelAll(reason)));
    }

    @Override
    public void flatten(String reason) {
        commands.execute(() -> runtime.command(new EngineCommand.Flatten(reason)));
    }

    @Override
    public ConfigService config() {
        return config;
    }

    @Override
    public Config writeConfig(ConfigFile file, JsonNode content, String actor) {
        synchronized (writeLock) {
            writingActor = actor;
            writingThread = Thread.currentThread();
            try {
                return config.write(file, content);
            } finally {
                writingThread = null;
                writingActor = null;
            }
        }
    }

    @Override
    public List<ConfigHistoryEntry> configHistory() {
        synchronized (history) {
            return List.copyOf(new ArrayList<>(history));
        }
    }

    @Override
    public ProposalInbox proposals() {
        return proposals;
    }

    @Override
    public void close() {
        commands.shutdown();
        try {
            if (!commands.awaitTermination(2, TimeUnit.SECONDS)) {
                commands.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", resources.get(i).getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
