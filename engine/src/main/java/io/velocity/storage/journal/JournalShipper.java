package io.velocity.storage.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Copies durable journal records into a {@link JournalSink} (PostgreSQL) in order, in batches,
 * on its own thread. Reading resumes at the checkpoint ({@link ShipperCheckpoint}) written after
 * every stored batch; segments wholly before it are deleted.
 *
 * <p>When the sink is down, slow or fails a batch, the batch is kept and offered again with
 * backoff (50 ms doubling to 2 s) until it is stored: records stay in the journal meanwhile, so
 * nothing is lost and order is kept. A replay after a crash between storing and checkpointing
 * offers some records twice; the sink's idempotent insert skips them. When the sink refuses a
 * batch for its content, the records are stored one by one and only the refused ones are moved
 * to {@link RejectedRecords}.
 */
public final class JournalShipper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalShipper.class);

    private static final long MIN_BACKOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long FAILURE_LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final Journal journal;
    private final JournalSink sink;
    private final int batchSize;
    private final long idlePollNanos;
    private final Path dir;
    private final RejectedRecords rejected;

    private volatile boolean stopping;
    private volatile long stopDeadlineNanos;
    private volatile Thread thread;
    private volatile JournalPosition shipped;
    private volatile long shippedRecords;
    private volatile long rejectedRecords;
    private volatile int consecutiveFailures;
    private volatile String lastError;
    private volatile long lastStoreMicros = -1;

    // shipper-thread state
    private long failingSinceNanos;
    private long lastFailureLogNanos;

    /**
     * @param batchSize largest number of records stored in one transaction
     * @param idlePoll  how often an idle shipper looks for newly durable records
     */
    public JournalShipper(Journal journal, JournalSink sink, int batchSize, Duration idlePoll) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.journal = journal;
        this.sink = sink;
        this.batchSize = batchSize;
        this.idlePollNanos = idlePoll.toNanos();
        this.dir = journal.directory();
        this.rejected = new RejectedRecords(dir);
        this.shipped = startPosition();
    }

    private JournalPosition startPosition() {
        JournalPosition durable = journal.durablePosition();
        JournalPosition first;
        try {
            List<Long> segments = Segments.list(dir);
            first = new JournalPosition(segments.isEmpty() ? durable.segment() : segments.get(0), Segments.FIRST_FRAME);
        } catch (IOException e) {
            throw new UncheckedIOException("listing journal segments in " + dir, e);
        }
        JournalPosition cp = ShipperCheckpoint.load(dir);
        if (cp == null || cp.isBefore(first)) {
            return first;
        }
        if (durable.isBefore(cp)) {
            LOG.warn("journal checkpoint {} is past the journal's end {}: shipping from the end", cp, durable);
            return durable;
        }
        return cp;
    }

    /** Starts the shipper thread. */
    public synchronized JournalShipper start() {
        if (thread == null) {
            Thread t = new Thread(this::run, "velocity-journal-shipper");
            t.setDaemon(true);
            thread = t;
            t.start();
        }
        return this;
    }

    /** Every record before this position is stored in the sink. */
    public JournalPosition shippedPosition() {
        return shipped;
    }

    /** Records stored since start (including ones the sink already had). */
    public long shippedCount() {
        return shippedRecords;
    }

    /** Records moved to the rejected file since start. */
    public long rejectedCount() {
        return rejectedRecords;
    }

    /** Failed attempts in a row (0 when the last attempt worked). */
    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** The last failure's message while failing, else null. */
    public String lastError() {
        return lastError;
    }

    /** Duration of the last successful store, in microseconds (-1 before the first). */
    public long lastStoreMicros() {
        return lastStoreMicros;
    }

    /** True when everything durable in the journal is stored. */
    public boolean caughtUp() {
        return !shipped.isBefore(journal.durablePosition());
    }

    /** The file holding refused records. */
    public Path rejectedFile() {
        return rejected.file();
    }

    /**
     * Stops the thread after it has shipped what is durable, waiting at most {@code drainTimeout};
     * it stops at once if the sink fails meanwhile. Records not shipped stay in the journal and
     * ship at the next start.
     */
    public void close(Duration drainTimeout) {
        stopDeadlineNanos = System.nanoTime() + drainTimeout.toNanos();
        stopping = true;
        Thread t = thread;
        if (t == null) {
            return;
        }
        if (consecutiveFailures > 0) {
            // the store is failing: cut short a wait for a connection instead of sitting it out
            t.interrupt();
        } else {
            LockSupport.unpark(t);
        }
        try {
            t.join(drainTimeout.toMillis() + TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (t.isAlive()) {
            LOG.warn("journal shipper still busy after close; it stops at its next step");
        } else if (!caughtUp()) {
            LOG.warn("journal shipper stopped before the database had every record; the rest ships at next start "
                    + "(shipped up to {}, journal ends at {})", shipped, journal.durablePosition());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    // ------------------------------------------------------------------ shipper thread

    private void run() {
        List<JournalEntry> batch = new ArrayList<>(batchSize);
        long backoff = MIN_BACKOFF_NANOS;
        try (JournalReader reader = new JournalReader(dir, shipped, this::keepUndecodable)) {
            while (!(stopping && System.nanoTime() - stopDeadlineNanos > 0)) {
                if (batch.isEmpty()) {
                    try {
                        reader.read(journal.durablePosition(), batchSize, batch);
                    } catch (RuntimeException | IOException e) {
                        fail("reading the journal failed: " + e.getMessage(), e);
                        LockSupport.parkNanos(MAX_BACKOFF_NANOS);
                        continue;
                    }
                    if (batch.isEmpty()) {
                        if (stopping) {
                            return;
                        }
                        LockSupport.parkNanos(this, idlePollNanos);
                        continue;
                    }
                }
                if (storeBatch(batch)) {
                    backoff = MIN_BACKOFF_NANOS;
                } else if (stopping) {
                    return; // the store is failing: what is left ships at the next start
                } else {
                    LockSupport.parkNanos(this, backoff);
                    backoff = Math.min(backoff * 2, MAX_BACKOFF_NANOS);
                }
            }
        } catch (IOException e) {
            LOG.warn("closing the journal reader: {}", e.getMessage());
        } catch (RuntimeException | Error e) {
            lastError = "journal shipper died: " + e;
            LOG.error("journal shipper died; records stay in the journal and ship at next start", e);
        }
    }

    /** Stores the batch; on success acknowledges it and empties it. Returns false to retry later. */
    private boolean storeBatch(List<JournalEntry> batch) {
        List<JournalRecord> records = new ArrayList<>(batch.size());
        for (JournalEntry e : batch) {
            records.add(e.record());
        }
        try {
            long t0 = System.nanoTime();
            sink.store(records);
            lastStoreMicros = (System.nanoTime() - t0) / 1_000;
            acknowledge(batch.get(batch.size() - 1).end(), batch.size());
            batch.clear();
            recovered();
            return true;
        } catch (Exception e) {
            if (sink.rejectsRecords(e)) {
                return storeOneByOne(batch);
            }
            fail("storing " + batch.size() + " journal records failed: " + sink.describe(e), null);
            return false;
        }
    }

    /** After a content refusal: stores each record alone, moving refused ones aside. */
    private boolean storeOneByOne(List<JournalEntry> batch) {
        int done = 0;
        try {
            for (JournalEntry entry : batch) {
                try {
                    sink.store(List.of(entry.record()));
                } catch (Exception e) {
                    if (!sink.rejectsRecords(e)) {
                        fail("storing journal record " + entry.record().key() + " failed: " + sink.describe(e), null);
                        return false;
                    }
                    rejected.keep(entry.record(), sink.describe(e));
                    rejectedRecords++;
                }
                done++;
            }
            recovered();
            return true;
        } catch (IOException e) {
            fail("keeping a refused journal record failed: " + e.getMessage(), e);
            return false;
        } finally {
            if (done > 0) {
                acknowledge(batch.get(done - 1).end(), done);
                batch.subList(0, done).clear();
            }
        }
    }

    private void keepUndecodable(JournalPosition at, ByteBuffer payload, Exception why) {
        try {
            rejected.keepRaw(at, payload, why.getMessage());
            rejectedRecords++;
        } catch (IOException e) {
            throw new UncheckedIOException("keeping an undecodable journal record at " + at, e);
        }
    }

    private void acknowledge(JournalPosition end, int records) {
        try {
            ShipperCheckpoint.store(dir, end);
        } catch (RuntimeException e) {
            // the records are stored; a stale checkpoint only means some are offered again later
            LOG.warn("writing the journal checkpoint failed: {}", e.getMessage());
        }
        shipped = end;
        shippedRecords += records;
        deleteSegmentsBefore(end.segment());
    }

    private void deleteSegmentsBefore(long segment) {
        try {
            for (long s : Segments.list(dir)) {
                if (s >= segment) {
                    break;
                }
                Files.deleteIfExists(Segments.path(dir, s));
            }
        } catch (IOException e) {
            LOG.warn("deleting shipped journal segments failed: {}", e.getMessage());
        }
    }

    private void fail(String message, Throwable cause) {
        long now = System.nanoTime();
        if (consecutiveFailures == 0) {
            failingSinceNanos = now;
        }
        consecutiveFailures++;
        lastError = message;
        if (consecutiveFailures == 1 || now - lastFailureLogNanos >= FAILURE_LOG_INTERVAL_NANOS) {
            lastFailureLogNanos = now;
            if (cause != null) {
                LOG.warn("{}; records stay in the journal and are retried", message, cause);
            } else {
                LOG.warn("{}; records stay in the journal and are retried", message);
            }
        }
    }

    private void recovered() {
        if (consecutiveFailures > 0) {
            LOG.info("journal shipping works again after {} failed attempts in {} ms", consecutiveFailures,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failingSinceNanos));
            consecutiveFailures = 0;
            lastError = null;
        }
    }
}
