package io.velocity.storage.embedded;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Uses real processes: a left-over server is stopped, anything else named by a stale pid file is not. */
class OrphanedServerTest {
    @TempDir
    Path dir;

    private Process process;

    @AfterEach
    void killLeftovers() {
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private Path pidFileOf(Process p) throws IOException {
        Path pidFile = dir.resolve("server.pid");
        Files.writeString(pidFile, p.pid() + "\n");
        return pidFile;
    }

    @Test
    void aLeftOverServerNamedByItsPidFileIsStopped() throws Exception {
        process = new ProcessBuilder("sleep", "600").start();
        assertThat(OrphanedServer.stopIfRunning(pidFileOf(process), "sleep")).isTrue();
        assertThat(process.isAlive()).isFalse();
    }

    @Test
    void aLiveProcessRunningAnotherProgramIsLeftAlone() throws Exception {
        process = new ProcessBuilder("sleep", "600").start();
        assertThat(OrphanedServer.stopIfRunning(pidFileOf(process), "postgres")).isFalse();
        assertThat(process.isAlive()).isTrue();
    }

    @Test
    void aStaleOrGarbledOrMissingPidFileStopsNothing() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        assertThat(OrphanedServer.stopIfRunning(pidFileOf(finished), "true")).isFalse();
        Files.writeString(dir.resolve("garbled.pid"), "not a pid");
        assertThat(OrphanedServer.stopIfRunning(dir.resolve("garbled.pid"), "postgres")).isFalse();
        assertThat(OrphanedServer.stopIfRunning(dir.resolve("missing.pid"), "postgres")).isFalse();
        Files.writeString(dir.resolve("self.pid"), Long.toString(ProcessHandle.current().pid()));
        assertThat(OrphanedServer.stopIfRunning(dir.resolve("self.pid"), "java")).isFalse();
    }
}
