package io.velocity.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigWatcher;
import io.velocity.config.Mode;
import io.velocity.config.schema.RecordBinder;
import io.velocity.core.AtomicFileWriter;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import io.velocity.engine.EngineSnapshot;
import io.velocity.security.Keystore;
import io.velocity.security.KeystoreFile;
import io.velocity.security.PasswordInput;
import io.velocity.security.SecretPrompt;
import io.velocity.telemetry.HealthRegistry;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./velocity headless [--mode paper|live|replay] [--feeds sim|live] [--duration 90s]
 * [--summary-json FILE] [--password-stdin] [--ephemeral]}: runs the engine without the workstation,
 * prints a status line every ten seconds and, at the end (duration elapsed or Ctrl-C), a JSON
 * summary: markets seen, decisions by type and reason, orders, fills, fees, PnL, kill-switch
 * events and latency percentiles.
 */
public final class HeadlessCommand {
    private static final Set<String> VALUED = union(Bootstrap.CONFIG_OPTIONS, Set.of("duration", "summary-json"));
    private static final Set<String> FLAGS = Set.of("password-stdin", "ephemeral");

    private HeadlessCommand() {
    }

    public static int run(String[] argv, Map<String, String> env, InputStream in, PrintStream out, PrintStream err) {
        Keystore keystore = null;
        try {
            CliArgs args = CliArgs.parse(argv, VALUED, FLAGS);
            if (!args.positionals().isEmpty()) {
                throw new InputException("unexpected argument '" + args.positionals().get(0) + "'");
            }
            Duration duration = null;
            if (args.get("duration") != null) {
                duration = RecordBinder.parseDuration(args.get("duration"));
                if (duration == null || duration.isNegative() || duration.isZero()) {
                    throw new InputException("--duration: expected a duration like 90s or 15m, was \"" + args.get("duration") + "\"");
                }
            }
            Path summaryFile = args.get("summary-json") == null ? null : Path.of(args.get("summary-json")).toAbsolutePath();
            HealthRegistry health = Bootstrap.newHealthRegistry();
            ConfigService config = Bootstrap.loadConfig(args, env, health);
            if (config.current().app().mode() == Mode.REPLAY) {
                throw new InputException("--mode replay: replaying a recorded session is not part of this build");
            }
            if (config.current().app().mode() == Mode.LIVE) {
                keystore = PasswordInput.unlock(KeystoreFile.forConfig(config.current().app()), args.flag("password-stdin"),
                        in, SecretPrompt.of(System.console()));
            }
            RunSummary summary = new RunSummary();
            try (ConfigWatcher ignored = new ConfigWatcher(config, Duration.ofMillis(250)).start();
                 VelocitySession session = VelocitySession.start(config, health, keystore,
                         new VelocitySession.Options(args.flag("ephemeral"), io.velocity.core.Clock.SYSTEM))) {
                session.killSwitch().onEvent(summary::onKillSwitch);
                CountDownLatch stop = new CountDownLatch(1);
                Thread hook = new Thread(stop::countDown, "headless-stop");
                Runtime.getRuntime().addShutdownHook(hook);
                long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
                long nextStatus = System.nanoTime() + 10_000_000_000L;
                err.println("velocity headless: " + config.current().app().mode().name().toLowerCase() + " mode on "
                        + config.current().app().feeds().name().toLowerCase() + " feeds"
                        + (duration == null ? " until Ctrl-C" : " for " + duration.toSeconds() + " s"));
                while (System.nanoTime() < deadline && !stop.await(250, TimeUnit.MILLISECONDS)) {
                    EngineSnapshot s = session.engine().snapshot();
                    summary.observe(s);
                    if (System.nanoTime() >= nextStatus && s != null) {
                        nextStatus += 10_000_000_000L;
                        err.println(statusLine(s));
                    }
                }
                summary.observe(session.engine().snapshot());
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException ignoredShutdown) {
                    // the JVM is already shutting down (Ctrl-C): the summary is still printed
                }
            }
            String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(summary.toMap());
            out.println(json);
            if (summaryFile != null) {
                AtomicFileWriter.write(summaryFile, (json + "\n").getBytes(StandardCharsets.UTF_8), false, false);
                err.println("velocity headless: summary written to " + summaryFile);
            }
            return ExitCode.OK.code();
        } catch (Exception e) {
            return ErrorReporter.report("velocity headless", e, err);
        } finally {
            if (keystore != null) {
                keystore.close();
            }
        }
    }

    private static String statusLine(EngineSnapshot s) {
        var f = s.financials();
        return String.format("[%s] markets %d · orders/min %d · equity $%.2f · realized $%.2f · fees $%.2f · tick-to-intent p99 %.1f µs%s",
                java.time.Instant.ofEpochMilli(s.timeMillis()).toString().substring(11, 19), s.markets().size(),
                s.ordersPerMinute(), f.equityMicros() / 1e6, f.realizedMicros() / 1e6, f.feesMicros() / 1e6,
                s.tickToIntent().p99Micros(), s.killSwitch().halted() ? " · HALTED " + s.killSwitch().headline() : "");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> out = new HashSet<>(a);
        out.addAll(b);
        return Set.copyOf(out);
    }
}
