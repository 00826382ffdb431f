package io.velocity.security;

import io.velocity.core.StorageException;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises read-modify-write of one keystore across threads and processes, so two
 * {@code keytool set} runs never lose each other's entry. An OS lock on the sibling file
 * {@code <keystore>.lock} covers other processes; because the JVM refuses a second lock on the
 * same file from one process, an in-process lock per path covers threads. The lock file is
 * never deleted: deleting it would let two writers lock two different files.
 */
final class KeystoreLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private KeystoreLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /** The lock file beside {@code keystore}. */
    static Path lockFileOf(Path keystore) {
        return keystore.resolveSibling(keystore.getFileName() + ".lock");
    }

    /** Blocks until this thread holds the lock of {@code keystore}. */
    static KeystoreLock acquire(Path keystore) {
        Path lockFile = lockFileOf(keystore.toAbsolutePath().normalize());
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        threadLock.lock();
        FileChannel channel = null;
        try {
            KeystoreFile.createPrivateDirectories(lockFile.getParent());
            channel = open(lockFile);
            return new KeystoreLock(threadLock, channel, channel.lock());
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            threadLock.unlock();
            throw new StorageException("cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    private static FileChannel open(Path lockFile) throws IOException {
        if (lockFile.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<?> ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
            try {
                return FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // Another writer created it first: use theirs.
                return FileChannel.open(lockFile, StandardOpenOption.WRITE);
            }
        }
        return FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing more to do
            }
        }
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // the channel close below releases it as well
        } finally {
            closeQuietly(channel);
            threadLock.unlock();
        }
    }
}
