package io.velocity.app;

import io.velocity.config.AppConfig;
import io.velocity.config.SimConfig;
import io.velocity.core.Clock;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import io.velocity.sim.SimSettings;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.fault.FaultInjector;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./velocity sim}: runs the venue simulator alone in real time and prints its URLs, one
 * {@code name url} line each, so any client (including external tools) can be pointed at it. Runs
 * until Ctrl-C. Options: {@code --seed N}, {@code --compress X} (time compression),
 * {@code --port-base N} (fixed ports N..N+6), {@code --fault SPEC[,SPEC...]}, plus the usual
 * {@code --config-dir} and {@code --set PATH=VALUE}.
 */
public final class SimCommand {
    private static final int PORTS = 7;

    private SimCommand() {
    }

    /** Runs until the JVM shuts down. */
    public static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.countDown();
            try {
                // Give the main thread the chance to close the servers before the JVM halts.
                closed.await(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "velocity-sim-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run(argv, env, out, err, stop);
        } finally {
            closed.countDown();
        }
    }

    /** Runs until {@code stop} opens (tests open it themselves). */
    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err, CountDownLatch stop) {
        try {
            Set<String> valued = new HashSet<>(Bootstrap.CONFIG_OPTIONS);
            valued.addAll(Set.of("seed", "compress", "port-base", "fault"));
            CliArgs args = CliArgs.parse(argv, valued, Set.of());
            if (!args.positionals().isEmpty()) {
                throw new InputException("unexpected argument '" + args.positionals().get(0) + "'");
            }
            AppConfig app = Bootstrap.loadConfig(args, env, Bootstrap.newHealthRegistry()).current().app();
            SimConfig sim = override(app.sim(), args);
            String faults = args.get("fault");
            if (faults != null) {
                // Refuse a bad fault before any port is opened.
                FaultInjector check = new FaultInjector();
                for (String f : faults.split(",")) {
                    if (!f.isBlank()) {
                        check.apply(f);
                    }
                }
            }
            try (VenueSimulator simulator = VenueSimulator.start(SimSettings.from(app).withSim(sim), Clock.SYSTEM, true)) {
                if (faults != null) {
                    for (String f : faults.split(",")) {
                        if (!f.isBlank()) {
                            simulator.faults().apply(f);
                        }
                    }
                }
                simulator.endpoints().byName().forEach((name, url) -> out.println(name + " " + url));
                out.flush();
                err.println("velocity sim: seed " + sim.seed() + ", compression " + sim.timeCompression() + "x; Ctrl-C stops");
                stop.await();
            }
            return ExitCode.OK.code();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OK.code();
        } catch (Exception e) {
            return ErrorReporter.report("velocity sim", e, err);
        }
    }

    /** Applies {@code --seed}, {@code --compress} and {@code --port-base}. */
    static SimConfig override(SimConfig s, CliArgs args) {
        long seed = s.seed();
        double compression = s.timeCompression();
        SimConfig.Ports ports = s.ports();
        if (args.get("seed") != null) {
            try {
                seed = Long.parseLong(args.get("seed"));
            } catch (NumberFormatException e) {
                throw new InputException("--seed: must be a whole number, was '" + args.get("seed") + "'");
            }
        }
        if (args.get("compress") != null) {
            try {
                compression = Double.parseDouble(args.get("compress"));
            } catch (NumberFormatException e) {
                throw new InputException("--compress: must be a number, was '" + args.get("compress") + "'");
            }
            if (!(compression >= 1 && compression <= 600)) {
                throw new InputException("--compress: must be between 1 and 600, was " + args.get("compress"));
            }
        }
        if (args.get("port-base") != null) {
            int base;
            try {
                base = Integer.parseInt(args.get("port-base"));
            } catch (NumberFormatException e) {
                throw new InputException("--port-base: must be a port number, was '" + args.get("port-base") + "'");
            }
            if (base < 1 || base > 65_535 - PORTS) {
                throw new InputException("--port-base: must be between 1 and " + (65_535 - PORTS) + ", was " + base);
            }
            ports = new SimConfig.Ports(base, base + 1, base + 2, base + 3, base + 4, base + 5, base + 6);
        }
        return new SimConfig(seed, compression, s.step(), s.warmup(), s.windows(), s.assets(), s.regimes(), s.markets(),
                s.liquidity(), s.settlement(), s.clob(), s.binance(), s.allora(), ports, s.accounts());
    }
}
