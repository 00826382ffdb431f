package io.velocity.storage.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a server process left running by a previous Velocity that died without shutting it down
 * (killed, crashed, power-cycled IDE). Such a process still owns its data folder, so a new server
 * on the same folder would refuse to start. It is found through the pid file the server writes
 * into its folder, and only stopped when that process really is the expected server binary.
 */
final class OrphanedServer {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanedServer.class);

    private OrphanedServer() {
    }

    /**
     * If {@code pidFile} names a live process whose command contains {@code binaryName}, asks it
     * to stop (SIGTERM), waits up to 15 s, then kills it.
     *
     * @return true when a process was stopped
     */
    static boolean stopIfRunning(Path pidFile, String binaryName) {
        Optional<ProcessHandle> process = owner(pidFile, binaryName);
        if (process.isEmpty()) {
            return false;
        }
        ProcessHandle p = process.get();
        LOG.warn("stopping {} (pid {}) left running by a previous Velocity on {}", binaryName, p.pid(), pidFile.getParent());
        p.destroy();
        try {
            p.onExit().get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.warn("{} (pid {}) did not stop within 15 s: killing it", binaryName, p.pid());
            p.destroyForcibly();
            p.onExit().orTimeout(5, TimeUnit.SECONDS).join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // onExit never completes exceptionally; nothing to do
        }
        return true;
    }

    /** The live process named by {@code pidFile} when it runs {@code binaryName}. */
    static Optional<ProcessHandle> owner(Path pidFile, String binaryName) {
        long pid;
        try {
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            pid = Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
        if (pid == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains(binaryName)).orElse(false));
    }
}
