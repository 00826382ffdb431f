package io.velocity.storage.journal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Where records go that the database refuses for what they contain (not because it is down),
 * or that this version cannot decode: appended as journal frames to
 * {@code <journal>/rejected/rejected.seg}, fsynced, so the shipper can move on without losing
 * them. The file uses the segment format, so it can be inspected and replayed with the journal
 * reader once the cause is fixed.
 */
final class RejectedRecords {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedRecords.class);

    private final Path file;
    private final CRC32C crc = new CRC32C();

    RejectedRecords(Path journalDir) {
        this.file = journalDir.resolve("rejected").resolve("rejected.seg");
    }

    Path file() {
        return file;
    }

    /** Keeps {@code record}, refused with {@code why}. */
    void keep(JournalRecord record, String why) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(RecordCodec.maxFrameBytes(record));
        RecordCodec.writeFrame(record, buf, crc);
        append(buf.flip());
        LOG.error("journal record {} was refused by the database ({}): kept in {}", record.key(), why, file);
    }

    /** Keeps an undecodable payload as a frame. */
    void keepRaw(JournalPosition at, ByteBuffer payload, String why) throws IOException {
        int length = payload.remaining();
        ByteBuffer buf = ByteBuffer.allocate(RecordCodec.FRAME_HEADER + length);
        buf.putInt(length).putInt(0).put(payload.duplicate());
        buf.putInt(4, RecordCodec.checksum(crc, buf, RecordCodec.FRAME_HEADER, length));
        append(buf.flip());
        LOG.error("journal record at {} cannot be decoded by this version ({}): kept in {}", at, why, file);
    }

    private void append(ByteBuffer frame) throws IOException {
        Files.createDirectories(file.getParent());
        boolean fresh = !Files.exists(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            if (fresh) {
                ch.write(ByteBuffer.wrap(Segments.MAGIC));
            }
            while (frame.hasRemaining()) {
                ch.write(frame);
            }
            ch.force(true);
        }
        if (fresh) {
            Segments.fsyncDirectory(file.getParent());
        }
    }
}
