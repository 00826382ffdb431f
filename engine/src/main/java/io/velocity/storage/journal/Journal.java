package io.velocity.storage.journal;

import io.velocity.core.IntegrityException;
import io.velocity.core.StorageException;
import io.velocity.storage.ManyToOneHandoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.zip.CRC32C;

/**
 * The append-only local trade journal: every trade-log and audit record is written here first,
 * then shipped to PostgreSQL by a {@link JournalShipper}.
 *
 * <p><b>Threads.</b> Any thread may append; appending never blocks and never touches the disk:
 * {@link #tryAppend} hands the record to the journal's writer thread through a bounded lock-free
 * queue. The writer encodes records into checksummed frames ({@link RecordCodec}), writes them to
 * the current segment file and fsyncs in groups: a record is durable at most
 * {@code fsyncInterval} after it was accepted. Segments rotate at {@code segmentBytes}; a segment
 * is always fsynced before the next one starts, so only the newest one can have a torn tail.
 *
 * <p><b>When the queue is full</b> (the disk cannot keep up or is failing), {@link #tryAppend}
 * returns {@link AppendResult#FULL} at once instead of waiting: the engine thread must never
 * block on I/O, and silently dropping a trade record is never acceptable. The refusal is counted
 * ({@link #rejectedCount()}), the health monitor reports the journal DOWN, and the caller keeps
 * the record and stops opening risk. Threads that may wait (not the engine thread) can use
 * {@link #append(JournalRecord, Duration)} for a bounded wait instead.
 *
 * <p><b>Recovery.</b> {@link #open} scans the newest segment, verifies every frame's length and
 * checksum, and truncates a torn tail (a write cut short by a crash or power loss) back to the
 * last good record, with a warning. A record reported {@link AppendResult#ACCEPTED} before
 * {@link #close()} is always written, unless an fsync fails: then the journal stops, refuses
 * every append ({@link AppendResult#FAILED}) and health reports it DOWN until restart.
 */
public final class Journal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);

    /** Records drained per writer pass before the fsync deadline is checked again. */
    private static final int DRAIN_BATCH = 4096;
    /** Writer buffer: many frames per write() call. */
    private static final int WRITE_BUFFER_BYTES = 2 << 20;
    /** How long the idle writer sleeps when nothing is waiting for fsync. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MAX_RETRY_PARK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long ERROR_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final JournalOptions options;
    private final Path dir;
    private final long fsyncIntervalNanos;
    private final ManyToOneHandoff<JournalRecord> queue;
    private final FileChannel lockChannel;
    private final FileLock lock;

    // shared state
    private final AtomicInteger appendsInFlight = new AtomicInteger();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final AtomicLong lastFsyncMicros = new AtomicLong(-1);
    private volatile boolean closing;
    private volatile boolean failed;
    private volatile String writeError;
    private volatile JournalPosition durable;
    private volatile long durableRecords;
    private volatile Thread writer;

    // writer-thread state
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(WRITE_BUFFER_BYTES);
    private final CRC32C crc = new CRC32C();
    private final ManyToOneHandoff.Drain<JournalRecord> encoder = this::encode;
    private FileChannel segment;
    private long segmentNo;
    private long fileEnd;              // bytes of the current segment on disk (written, maybe not synced)
    private long bufferedRecords;      // records in buffer, not yet written
    private long unsyncedRecords;      // records written since the last fsync
    private long syncedRecords;        // records fsynced since open (published as durableRecords)
    private long oldestUnsyncedNanos;  // enqueue time of the oldest record not yet fsynced
    private long lastErrorLogNanos = -ERROR_LOG_INTERVAL_NANOS;

    private Journal(JournalOptions options, FileChannel lockChannel, FileLock lock) {
        this.options = options;
        this.dir = options.directory();
        this.fsyncIntervalNanos = options.fsyncInterval().toNanos();
        this.queue = new ManyToOneHandoff<>(options.queueCapacity());
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating if needed) the journal in {@code options.directory()}, truncating a torn
     * tail. The writer thread is not running until {@link #start()}; records appended before
     * that wait in the queue.
     *
     * @throws StorageException   if the folder cannot be used or another process holds it
     * @throws IntegrityException if the newest segment is not a Velocity journal file
     */
    public static Journal open(JournalOptions options) {
        Path dir = options.directory();
        FileChannel lockChannel = null;
        try {
            Files.createDirectories(dir);
            lockChannel = FileChannel.open(dir.resolve("journal.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = lockChannel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new StorageException("journal " + dir + " is in use by another Velocity process");
            }
            Journal j = new Journal(options, lockChannel, lock);
            j.recover();
            return j;
        } catch (IOException e) {
            closeQuietly(lockChannel);
            throw new StorageException("cannot open the journal in " + dir + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(lockChannel);
            throw e;
        }
    }

    private void recover() throws IOException {
        List<Long> segments = Segments.list(dir);
        if (segments.isEmpty()) {
            segmentNo = 1;
            segment = Segments.create(dir, segmentNo);
            fileEnd = Segments.FIRST_FRAME;
        } else {
            segmentNo = segments.get(segments.size() - 1);
            Path file = Segments.path(dir, segmentNo);
            segment = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            long size = segment.size();
            if (!Segments.hasHeader(segment)) {
                if (size > Segments.FIRST_FRAME) {
                    segment.close();
                    throw new IntegrityException("journal segment " + file + " does not start with the Velocity journal header");
                }
                // the crash came while the segment was being created: start it again
                LOG.warn("journal segment {} has a torn header ({} bytes): rewriting it", file, size);
                segment.truncate(0);
                segment.write(ByteBuffer.wrap(Segments.MAGIC), 0);
                segment.force(true);
                size = Segments.FIRST_FRAME;
            }
            SegmentScanner scan = new SegmentScanner(segment, Segments.FIRST_FRAME, size);
            long records = 0;
            SegmentScanner.Step step;
            while ((step = scan.next()) == SegmentScanner.Step.RECORD) {
                records++;
            }
            fileEnd = scan.position();
            if (step == SegmentScanner.Step.CORRUPT) {
                LOG.warn("journal segment {} ends in a torn record ({} at offset {}): truncating {} bytes, "
                        + "keeping {} good records", file, scan.problem(), fileEnd, size - fileEnd, records);
                segment.truncate(fileEnd);
                segment.force(true);
            }
        }
        durable = new JournalPosition(segmentNo, fileEnd);
    }

    /** Starts the writer thread. */
    public synchronized Journal start() {
        if (writer == null && !closing) {
            Thread t = new Thread(this::runWriter, "velocity-journal-writer");
            t.setDaemon(true);
            writer = t;
            t.start();
        }
        return this;
    }

    /**
     * Offers {@code record} without blocking (safe on the engine thread).
     *
     * @return {@link AppendResult#ACCEPTED} when queued; otherwise the record was not taken
     */
    public AppendResult tryAppend(JournalRecord record) {
        AppendResult r = offer(record);
        if (r == AppendResult.FULL) {
            rejected.increment();
        }
        return r;
    }

    /**
     * Offers {@code record}, waiting up to {@code maxWait} while the queue is full. For threads
     * that may wait (never the engine thread).
     */
    public AppendResult append(JournalRecord record, Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        long park = 10_000;
        AppendResult r;
        while ((r = offer(record)) == AppendResult.FULL && System.nanoTime() < deadline) {
            LockSupport.parkNanos(park);
            park = Math.min(park * 2, 1_000_000);
        }
        if (r == AppendResult.FULL) {
            rejected.increment();
        }
        return r;
    }

    private AppendResult offer(JournalRecord record) {
        if (record == null) {
            throw new IllegalArgumentException("record must not be null");
        }
        // close() waits for appends in flight, so an ACCEPTED record is always drained before the writer ends.
        appendsInFlight.incrementAndGet();
        try {
            if (failed) {
                return AppendResult.FAILED;
            }
            if (closing) {
                return AppendResult.CLOSED;
            }
            if (!queue.offer(record)) {
                return AppendResult.FULL;
            }
            accepted.increment();
            return AppendResult.ACCEPTED;
        } finally {
            appendsInFlight.decrementAndGet();
        }
    }

    /** The end of the fsynced part of the journal: records before it survive a crash. */
    public JournalPosition durablePosition() {
        return durable;
    }

    /** Records accepted since open. */
    public long acceptedCount() {
        return accepted.sum();
    }

    /** Records refused because the queue was full, since open. */
    public long rejectedCount() {
        return rejected.sum();
    }

    /** Records written and fsynced since open. */
    public long durableCount() {
        return durableRecords;
    }

    /** Records accepted but not yet fsynced. */
    public long pendingCount() {
        return accepted.sum() - durableRecords;
    }

    /** Duration of the last fsync in microseconds, or -1 before the first. */
    public long lastFsyncMicros() {
        return lastFsyncMicros.get();
    }

    /** The last write error not yet overcome, or null when writing works. */
    public String writeError() {
        return writeError;
    }

    /** True once an fsync failed; the journal then refuses every append until restarted. */
    public boolean isFailed() {
        return failed;
    }

    public Path directory() {
        return dir;
    }

    public JournalOptions options() {
        return options;
    }

    /**
     * Stops accepting records, writes and fsyncs every accepted one, and releases the folder.
     * Producers should be stopped first; appends racing with close are refused ({@code CLOSED}).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        while (appendsInFlight.get() != 0) {
            Thread.onSpinWait();
        }
        Thread t = writer;
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.error("journal writer did not finish within 30 s ({} records not yet durable): {}", pendingCount(),
                        writeError);
                return; // the writer still owns the files; the OS releases the lock at exit
            }
        } else {
            // never started: this thread is the only consumer now
            writerLoop();
        }
        try {
            segment.close();
        } catch (IOException e) {
            LOG.warn("closing journal segment {}: {}", segmentNo, e.getMessage());
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly(lockChannel);
    }

    // ------------------------------------------------------------------ writer thread

    private void runWriter() {
        try {
            writerLoop();
        } catch (RuntimeException | Error e) {
            failed = true;
            writeError = "journal writer died: " + e;
            LOG.error("journal writer died; the journal accepts nothing more", e);
        }
    }

    /** The writer's duty cycle: drain → write → fsync when due → park. Ends once closing and empty. */
    private void writerLoop() {
        long retryPark = 1_000_000;
        while (!failed) {
            int drained;
            try {
                drained = queue.drain(encoder, DRAIN_BATCH);
                flushBuffer();
                long now = System.nanoTime();
                if (unsyncedRecords > 0 && (now - oldestUnsyncedNanos >= fsyncIntervalNanos || closing)) {
                    sync();
                }
                if (writeError != null) {
                    LOG.info("journal writes work again");
                    writeError = null;
                }
                retryPark = 1_000_000;
            } catch (IOException e) {
                onWriteError(e);
                LockSupport.parkNanos(retryPark);
                retryPark = Math.min(retryPark * 2, MAX_RETRY_PARK_NANOS);
                continue;
            } catch (FsyncFailed e) {
                failed = true;
                writeError = e.getMessage();
                LOG.error("journal fsync failed on segment {}: durability of the last records is unknown; the journal "
                        + "refuses new records until Velocity restarts", segmentNo, e.getCause());
                return;
            } catch (Exception e) {
                throw new IllegalStateException("journal encoder failed", e);
            }
            if (drained == 0) {
                if (closing && queue.size() == 0 && unsyncedRecords == 0) {
                    return;
                }
                long wait = unsyncedRecords > 0 ? fsyncIntervalNanos - (System.nanoTime() - oldestUnsyncedNanos)
                        : IDLE_PARK_NANOS;
                if (!closing) {
                    queue.awaitItems(wait);
                }
            }
        }
    }

    /** Called for each drained record: appends its frame to the buffer, writing/rotating first if needed. */
    private void encode(JournalRecord record, long enqueuedNanos) throws IOException {
        int need = RecordCodec.maxFrameBytes(record);
        if (buffer.remaining() < need) {
            flushBuffer();
        }
        if (fileEnd + buffer.position() >= options.segmentBytes()) {
            flushBuffer();
            sync();
            rotate();
        }
        RecordCodec.writeFrame(record, buffer, crc);
        if (bufferedRecords == 0 && unsyncedRecords == 0) {
            oldestUnsyncedNanos = enqueuedNanos;
        }
        bufferedRecords++;
    }

    /** Writes the buffered frames at the end of the segment. On error the bytes stay buffered for a retry. */
    private void flushBuffer() throws IOException {
        if (buffer.position() == 0) {
            return;
        }
        buffer.flip();
        try {
            while (buffer.hasRemaining()) {
                fileEnd += segment.write(buffer, fileEnd);
            }
        } finally {
            buffer.compact();
        }
        unsyncedRecords += bufferedRecords;
        bufferedRecords = 0;
    }

    private void sync() {
        if (unsyncedRecords == 0) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            segment.force(false);
        } catch (IOException e) {
            throw new FsyncFailed(e);
        }
        lastFsyncMicros.set((System.nanoTime() - t0) / 1_000);
        syncedRecords += unsyncedRecords;
        unsyncedRecords = 0;
        durableRecords = syncedRecords;
        durable = new JournalPosition(segmentNo, fileEnd);
    }

    private void rotate() throws IOException {
        FileChannel next = Segments.create(dir, segmentNo + 1);
        segment.close();
        segment = next;
        segmentNo++;
        fileEnd = Segments.FIRST_FRAME;
        durable = new JournalPosition(segmentNo, fileEnd);
    }

    private void onWriteError(IOException e) {
        writeError = "journal write failed: " + e.getMessage();
        long now = System.nanoTime();
        if (now - lastErrorLogNanos >= ERROR_LOG_INTERVAL_NANOS) {
            lastErrorLogNanos = now;
            LOG.error("journal write to segment {} failed ({} records waiting); retrying: {}", segmentNo,
                    queue.size() + bufferedRecords, e.getMessage());
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // closing after a failure: the first error is the one reported
            }
        }
    }

    /** An fsync error: unlike a write error it cannot be retried safely (the kernel may have dropped the pages). */
    private static final class FsyncFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FsyncFailed(IOException cause) {
            super("journal fsync failed: " + cause.getMessage(), cause);
        }
    }
}
