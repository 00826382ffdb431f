package io.velocity.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Hot reload: watches the config folder on its own daemon thread and asks the
 * {@link ConfigService} to reload once the files have been quiet for the debounce interval, so an
 * editor's burst of writes (truncate, write, rename) becomes a single reload.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final Set<String> WATCHED = Set.of(ConfigFile.APP.fileName(), ConfigFile.STRATEGIES.fileName());

    private final ConfigService service;
    private final Path dir;
    private final long debounceNanos;
    private final WatchService watchService;
    private final Thread thread;

    public ConfigWatcher(ConfigService service, Duration debounce) throws IOException {
        this.service = service;
        this.dir = service.loader().sources().configDir().toAbsolutePath();
        this.debounceNanos = debounce.toNanos();
        this.watchService = FileSystems.getDefault().newWatchService();
        dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = Thread.ofPlatform().name("config-watcher").daemon().unstarted(this::run);
    }

    /** Starts watching. */
    public ConfigWatcher start() {
        thread.start();
        return this;
    }

    private void run() {
        long dueAt = 0;
        boolean pending = false;
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long waitNanos = pending ? Math.max(0, dueAt - System.nanoTime()) : TimeUnit.SECONDS.toNanos(1);
                WatchKey key = watchService.poll(waitNanos, TimeUnit.NANOSECONDS);
                if (key != null) {
                    boolean relevant = false;
                    for (WatchEvent<?> ev : key.pollEvents()) {
                        Object ctx = ev.context();
                        if (ev.kind() == StandardWatchEventKinds.OVERFLOW
                                || (ctx instanceof Path p && WATCHED.contains(p.getFileName().toString()))) {
                            relevant = true;
                        }
                    }
                    key.reset();
                    if (relevant) {
                        pending = true;
                        dueAt = System.nanoTime() + debounceNanos;
                    }
                } else if (pending && System.nanoTime() >= dueAt) {
                    pending = false;
                    try {
                        service.reload();
                    } catch (RuntimeException e) {
                        // A reload must never kill the watcher: keep the last good config and go on.
                        log.error("config reload failed unexpectedly; last good configuration stays active", e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
        log.debug("config watcher for {} stopped", dir);
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            watchService.close();
            thread.join(2_000);
        } catch (IOException e) {
            log.warn("closing the config watch service failed: {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
