package io.velocity.desktop.support;

import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.core.Clock;
import io.velocity.desktop.session.EngineBackend;
import io.velocity.desktop.session.ProposalInbox;
import io.velocity.engine.DecisionListener;
import io.velocity.engine.Engine;
import io.velocity.engine.EngineRuntime;
import io.velocity.engine.EngineSnapshot;
import io.velocity.execution.paper.PaperGateway;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.Sizer;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/**
 * A real paper engine for desktop tests: the shipped default configuration in a temporary folder
 * (so the config editor writes real files), the paper gateway, the engine runtime and the
 * {@link EngineBackend} the workstation talks to, without market data: for tests of commands,
 * configuration and health that need an engine but no markets ({@link PaperSession} has both).
 */
public final class EngineFixture implements AutoCloseable {
    /** Fractional Kelly capped at $20, like the production defaults but simple. */
    public static final Sizer KELLY = (price, q, fee) -> {
        double c = price + fee;
        if (!(c > 0) || c >= 1) {
            return 0;
        }
        double f = (q - c) / (1 - c);
        return f <= 0 ? 0 : (long) Math.min(0.25 * f * 1_000_000_000L, 20_000_000L);
    };

    public final Path configDir;
    public final Path dataDir;
    public final Clock clock;
    public final HealthRegistry health;
    public final ConfigService config;
    public final KillSwitch killSwitch;
    public final CountingGateway gateway;
    public final EngineRuntime runtime;
    public final EngineBackend backend;

    public EngineFixture(Clock clock, String... overrides) {
        this(clock, defaultConfig(clock, overrides));
    }

    private record Setup(Path configDir, Path dataDir, HealthRegistry health, ConfigService config) {
    }

    /** The shipped defaults copied to a temporary folder, with a temporary data folder. */
    public static Path defaultConfigDir() {
        try {
            Path dir = Files.createTempDirectory("velocity-desktop-config");
            for (String f : new String[]{"config.json", "strategies.json"}) {
                try (InputStream in = EngineFixture.class.getResourceAsStream("/io/velocity/config/defaults/" + f)) {
                    Files.copy(in, dir.resolve(f));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Setup defaultConfig(Clock clock, String... overrides) {
        try {
            Path configDir = defaultConfigDir();
            Path dataDir = Files.createTempDirectory("velocity-desktop-data");
            List<String> sets = new ArrayList<>(List.of("engine.snapshotInterval=25ms", "dataDir=" + dataDir));
            sets.addAll(List.of(overrides));
            HealthRegistry health = new HealthRegistry(clock);
            return new Setup(configDir, dataDir, health,
                    new ConfigService(new ConfigLoader(new ConfigSources(configDir, Map.of(), sets)), health));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An engine on a configuration loaded elsewhere (e.g. by the startup flow for the chosen mode). */
    public EngineFixture(Clock clock, ConfigService config, HealthRegistry health) {
        this(clock, new Setup(config.loader().sources().configDir(), config.current().app().dataDirectory(), health, config));
    }

    private EngineFixture(Clock clock, Setup setup) {
        this.configDir = setup.configDir();
        this.dataDir = setup.dataDir();
        this.clock = clock;
        this.health = setup.health();
        this.config = setup.config();
        this.killSwitch = new KillSwitch(clock);
        EngineRuntime[] holder = new EngineRuntime[1];
        PaperGateway paper = new PaperGateway(r -> holder[0].onReport(r), killSwitch);
        this.gateway = new CountingGateway(paper);
        Engine engine = new Engine(new Engine.Dependencies(clock, config.current(), killSwitch, gateway, DecisionListener.NONE,
                health, new Metrics(), KELLY));
        this.runtime = new EngineRuntime(engine, clock, killSwitch, config.current().app().engine());
        holder[0] = runtime;
        runtime.addBookObserver(paper);
        runtime.start();
        this.backend = new EngineBackend(runtime, killSwitch, config, new ProposalInbox(dataDir.resolve("proposals")), clock,
                List.of(gateway, runtime));
    }

    public EngineSnapshot awaitSnapshot(Predicate<EngineSnapshot> condition) {
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            EngineSnapshot s = runtime.snapshot();
            return s != null && condition.test(s);
        });
        return runtime.snapshot();
    }

    @Override
    public void close() {
        backend.close();
    }
}
