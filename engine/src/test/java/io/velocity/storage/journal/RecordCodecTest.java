package io.velocity.storage.journal;

import io.velocity.storage.TestRecords;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordCodecTest {
    private final CRC32C crc = new CRC32C();

    private JournalRecord roundTrip(JournalRecord r) {
        ByteBuffer buf = ByteBuffer.allocate(RecordCodec.maxFrameBytes(r));
        RecordCodec.writeFrame(r, buf, crc);
        int length = buf.getInt(0);
        assertThat(buf.position()).isEqualTo(RecordCodec.FRAME_HEADER + length);
        assertThat(RecordCodec.checksum(crc, buf, RecordCodec.FRAME_HEADER, length)).isEqualTo(buf.getInt(4));
        return RecordCodec.readPayload(buf.duplicate().position(RecordCodec.FRAME_HEADER).limit(buf.position()));
    }

    @Test
    void tradeLogRecordsSurviveEncodingUnchanged() {
        TradeLogRecord r = TestRecords.trade("0193a2b4c5d6e7f8a9b0c1", 3, 1_732_500_000_123L);
        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void auditRecordsWithNonAsciiTextSurviveEncodingUnchanged() {
        AuditRecord r = new AuditRecord("e-1", 1_732_500_000_000L, "trader", "killswitch.release",
                "volatilité normale again — 😀 ok", "{\"by\":\"ünïcode\"}");
        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void theLargestAllowedRecordFitsItsReservedRoom() {
        String big = "€".repeat(AuditRecord.MAX_DETAIL_CHARS);
        AuditRecord r = new AuditRecord("e".repeat(AuditRecord.MAX_SHORT_CHARS), 0, "a", "b",
                "😀".repeat(AuditRecord.MAX_REASON_CHARS / 2), big);
        assertThat(RecordCodec.maxFrameBytes(r)).isLessThan(RecordCodec.MAX_PAYLOAD);
        assertThat(roundTrip(r)).isEqualTo(r);
    }

    @Test
    void aFlippedBitChangesTheChecksum() {
        TradeLogRecord r = TestRecords.trade("t", 0, 1);
        ByteBuffer buf = ByteBuffer.allocate(RecordCodec.maxFrameBytes(r));
        RecordCodec.writeFrame(r, buf, crc);
        int length = buf.getInt(0);
        buf.put(20, (byte) (buf.get(20) ^ 0x01));
        assertThat(RecordCodec.checksum(crc, buf, RecordCodec.FRAME_HEADER, length)).isNotEqualTo(buf.getInt(4));
    }

    @Test
    void recordsThatTheDatabaseWouldRefuseCannotBeCreated() {
        assertThatThrownBy(() -> TradeLogRecord.builder("t", 0, TradeStage.DECISION, 1).outcome("a\0b").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outcome contains a NUL");
        assertThatThrownBy(() -> TradeLogRecord.builder("t", 0, TradeStage.DECISION, 1).model(Double.NaN, 0, 0).build())
                .hasMessageContaining("fairValue must be a finite number");
        assertThatThrownBy(() -> TradeLogRecord.builder(" ", 0, TradeStage.DECISION, 1).build())
                .hasMessageContaining("traceId must not be blank");
        assertThatThrownBy(() -> TradeLogRecord.builder("t", -1, TradeStage.DECISION, 1).build())
                .hasMessageContaining("step must be >= 0");
        assertThatThrownBy(() -> TradeLogRecord.builder("t", 0, TradeStage.DECISION, 1).costs(-1, 0).build())
                .hasMessageContaining("feeMicros must be >= 0");
        assertThatThrownBy(() -> AuditRecord.of(1, "trader", "x", "r", "d".repeat(AuditRecord.MAX_DETAIL_CHARS + 1)))
                .hasMessageContaining("detail is longer than");
    }

    @Test
    void theIdempotencyKeyNamesTheTraceAndStep() {
        assertThat(TestRecords.trade("abc", 2, 1).key()).isEqualTo("abc/2");
    }
}
