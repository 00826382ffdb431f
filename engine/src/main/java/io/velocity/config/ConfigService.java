package io.velocity.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.velocity.core.AtomicFileWriter;
import io.velocity.core.ConfigException;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Owns the live configuration: an {@link AtomicReference} to the current immutable
 * {@link Config}, reloads that validate before they swap, subscribers told what changed, and
 * atomic writes for the config editor and the meta-brain.
 *
 * <p>An invalid edit never half-applies: the last good generation keeps running, the problems
 * are logged, and the {@code config} health component turns DEGRADED until a good edit lands.
 */
public final class ConfigService {
    /** Health component name. */
    public static final String HEALTH_COMPONENT = "config";

    private static final Logger log = LoggerFactory.getLogger(ConfigService.class);

    private final ConfigLoader loader;
    private final HealthRegistry health;
    private final AtomicReference<Config> current = new AtomicReference<>();
    private final CopyOnWriteArrayList<Consumer<ConfigChange>> subscribers = new CopyOnWriteArrayList<>();
    private final Object reloadLock = new Object();
    private volatile List<String> lastProblems = List.of();

    /**
     * Loads the first generation.
     *
     * @throws ConfigException when the configuration is invalid at start-up (nothing to fall back to)
     */
    public ConfigService(ConfigLoader loader, HealthRegistry health) {
        this.loader = loader;
        this.health = health;
        current.set(loader.load(1));
        health.report(HEALTH_COMPONENT, HealthState.UP, "generation 1");
    }

    /** The current generation; never null. A plain volatile read, cheap enough for any thread. */
    public Config current() {
        return current.get();
    }

    public ConfigLoader loader() {
        return loader;
    }

    /** Problems of the last rejected reload, empty when the last reload succeeded. */
    public List<String> lastProblems() {
        return lastProblems;
    }

    /** Registers a subscriber, called on the reloading thread after each successful swap that changed something. */
    public void subscribe(Consumer<ConfigChange> subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Re-reads the files. On success swaps the new generation in and notifies subscribers of the
     * changed paths; on failure keeps the current generation and raises a health warning.
     *
     * @return true if a new generation is active
     */
    public boolean reload() {
        ConfigChange change;
        synchronized (reloadLock) {
            Config prev = current.get();
            Config next;
            try {
                next = loader.load(prev.generation() + 1);
            } catch (ConfigException e) {
                lastProblems = e.problems();
                for (String p : e.problems()) {
                    log.warn("config reload rejected, generation {} stays active: {}", prev.generation(), p);
                }
                health.report(HEALTH_COMPONENT, HealthState.DEGRADED,
                        "invalid edit ignored (" + e.problems().size() + " problem(s)): " + e.problems().get(0));
                return false;
            }
            lastProblems = List.of();
            List<String> changed = prev.changedPaths(next);
            health.report(HEALTH_COMPONENT, HealthState.UP, "generation " + (changed.isEmpty() ? prev.generation() : next.generation()));
            if (changed.isEmpty()) {
                return false;
            }
            current.set(next);
            change = new ConfigChange(prev, next, changed);
            log.info("config generation {} active; changed: {}", next.generation(), changed);
        }
        for (Consumer<ConfigChange> s : subscribers) {
            try {
                s.accept(change);
            } catch (RuntimeException e) {
                log.error("config subscriber failed on generation {}", change.current().generation(), e);
            }
        }
        return true;
    }

    /**
     * Validates {@code content} for one file against the other file's current content and, if
     * valid, writes it atomically (temp + fsync + rename, previous kept as {@code .bak}) and
     * reloads. Nothing is written when validation fails.
     *
     * @throws ConfigException listing every problem; the file is untouched
     */
    public Config write(ConfigFile file, JsonNode content) {
        loader.validateCandidate(file, content);
        byte[] bytes;
        try {
            bytes = (ConfigLoader.JSON.writer()
                    .with(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(content) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ConfigException(file.fileName() + ": cannot serialise (" + e.getOriginalMessage() + ")");
        }
        AtomicFileWriter.write(loader.pathOf(file), bytes);
        log.info("wrote {}", loader.pathOf(file));
        reload();
        return current();
    }
}
