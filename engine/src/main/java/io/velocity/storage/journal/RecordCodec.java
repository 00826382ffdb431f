package io.velocity.storage.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * The on-disk frame of one journal record:
 * <pre>
 *   int  payloadLength          (big-endian, 1 .. MAX_PAYLOAD)
 *   int  crc32c(length bytes ‖ payload)
 *   byte type                   (1 = trade log v1, 2 = audit v1)
 *   …    fields                 (strings: int byte length + UTF-8; enums by name)
 * </pre>
 * The checksum covers the length too, so a torn or overwritten length is caught as surely as
 * a torn payload. Enums are written by name so reordering an enum never changes old records.
 */
final class RecordCodec {
    /** Bytes before the payload: length and checksum. */
    static final int FRAME_HEADER = 8;
    /** Largest payload accepted on read; the record field limits keep every real record far below it. */
    static final int MAX_PAYLOAD = 1 << 20;

    private static final byte TRADE_LOG_V1 = 1;
    private static final byte AUDIT_V1 = 2;

    private RecordCodec() {
    }

    /** An upper bound of the frame size of {@code r}, so the caller can make room first. */
    static int maxFrameBytes(JournalRecord r) {
        // 3 UTF-8 bytes per UTF-16 char is an upper bound (a surrogate pair is 4 bytes for 2 chars).
        return switch (r) {
            // type, step, 9 longs/doubles, 9 string lengths, strings (the four enum names are < 32 chars)
            case TradeLogRecord t -> FRAME_HEADER + 1 + 4 + 9 * 8 + 9 * 4
                    + 3 * (t.traceId().length() + t.market().length() + t.tokenId().length() + t.outcome().length() + 32);
            // type, epoch, 5 string lengths, strings
            case AuditRecord a -> FRAME_HEADER + 1 + 8 + 5 * 4
                    + 3 * (a.eventId().length() + a.actor().length() + a.action().length() + a.reason().length()
                    + a.detail().length());
        };
    }

    /** Appends the frame of {@code r} at {@code buf}'s position; the caller ensured {@link #maxFrameBytes} room. */
    static void writeFrame(JournalRecord r, ByteBuffer buf, CRC32C crc) {
        int start = buf.position();
        buf.position(start + FRAME_HEADER);
        switch (r) {
            case TradeLogRecord t -> writeTradeLog(t, buf);
            case AuditRecord a -> writeAudit(a, buf);
        }
        int end = buf.position();
        int length = end - start - FRAME_HEADER;
        buf.putInt(start, length);
        buf.putInt(start + 4, checksum(crc, buf, start + FRAME_HEADER, length));
        buf.position(end);
    }

    /**
     * The CRC32C of a frame: its 4 length bytes, then the payload found at
     * {@code buf[payloadStart, payloadStart+length)}. Leaves buf's position and limit as they were.
     */
    static int checksum(CRC32C crc, ByteBuffer buf, int payloadStart, int length) {
        crc.reset();
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        int pos = buf.position();
        int lim = buf.limit();
        buf.limit(payloadStart + length).position(payloadStart);
        crc.update(buf);
        buf.limit(lim).position(pos);
        return (int) crc.getValue();
    }

    /** Decodes the payload in {@code buf[position, limit)}. */
    static JournalRecord readPayload(ByteBuffer buf) {
        byte type = buf.get();
        return switch (type) {
            case TRADE_LOG_V1 -> new TradeLogRecord(str(buf), buf.getInt(), buf.getLong(), TradeStage.valueOf(str(buf)),
                    str(buf), str(buf), TradeSide.valueOf(str(buf)), IntentType.valueOf(str(buf)), buf.getDouble(),
                    buf.getDouble(), buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong(), buf.getLong(),
                    Rail.valueOf(str(buf)), buf.getLong(), str(buf));
            case AUDIT_V1 -> new AuditRecord(str(buf), buf.getLong(), str(buf), str(buf), str(buf), str(buf));
            default -> throw new IllegalArgumentException("unknown journal record type " + type);
        };
    }

    private static void writeTradeLog(TradeLogRecord t, ByteBuffer buf) {
        buf.put(TRADE_LOG_V1);
        str(buf, t.traceId());
        buf.putInt(t.step());
        buf.putLong(t.epochMillis());
        str(buf, t.stage().name());
        str(buf, t.market());
        str(buf, t.tokenId());
        str(buf, t.side().name());
        str(buf, t.intent().name());
        buf.putDouble(t.fairValue());
        buf.putDouble(t.edge());
        buf.putLong(t.priceMicros());
        buf.putLong(t.sizeMicros());
        buf.putLong(t.feeMicros());
        buf.putLong(t.gasMicros());
        buf.putLong(t.kellyMicros());
        str(buf, t.rail().name());
        buf.putLong(t.latencyMicros());
        str(buf, t.outcome());
    }

    private static void writeAudit(AuditRecord a, ByteBuffer buf) {
        buf.put(AUDIT_V1);
        str(buf, a.eventId());
        buf.putLong(a.epochMillis());
        str(buf, a.actor());
        str(buf, a.action());
        str(buf, a.reason());
        str(buf, a.detail());
    }

    private static void str(ByteBuffer buf, String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        buf.putInt(bytes.length);
        buf.put(bytes);
    }

    private static String str(ByteBuffer buf) {
        int n = buf.getInt();
        if (n < 0 || n > buf.remaining()) {
            throw new IllegalArgumentException("string length " + n + " exceeds the record");
        }
        byte[] bytes = new byte[n];
        buf.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
