package io.velocity.storage.journal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link Journal} writes.
 *
 * @param directory     folder of the segment files, the shipper checkpoint and rejected records
 * @param fsyncInterval longest time an accepted record waits before it is fsynced (group commit)
 * @param segmentBytes  a segment is closed and a new one started once it reaches this size
 * @param queueCapacity records that may wait for the writer thread; when full, appends are refused
 */
public record JournalOptions(Path directory, Duration fsyncInterval, long segmentBytes, int queueCapacity) {

    /** 64 MiB segments: a few minutes of peak trading, small enough to delete once shipped. */
    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;
    /** 64 Ki records: seconds of the busiest burst the engine can produce. */
    public static final int DEFAULT_QUEUE_CAPACITY = 1 << 16;

    public JournalOptions {
        if (directory == null) {
            throw new IllegalArgumentException("journal directory must be set");
        }
        if (fsyncInterval == null || fsyncInterval.isNegative() || fsyncInterval.isZero()) {
            throw new IllegalArgumentException("fsyncInterval must be positive");
        }
        if (segmentBytes < 4096) {
            throw new IllegalArgumentException("segmentBytes must be at least 4096: " + segmentBytes);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
    }

    /** Default segment size and queue capacity. */
    public static JournalOptions of(Path directory, Duration fsyncInterval) {
        return new JournalOptions(directory, fsyncInterval, DEFAULT_SEGMENT_BYTES, DEFAULT_QUEUE_CAPACITY);
    }

    public JournalOptions withSegmentBytes(long bytes) {
        return new JournalOptions(directory, fsyncInterval, bytes, queueCapacity);
    }

    public JournalOptions withQueueCapacity(int capacity) {
        return new JournalOptions(directory, fsyncInterval, segmentBytes, capacity);
    }
}
