package io.velocity.storage.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.CRC32C;

/**
 * Reads frames of one segment sequentially from an offset up to a limit, checking each length
 * and checksum. Used at open to find a torn tail, and by the shipper to read durable records.
 * Not thread-safe: one owner.
 */
final class SegmentScanner {

    /** What {@link #next()} found. */
    enum Step {
        /** A whole, valid frame: {@link #payload()} holds it, {@link #position()} is just past it. */
        RECORD,
        /** The limit was reached exactly at a frame boundary. */
        END,
        /** A partial or invalid frame starts at {@link #position()}: {@link #problem()} says why. */
        CORRUPT
    }

    private final FileChannel channel;
    private long limit;
    private final CRC32C crc = new CRC32C();
    private final ByteBuffer buf = ByteBuffer.allocate(RecordCodec.FRAME_HEADER + RecordCodec.MAX_PAYLOAD);
    private final ByteBuffer payload;
    private long bufFileOffset;   // file offset of buf[0]
    private long position;        // file offset of the next frame
    private String problem = "";

    /**
     * @param start offset of the first frame to read
     * @param limit bytes of the file that may be read (its size, or the durable offset)
     */
    SegmentScanner(FileChannel channel, long start, long limit) {
        this.channel = channel;
        this.limit = limit;
        this.position = start;
        this.bufFileOffset = start;
        this.buf.limit(0);
        this.payload = buf.duplicate();
    }

    /** Lets the scanner read further, once more of the file is durable. */
    void extendLimit(long newLimit) {
        if (newLimit > limit) {
            limit = newLimit;
        }
    }

    long limit() {
        return limit;
    }

    /** File offset just past the last valid frame returned (or the start). */
    long position() {
        return position;
    }

    String problem() {
        return problem;
    }

    /** The last frame's payload, positioned at its first byte; valid until the next call. */
    ByteBuffer payload() {
        return payload;
    }

    Step next() throws IOException {
        if (position >= limit) {
            return Step.END;
        }
        if (!ensure(RecordCodec.FRAME_HEADER)) {
            return corrupt("a partial frame header (" + (limit - position) + " bytes) at the end");
        }
        int at = (int) (position - bufFileOffset);
        int length = buf.getInt(at);
        if (length <= 0 || length > RecordCodec.MAX_PAYLOAD) {
            return corrupt("an invalid frame length " + length);
        }
        if (!ensure(RecordCodec.FRAME_HEADER + length)) {
            return corrupt("a frame of " + length + " bytes cut off by the end of the file");
        }
        at = (int) (position - bufFileOffset);
        int stored = buf.getInt(at + 4);
        if (RecordCodec.checksum(crc, buf, at + RecordCodec.FRAME_HEADER, length) != stored) {
            return corrupt("a checksum mismatch");
        }
        payload.limit(at + RecordCodec.FRAME_HEADER + length).position(at + RecordCodec.FRAME_HEADER);
        position += RecordCodec.FRAME_HEADER + length;
        return Step.RECORD;
    }

    private Step corrupt(String why) {
        problem = why;
        return Step.CORRUPT;
    }

    /** Makes {@code n} bytes from {@link #position} available in buf; false if the limit comes first. */
    private boolean ensure(int n) throws IOException {
        if (position + n > limit) {
            return false;
        }
        long have = bufFileOffset + buf.limit() - position;
        if (have >= n) {
            return true;
        }
        // move the unread bytes to the front, then read more
        int keep = (int) have;
        int from = (int) (position - bufFileOffset);
        buf.position(from).limit(from + keep);
        buf.compact();
        bufFileOffset = position;
        long want = Math.min(buf.capacity() - keep, limit - (position + keep));
        buf.limit(keep + (int) want);
        while (buf.position() < buf.limit()) {
            int r = channel.read(buf, bufFileOffset + buf.position());
            if (r < 0) {
                break;
            }
        }
        buf.limit(buf.position()).position(0);
        return buf.limit() >= n;
    }
}
