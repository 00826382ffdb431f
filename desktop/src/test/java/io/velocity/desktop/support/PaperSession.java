package io.velocity.desktop.support;

import io.velocity.app.VelocitySession;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.desktop.session.SessionMode;
import io.velocity.desktop.session.SessionRequest;
import io.velocity.desktop.session.VelocitySessionFactory;
import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.OrderRow;
import io.velocity.telemetry.HealthRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application's own paper session for desktop acceptance tests and screenshots: embedded
 * Redis and PostgreSQL, the venue simulator on loopback with compressed time, the real
 * market-data feeds, the paper gateway and the engine, started through the same factory the
 * workstation's launch flow uses. The shipped defaults are copied to a temporary folder so the
 * config editor writes real files.
 */
public final class PaperSession implements AutoCloseable {
    /**
     * Keeps a test run short: ten times compressed simulator time (5-minute windows last 30 s),
     * discovery every two seconds and the Java sizer (no Python process to start).
     */
    public static final List<String> FAST = List.of("mode=paper", "feeds=sim", "sim.timeCompression=10",
            "venues.gamma.pollInterval=2s", "venues.gamma.pollJitter=0s", "engine.sizing=java",
            "engine.snapshotInterval=50ms");

    public final Path configDir;
    public final Path dataDir;
    public final HealthRegistry health;
    public final ConfigService config;
    public final VelocitySessionFactory.SessionBackend backend;

    /**
     * Starts a session on the shipped defaults plus {@link #FAST} plus {@code overrides}
     * (later settings win).
     */
    public PaperSession(String... overrides) {
        try {
            this.configDir = EngineFixture.defaultConfigDir();
            this.dataDir = Files.createTempDirectory("velocity-paper-session");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> sets = new ArrayList<>(FAST);
        sets.add("dataDir=" + dataDir);
        sets.addAll(List.of(overrides));
        this.health = new HealthRegistry(Clock.SYSTEM);
        this.config = new ConfigService(new ConfigLoader(new ConfigSources(configDir, Map.of(), sets)), health);
        this.backend = (VelocitySessionFactory.SessionBackend) new VelocitySessionFactory(
                new VelocitySession.Options(true, Clock.SYSTEM)).start(new SessionRequest(SessionMode.PAPER_SIM, config, health, null));
    }

    public VelocitySession session() {
        return backend.session();
    }

    /** The engine's latest snapshot (null before the first). */
    public EngineSnapshot snapshot() {
        return session().engine().snapshot();
    }

    /**
     * The highest client order id the engine has used: ids are handed out in sequence, so this
     * counts every order sent even after old ones leave the snapshot.
     */
    public static long ordersSent(EngineSnapshot s) {
        return s == null ? 0 : s.orders().stream().mapToLong(OrderRow::clientOrderId).max().orElse(0);
    }

    @Override
    public void close() {
        backend.close();
    }
}
