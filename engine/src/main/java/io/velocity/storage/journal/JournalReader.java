package io.velocity.storage.journal;

import io.velocity.core.IntegrityException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads journal records in order from a position, never past the durable end. A damaged frame
 * in a sealed segment (one the writer has moved past) is logged and the rest of that segment
 * skipped; a damaged frame inside the durable part of the active segment cannot be stepped over
 * safely and is reported as an {@link IntegrityException} until an operator intervenes.
 * A valid frame that does not decode (written by a newer version) is handed to
 * {@code undecodable} with its bytes and skipped.
 */
final class JournalReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JournalReader.class);

    /** Receives frames that passed the checksum but could not be decoded. */
    interface Undecodable {
        void accept(JournalPosition at, ByteBuffer payload, Exception why);
    }

    private final Path dir;
    private final Undecodable undecodable;
    private long segmentNo;
    private long offset;
    private FileChannel channel;
    private SegmentScanner scanner;

    JournalReader(Path dir, JournalPosition start, Undecodable undecodable) {
        this.dir = dir;
        this.undecodable = undecodable;
        this.segmentNo = start.segment();
        this.offset = Math.max(start.offset(), Segments.FIRST_FRAME);
    }

    /** The position of the next record to read. */
    JournalPosition position() {
        return new JournalPosition(segmentNo, offset);
    }

    /**
     * Appends up to {@code max} records that end at or before {@code durable} to {@code out}.
     *
     * @return records appended
     */
    int read(JournalPosition durable, int max, List<JournalEntry> out) throws IOException {
        int n = 0;
        while (n < max && segmentNo <= durable.segment()) {
            boolean sealed = segmentNo < durable.segment();
            if (scanner == null && !openSegment(sealed, durable)) {
                continue;
            }
            if (!sealed) {
                scanner.extendLimit(durable.offset());
            }
            SegmentScanner.Step step = scanner.next();
            if (step == SegmentScanner.Step.RECORD) {
                JournalPosition end = new JournalPosition(segmentNo, scanner.position());
                ByteBuffer payload = scanner.payload();
                try {
                    out.add(new JournalEntry(RecordCodec.readPayload(payload.duplicate()), end));
                    n++;
                } catch (RuntimeException e) {
                    undecodable.accept(new JournalPosition(segmentNo, offset), payload, e);
                }
                offset = scanner.position();
            } else if (step == SegmentScanner.Step.END) {
                if (!sealed) {
                    break;
                }
                // The scanner may have been opened while this segment was still being written; now
                // that it is sealed (complete and fsynced), read it to its real end before moving on.
                long size = channel.size();
                if (scanner.limit() < size) {
                    scanner.extendLimit(size);
                    continue;
                }
                nextSegment();
            } else if (sealed) {
                LOG.error("journal segment {} is damaged at offset {} ({}): the rest of it cannot be read and is "
                        + "skipped; the file is kept", segmentNo, offset, scanner.problem());
                keepDamaged();
                nextSegment();
            } else {
                throw new IntegrityException("journal segment " + Segments.path(dir, segmentNo) + " is damaged at offset "
                        + offset + " (" + scanner.problem() + ") inside its fsynced part");
            }
        }
        return n;
    }

    /** Opens the current segment; if it no longer exists, moves to the next one present. */
    private boolean openSegment(boolean sealed, JournalPosition durable) throws IOException {
        Path file = Segments.path(dir, segmentNo);
        if (!Files.exists(file)) {
            long next = Segments.list(dir).stream().filter(s -> s > segmentNo).findFirst().orElse(-1L);
            if (next < 0 || next > durable.segment()) {
                throw new IntegrityException("journal segment " + file + " is missing and no later segment exists");
            }
            LOG.warn("journal segment {} is missing: continuing at segment {}", segmentNo, next);
            segmentNo = next;
            offset = Segments.FIRST_FRAME;
            return false;
        }
        channel = FileChannel.open(file, StandardOpenOption.READ);
        long limit = sealed ? channel.size() : durable.offset();
        scanner = new SegmentScanner(channel, offset, limit);
        return true;
    }

    private void nextSegment() throws IOException {
        closeSegment();
        segmentNo++;
        offset = Segments.FIRST_FRAME;
    }

    /** Renames a damaged sealed segment so deleting shipped segments never removes the evidence. */
    private void keepDamaged() throws IOException {
        Path file = Segments.path(dir, segmentNo);
        closeSegment();
        Files.move(file, file.resolveSibling(file.getFileName() + ".damaged"));
    }

    private void closeSegment() throws IOException {
        scanner = null;
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }

    @Override
    public void close() throws IOException {
        closeSegment();
    }
}
