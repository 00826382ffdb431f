package io.velocity.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes user files so that a reader, a crash or a full disk never sees a half-written file:
 * the bytes go to a temporary file in the same directory, are fsynced, the previous version is
 * kept as {@code <name>.bak}, and the temporary file is renamed over the target atomically; the
 * directory is fsynced so the rename itself survives a power cut.
 */
public final class AtomicFileWriter {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private AtomicFileWriter() {
    }

    /** Writes {@code content} to {@code target}, keeping the previous version as {@code target.bak}. */
    public static void write(Path target, byte[] content) {
        write(target, content, true, false);
    }

    /**
     * Writes {@code content} to {@code target}.
     *
     * @param keepBackup copy the current file to {@code <name>.bak} before replacing it
     * @param ownerOnly  create the file with permissions 0600 (secrets)
     */
    public static void write(Path target, byte[] content, boolean keepBackup, boolean ownerOnly) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
            if (ownerOnly) {
                setOwnerOnly(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (keepBackup && Files.exists(absolute)) {
                Path bak = backupOf(absolute);
                Files.copy(absolute, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                fsync(bak);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new StorageException("cannot replace " + absolute + " atomically on this file system", e);
            }
            tmp = null;
            fsyncDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + absolute + " failed: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: a leftover .tmp never shadows the real file
                }
            }
        }
    }

    /** The path of the backup kept beside {@code target}. */
    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".bak");
    }

    private static void setOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static void fsyncDirectory(Path dir) {
        // Linux allows fsync on a directory opened read-only; other systems may refuse, which is harmless.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException ignored) {
            // not supported on this platform
        }
    }
}
