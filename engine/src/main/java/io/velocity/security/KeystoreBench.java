package io.velocity.security;

import ch.qos.logback.classic.Level;
import io.velocity.app.CliArgs;
import io.velocity.app.ErrorReporter;
import io.velocity.core.ExitCode;
import io.velocity.core.InputException;
import org.HdrHistogram.Histogram;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code ./velocity bench keystore}: how long one unlock takes and how much memory it costs, with
 * the default Argon2id parameters (or {@code --memory-kib}, {@code --kdf-iterations},
 * {@code --parallelism}). Creates a throw-away keystore with the usual entries in a temporary
 * folder (timing its creation: the first Argon2 run of a cold JVM, as at start-up), then times
 * {@code --unlocks N} warm unlocks (default 10) after one warm-up, and
 * prints p50/p99/max, the Argon2 memory cost, the bytes allocated per unlock, and the machine.
 */
public final class KeystoreBench {
    private static final String PROGRAM = "velocity bench keystore";

    private KeystoreBench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] argv, PrintStream out, PrintStream err) {
        try {
            CliArgs args = CliArgs.parse(argv, Set.of("unlocks", "memory-kib", "kdf-iterations", "parallelism"), Set.of());
            if (!args.positionals().isEmpty()) {
                throw new InputException("unexpected argument '" + args.positionals().get(0) + "'");
            }
            int unlocks = positive(args, "unlocks", 10);
            KdfParams kdf = new KdfParams(positive(args, "memory-kib", KdfParams.DEFAULT.memoryKiB()),
                    positive(args, "kdf-iterations", KdfParams.DEFAULT.iterations()),
                    positive(args, "parallelism", KdfParams.DEFAULT.parallelism()));
            // One "keystore unlocked" line per run would bury the table.
            var securityLog = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.velocity.security");
            Level previous = securityLog.getLevel();
            securityLog.setLevel(Level.WARN);
            Path dir = Files.createTempDirectory("velocity-keystore-bench");
            try {
                measure(KeystoreFile.open(dir.resolve(KeystoreFile.DEFAULT_FILE_NAME), kdf), unlocks, out);
            } finally {
                securityLog.setLevel(previous);
                deleteTree(dir);
            }
            return ExitCode.OK.code();
        } catch (Exception e) {
            return ErrorReporter.report(PROGRAM, e, err);
        }
    }

    private static void measure(KeystoreFile file, int unlocks, PrintStream out) {
        SecureRandom random = new SecureRandom();
        char[] password = randomText(random, 20);
        try {
            // The first Argon2 run in this JVM is the cold one a trader waits for at start-up.
            long t0 = System.nanoTime();
            file.create(password, false);
            long coldMicros = (System.nanoTime() - t0) / 1_000;
            byte[] key = new byte[32];
            do {
                random.nextBytes(key);
            } while (!EthereumAddress.isValidPrivateKey(key));
            file.put(password, SecretNames.POLYGON_PRIVATE_KEY, SecretType.PRIVATE_KEY, key);
            SecretBytes.zero(key);
            putText(file, password, SecretNames.CLOB_API_KEY, SecretType.API_KEY, randomText(random, 36));
            putText(file, password, SecretNames.CLOB_API_SECRET, SecretType.API_SECRET, randomText(random, 44));
            putText(file, password, SecretNames.CLOB_API_PASSPHRASE, SecretType.API_PASSPHRASE, randomText(random, 64));
            putText(file, password, SecretNames.ALLORA_API_KEY, SecretType.API_KEY, randomText(random, 32));

            file.unlock(password).close(); // warm-up
            Histogram micros = new Histogram(3);
            long allocated = 0;
            for (int i = 0; i < unlocks; i++) {
                long a = allocatedBytes();
                long start = System.nanoTime();
                file.unlock(password).close();
                micros.recordValue((System.nanoTime() - start) / 1_000);
                allocated += allocatedBytes() - a;
            }
            print(out, file.kdfForNewPasswords(), unlocks, coldMicros, micros, unlocks == 0 ? -1 : allocated / unlocks);
        } finally {
            SecretBytes.zero(password);
        }
    }

    private static void putText(KeystoreFile file, char[] password, String name, SecretType type, char[] text) {
        byte[] value = type.parse(name, text);
        try {
            file.put(password, name, type, value);
        } finally {
            SecretBytes.zero(value);
            SecretBytes.zero(text);
        }
    }

    private static void print(PrintStream out, KdfParams kdf, int unlocks, long coldMicros, Histogram micros,
                              long allocatedPerUnlock) {
        Runtime rt = Runtime.getRuntime();
        out.println("Keystore unlock (" + kdf + "; HKDF-SHA256; AES-256-GCM)");
        out.println("machine: " + rt.availableProcessors() + " cores, JDK " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vm.vendor") + "), " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", max heap "
                + rt.maxMemory() / (1024 * 1024) + " MiB");
        out.println();
        row(out, "metric", "value");
        out.println("|-----------------------------|--------------|");
        row(out, "first derivation (cold JVM)", ms(coldMicros));
        row(out, "warm unlocks measured", Integer.toString(unlocks));
        if (unlocks > 0) {
            row(out, "p50", ms(micros.getValueAtPercentile(50)));
            row(out, "p99", ms(micros.getValueAtPercentile(99)));
            row(out, "max", ms(micros.getMaxValue()));
        }
        row(out, "Argon2 memory cost", String.format("%.0f MiB", kdf.memoryMiB()));
        if (allocatedPerUnlock >= 0) {
            row(out, "allocated per unlock", mib(allocatedPerUnlock));
        }
    }

    private static void row(PrintStream out, String metric, String value) {
        out.printf("| %-27s | %12s |%n", metric, value);
    }

    private static String ms(long micros) {
        return String.format("%.1f ms", micros / 1000.0);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format("%.1f MiB", bytes / (1024.0 * 1024.0));
    }

    /** Bytes this thread has allocated so far, or -1 when the JVM cannot tell. */
    private static long allocatedBytes() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled()) {
            return t.getCurrentThreadAllocatedBytes();
        }
        return -1;
    }

    private static char[] randomText(SecureRandom random, int length) {
        byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.US_ASCII);
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = (char) alphabet[random.nextInt(alphabet.length)];
        }
        return out;
    }

    private static int positive(CliArgs args, String name, int fallback) {
        String v = args.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0 || (n == 0 && !name.equals("unlocks"))) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InputException("--" + name + " must be a positive whole number, was '" + v + "'");
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
