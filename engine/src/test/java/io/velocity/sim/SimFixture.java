package io.velocity.sim;

import io.velocity.config.AppConfig;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigSources;
import io.velocity.core.ManualClock;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds simulators for tests: the shipped defaults plus {@code path=value} overrides, on a manual clock. */
public final class SimFixture {
    /** A whole minute, so windows and seconds line up predictably. */
    public static final long START = 1_780_000_020_000L;

    private SimFixture() {
    }

    /** The shipped configuration with test-friendly defaults (compressed windows, short warm-up) and overrides. */
    public static AppConfig config(String... overrides) {
        List<String> all = new ArrayList<>(List.of("sim.timeCompression=10", "sim.warmup=5m", "sim.markets.lookahead=20m",
                "sim.markets.retention=20m", "sim.markets.resolutionDelay=1s", "sim.markets.decoys=true"));
        all.addAll(List.of(overrides));
        try {
            Path dir = Files.createTempDirectory("velocity-sim-config");
            for (ConfigFile f : ConfigFile.values()) {
                try (InputStream in = SimFixture.class.getResourceAsStream("/io/velocity/config/defaults/" + f.fileName())) {
                    Files.copy(in, dir.resolve(f.fileName()));
                }
            }
            return new ConfigLoader(new ConfigSources(dir, Map.of(), all)).load(1).app();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SimSettings settings(String... overrides) {
        return SimSettings.from(config(overrides));
    }

    /** A simulator on a manual clock starting at {@link #START}. */
    public static VenueSimulator manual(ManualClock clock, String... overrides) {
        try {
            return VenueSimulator.start(settings(overrides), clock, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Moves the clock and the world forward together. */
    public static void advance(VenueSimulator sim, ManualClock clock, long millis) {
        clock.advanceMillis(millis);
        sim.advanceTo(clock.epochMillis());
    }
}
