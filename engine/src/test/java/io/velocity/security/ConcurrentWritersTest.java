package io.velocity.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(NoSecretsLogged.class)
class ConcurrentWritersTest {
    private static final int PER_WRITER = 15;

    @TempDir
    Path dir;

    @Test
    void twoProcessesAddingEntriesAtOnceLoseNothing() throws Exception {
        KeystoreFile file = Fixtures.newKeystore(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> processes = new ArrayList<>();
        for (String prefix : new String[]{"alpha", "beta"}) {
            processes.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentSetMain.class.getName(), file.path().toString(), prefix, Integer.toString(PER_WRITER))
                    .redirectError(dir.resolve(prefix + ".err").toFile())
                    .start());
        }
        try {
            List<BufferedReader> outputs = new ArrayList<>();
            for (Process p : processes) {
                BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                assertThat(r.readLine()).isEqualTo("ready");
                outputs.add(r);
            }
            // Both JVMs are up and waiting: release them together so their writes overlap.
            for (Process p : processes) {
                OutputStream stdin = p.getOutputStream();
                stdin.write((Fixtures.PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
                stdin.flush();
            }
            for (int i = 0; i < processes.size(); i++) {
                Process p = processes.get(i);
                assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("writer %d finished", i).isTrue();
                assertThat(p.exitValue()).as("writer %d: %s", i, Files.readString(dir.resolve((i == 0 ? "alpha" : "beta") + ".err"))).isZero();
                assertThat(outputs.get(i).readLine()).isEqualTo("done");
            }
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
        assertAllEntriesPresent(file, "alpha", "beta");
    }

    @Test
    void twoThreadsWithTheirOwnHandlesLoseNothing() throws Exception {
        KeystoreFile file = Fixtures.newKeystore(dir);
        CyclicBarrier start = new CyclicBarrier(2);
        // Own threads, not the common pool: on 2 cores its single worker would deadlock the barrier.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (String prefix : new String[]{"left", "right"}) {
            writers.add(CompletableFuture.runAsync(() -> {
                KeystoreFile own = KeystoreFile.open(file.path(), Fixtures.CHEAP);
                try {
                    start.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int i = 0; i < PER_WRITER; i++) {
                    own.put(Fixtures.password(), prefix + "-" + i, SecretType.PLAIN_SECRET,
                            (prefix + " value " + i).getBytes(StandardCharsets.UTF_8));
                }
            }, pool));
        }
        try {
            CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertAllEntriesPresent(file, "left", "right");
    }

    private static void assertAllEntriesPresent(KeystoreFile file, String... prefixes) throws IOException {
        try (Keystore k = file.unlock(Fixtures.password())) {
            assertThat(k.size()).isEqualTo(PER_WRITER * prefixes.length);
            for (String prefix : prefixes) {
                for (int i = 0; i < PER_WRITER; i++) {
                    assertThat(k.get(prefix + "-" + i).copyChars()).isEqualTo((prefix + " value " + i).toCharArray());
                }
            }
        }
        assertThat(file.backupPath()).doesNotExist();
    }
}
