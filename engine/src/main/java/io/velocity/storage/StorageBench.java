package io.velocity.storage;

import io.velocity.app.Bootstrap;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.config.AppConfig;
import io.velocity.config.StorageConfig;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import io.velocity.storage.db.Database;
import io.velocity.storage.db.PostgresSettings;
import io.velocity.storage.db.TradeLogRepository;
import io.velocity.storage.embedded.EmbeddedPostgresServer;
import io.velocity.storage.journal.AppendResult;
import io.velocity.storage.journal.IntentType;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.JournalOptions;
import io.velocity.storage.journal.JournalRecord;
import io.velocity.storage.journal.JournalShipper;
import io.velocity.storage.journal.Rail;
import io.velocity.storage.journal.TradeLogRecord;
import io.velocity.storage.journal.TradeSide;
import io.velocity.storage.journal.TradeStage;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * {@code ./velocity bench storage}: measures the journal and the database on this machine and
 * prints a table.
 * <ul>
 *   <li>journal append latency: {@link Journal#tryAppend} paced at {@code --rate} appends/s (the
 *       caller's cost; the engine thread pays exactly this), HdrHistogram p50/p99/p99.9/max;</li>
 *   <li>journal durable throughput: appends as fast as the writer accepts them, until every
 *       record is fsynced;</li>
 *   <li>database batched insert: trade-log rows stored in batches of {@code storage.dbBatchSize}
 *       through the production repository, each batch one transaction;</li>
 *   <li>journal → database: the shipper draining a full journal (read, decode, insert, checkpoint).</li>
 * </ul>
 * The journal lives in a temporary folder under the data folder (the disk a trader's journal
 * uses); the database is a temporary embedded PostgreSQL with normal durability, or
 * {@code --postgres-url} (in a scratch schema dropped afterwards).
 *
 * <p>An entry point, so it uses the {@code app} package's command-line helpers; nothing in
 * {@code storage} depends on this class.
 */
public final class StorageBench {
    static final long GOAL_ROWS_PER_SECOND = 50_000;
    static final long GOAL_APPEND_P99_MICROS = 50;

    private static final Set<String> VALUED = Set.of("records", "rows", "rate", "postgres-url", "config-dir", "mode", "feeds");
    private static final int RECORD_POOL = 4_096;
    private static final long T0 = 1_735_689_600_000L; // 2025-01-01T00:00:00Z

    private final PrintStream out;
    private final List<String[]> table = new ArrayList<>();

    private StorageBench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] argv) {
        System.exit(run(argv, System.getenv(), System.out, System.err));
    }

    static int run(String[] argv, Map<String, String> env, PrintStream out, PrintStream err) {
        try {
            CliArgs args = CliArgs.parse(argv, VALUED, Set.of());
            if (!args.positionals().isEmpty()) {
                throw new InputException("unexpected argument '" + args.positionals().get(0) + "' (options: --records N "
                        + "--rows N --rate N --postgres-url URL)");
            }
            long records = positive(args, "records", 1_000_000);
            long rows = positive(args, "rows", 500_000);
            long rate = positive(args, "rate", 100_000);
            AppConfig app = Bootstrap.loadConfig(args, env, Bootstrap.newHealthRegistry()).current().app();
            new StorageBench(out).runAll(app, records, rows, rate, args.get("postgres-url"), env);
            return ExitCode.OK.code();
        } catch (Exception e) {
            return ErrorReporter.report("velocity bench storage", e, err);
        }
    }

    private static long positive(CliArgs args, String name, long fallback) {
        String v = args.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.replace("_", ""));
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("--" + name + " must be a positive whole number: '" + v + "'");
        }
    }

    private void runAll(AppConfig app, long records, long rows, long rate, String postgresUrl, Map<String, String> env)
            throws Exception {
        StorageConfig storage = app.storage();
        Path dataDir = app.dataDirectory();
        Files.createDirectories(dataDir);
        Path scratch = Files.createTempDirectory(dataDir, "bench-storage-");
        out.println("velocity bench storage");
        out.println("  machine: " + Runtime.getRuntime().availableProcessors() + " cores" + cpuModel() + ", JDK "
                + Runtime.version() + " (" + System.getProperty("java.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + loadAverage());
        out.println("  journal: " + scratch + " (fsync interval " + storage.journalFsyncInterval().toMillis()
                + " ms); db batch " + storage.dbBatchSize() + " rows");
        try {
            benchJournalLatency(scratch.resolve("latency"), storage, records, rate);
            benchJournalThroughput(scratch.resolve("throughput"), storage, records);
            benchDatabase(scratch, storage, rows, postgresUrl, env);
        } finally {
            deleteTree(scratch);
        }
        printTable();
    }

    // ------------------------------------------------------------------ journal

    private void benchJournalLatency(Path dir, StorageConfig storage, long records, long rate) {
        TradeLogRecord[] pool = recordPool();
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(10), 3);
        long full = 0;
        try (Journal j = Journal.open(JournalOptions.of(dir, storage.journalFsyncInterval())).start()) {
            long warmup = Math.min(records, 200_000);
            for (long i = 0; i < warmup; i++) {
                j.append(pool[(int) (i % RECORD_POOL)], Duration.ofSeconds(1));
            }
            // start measuring with an empty queue, not behind the warm-up's backlog
            while (j.durableCount() < warmup) {
                LockSupport.parkNanos(100_000);
            }
            long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
            long next = System.nanoTime();
            for (long i = 0; i < records; i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += intervalNanos;
                long t0 = System.nanoTime();
                AppendResult r = j.tryAppend(pool[(int) (i % RECORD_POOL)]);
                h.recordValue(System.nanoTime() - t0);
                if (r != AppendResult.ACCEPTED) {
                    full++;
                }
            }
        }
        out.printf(Locale.ROOT, "  journal append latency @ %,d/s: p50 %.2f µs, p99 %.2f µs, p99.9 %.2f µs, max %.1f µs "
                        + "(%,d appends, %,d refused)%n", rate, micros(h, 50), micros(h, 99), micros(h, 99.9),
                h.getMaxValue() / 1_000.0, h.getTotalCount(), full);
        table.add(new String[]{"journal append p50 (µs)", fmt(micros(h, 50)), ""});
        table.add(new String[]{"journal append p99 (µs)", fmt(micros(h, 99)), "<= " + GOAL_APPEND_P99_MICROS
                + (micros(h, 99) <= GOAL_APPEND_P99_MICROS ? "  met" : "  MISSED")});
        table.add(new String[]{"journal append p99.9 (µs)", fmt(micros(h, 99.9)), ""});
        table.add(new String[]{"journal appends refused", Long.toString(full), "0"});
    }

    private void benchJournalThroughput(Path dir, StorageConfig storage, long records) {
        TradeLogRecord[] pool = recordPool();
        long t0 = System.nanoTime();
        long bytes;
        try (Journal j = Journal.open(JournalOptions.of(dir, storage.journalFsyncInterval())).start()) {
            for (long i = 0; i < records; i++) {
                j.append(pool[(int) (i % RECORD_POOL)], Duration.ofSeconds(10));
            }
            while (j.durableCount() < records) {
                LockSupport.parkNanos(100_000);
            }
            bytes = sizeOf(dir);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = records / seconds;
        out.printf(Locale.ROOT, "  journal durable throughput: %,.0f records/s, %.1f MB/s (%,d records fsynced in %.2f s)%n",
                perSecond, bytes / seconds / 1e6, records, seconds);
        table.add(new String[]{"journal durable appends/s", String.format(Locale.ROOT, "%,.0f", perSecond), ""});
    }

    // ------------------------------------------------------------------ database

    private void benchDatabase(Path scratch, StorageConfig storage, long rows, String postgresUrl, Map<String, String> env)
            throws Exception {
        EmbeddedPostgresServer embedded = null;
        PostgresSettings settings;
        String schema = null;
        if (postgresUrl == null) {
            // normal durability (fsync on), unlike the tests' ephemeral server
            embedded = EmbeddedPostgresServer.start(scratch.resolve("pg"), storage.postgresUser(), "velocity");
            settings = PostgresSettings.of(embedded.jdbcUrl(), storage.postgresUser(), null);
            out.println("  database: embedded PostgreSQL " + embedded.jdbcUrl());
        } else {
            schema = "velocity_bench_" + ProcessHandle.current().pid();
            String pw = env.getOrDefault("VELOCITY_PG_PASSWORD", "");
            settings = PostgresSettings.of(postgresUrl, storage.postgresUser(), pw.toCharArray()).withSchema(schema);
            out.println("  database: " + settings.displayUrl() + " (scratch schema " + schema + ")");
        }
        try (Database db = Database.connect(settings)) {
            db.migrate();
            TradeLogRepository repo = new TradeLogRepository(db);
            benchInserts(repo, storage.dbBatchSize(), rows);
            benchShipping(scratch.resolve("ship"), storage, repo, rows);
            if (schema != null) {
                try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        } finally {
            settings.wipe();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    private void benchInserts(TradeLogRepository repo, int batchSize, long rows) throws SQLException {
        List<JournalRecord> batch = new ArrayList<>(batchSize);
        long warm = Math.min(rows, 20_000);
        insertRows(repo, batch, batchSize, "warm", warm);
        long t0 = System.nanoTime();
        insertRows(repo, batch, batchSize, "ins", rows);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double perSecond = rows / seconds;
        out.printf(Locale.ROOT, "  database batched insert: %,.0f rows/s (%,d rows in batches of %,d, %.2f s)%n", perSecond,
                rows, batchSize, seconds);
        table.add(new String[]{"db trade-log inserts rows/s", String.format(Locale.ROOT, "%,.0f", perSecond),
                ">= " + String.format(Locale.ROOT, "%,d", GOAL_ROWS_PER_SECOND)
                        + (perSecond >= GOAL_ROWS_PER_SECOND ? "  met" : "  MISSED")});
    }

    private static void insertRows(TradeLogRepository repo, List<JournalRecord> batch, int batchSize, String run, long rows)
            throws SQLException {
        for (long i = 0; i < rows; i++) {
            batch.add(record(run, i));
            if (batch.size() == batchSize || i == rows - 1) {
                repo.store(batch);
                batch.clear();
            }
        }
    }

    private void benchShipping(Path dir, StorageConfig storage, TradeLogRepository repo, long rows) {
        try (Journal j = Journal.open(JournalOptions.of(dir, storage.journalFsyncInterval())).start()) {
            for (long i = 0; i < rows; i++) {
                j.append(record("ship", i), Duration.ofSeconds(10));
            }
            while (j.durableCount() < rows) {
                LockSupport.parkNanos(100_000);
            }
            long t0 = System.nanoTime();
            JournalShipper shipper = new JournalShipper(j, repo, storage.dbBatchSize(), Duration.ofMillis(1)).start();
            while (!shipper.caughtUp()) {
                LockSupport.parkNanos(1_000_000);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            shipper.close();
            double perSecond = rows / seconds;
            out.printf(Locale.ROOT, "  journal -> database shipping: %,.0f rows/s (%,d rows in %.2f s)%n", perSecond, rows,
                    seconds);
            table.add(new String[]{"journal -> db shipped rows/s", String.format(Locale.ROOT, "%,.0f", perSecond), ""});
        }
    }

    // ------------------------------------------------------------------ helpers

    private static TradeLogRecord[] recordPool() {
        TradeLogRecord[] pool = new TradeLogRecord[RECORD_POOL];
        for (int i = 0; i < RECORD_POOL; i++) {
            pool[i] = record("pool", i);
        }
        return pool;
    }

    /** A realistic fill row: 22-char trace id, 66-char condition id, 77-digit token id. */
    private static TradeLogRecord record(String run, long i) {
        return TradeLogRecord.builder(String.format("%s%017x", run, i / 4), (int) (i % 4),
                        i % 4 == 0 ? TradeStage.DECISION : TradeStage.FILL, T0 + i)
                .market("0x5f1a3c0e9b0e9d7a4c6a1d2b3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f",
                        "71321045679252212594626385532706912750332728571942532289631379312455583992563")
                .order(TradeSide.BUY, IntentType.SNIPE, 540_000, 120_000_000)
                .model(0.5731, 0.0331, 64_800_000)
                .costs(1_203_000, 4_100)
                .rail(Rail.A)
                .latencyMicros(850)
                .outcome("filled 120 @ 0.54")
                .build();
    }

    private static double micros(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1_000.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private void printTable() {
        out.println();
        out.printf(Locale.ROOT, "%-30s %16s   %s%n", "storage benchmark", "result", "goal");
        out.println("-".repeat(64));
        for (String[] row : table) {
            out.printf(Locale.ROOT, "%-30s %16s   %s%n", row[0], row[1], row[2]);
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> " (" + l.substring(l.indexOf(':') + 1).trim() + ")").orElse("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Other work on the machine skews results; show how busy it was. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return ", load average " + parts[0];
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
