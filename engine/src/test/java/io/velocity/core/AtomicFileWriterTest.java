package io.velocity.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    /** A reader racing the writer must only ever see one complete version or the other. */
    @Test
    void aConcurrentReaderNeverSeesAPartialFile() throws Exception {
        Path target = dir.resolve("config.json");
        byte[] a = version('a');
        byte[] b = version('b');
        AtomicFileWriter.write(target, a);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<String> torn = new AtomicReference<>();
        AtomicInteger reads = new AtomicInteger();
        Thread reader = new Thread(() -> {
            while (!stop.get()) {
                try {
                    byte[] seen = Files.readAllBytes(target);
                    reads.incrementAndGet();
                    if (!Arrays.equals(seen, a) && !Arrays.equals(seen, b)) {
                        torn.set("read " + seen.length + " bytes that are neither version");
                    }
                } catch (NoSuchFileException e) {
                    torn.set("file briefly missing");
                } catch (IOException e) {
                    torn.set(e.toString());
                }
            }
        });
        reader.start();
        for (int i = 0; i < 200; i++) {
            AtomicFileWriter.write(target, i % 2 == 0 ? b : a);
        }
        stop.set(true);
        reader.join();
        assertThat(torn.get()).isNull();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void keepsThePreviousVersionAsBak() throws IOException {
        Path target = dir.resolve("strategies.json");
        AtomicFileWriter.write(target, "one".getBytes(StandardCharsets.UTF_8));
        assertThat(AtomicFileWriter.backupOf(target)).doesNotExist();
        AtomicFileWriter.write(target, "two".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(target)).isEqualTo("two");
        assertThat(Files.readString(AtomicFileWriter.backupOf(target))).isEqualTo("one");
    }

    @Test
    void ownerOnlyFilesAreCreatedWithMode0600() throws IOException {
        Path target = dir.resolve("secrets.enc");
        AtomicFileWriter.write(target, new byte[]{1, 2, 3}, false, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    private static byte[] version(char c) {
        byte[] out = new byte[256 * 1024];
        Arrays.fill(out, (byte) c);
        return out;
    }
}
