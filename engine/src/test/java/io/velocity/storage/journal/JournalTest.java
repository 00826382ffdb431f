package io.velocity.storage.journal;

import io.velocity.core.StorageException;
import io.velocity.storage.TestRecords;
import io.velocity.telemetry.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class JournalTest {
    private static final long T0 = 1_732_500_000_000L;

    @TempDir
    Path dir;

    private JournalOptions options() {
        return JournalOptions.of(dir, Duration.ofMillis(5));
    }

    /** Every durable record of the journal in {@code dir}, in order. */
    static List<JournalRecord> readAll(Path dir, JournalPosition end) throws IOException {
        List<JournalEntry> entries = new ArrayList<>();
        List<Long> segments = Segments.list(dir);
        try (JournalReader r = new JournalReader(dir, new JournalPosition(segments.get(0), Segments.FIRST_FRAME),
                (at, payload, why) -> {
                    throw new AssertionError("undecodable record at " + at, why);
                })) {
            while (r.read(end, 10_000, entries) > 0) {
                // keep reading
            }
        }
        return entries.stream().map(JournalEntry::record).toList();
    }

    private static List<JournalRecord> numbered(String run, int n) {
        List<JournalRecord> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(TestRecords.numbered(run, i, T0));
        }
        return out;
    }

    @Test
    void acceptedRecordsBecomeDurableWithoutCloseAndReadBackInOrder() throws IOException {
        List<JournalRecord> records = numbered("a", 20_000);
        try (Journal j = Journal.open(options()).start()) {
            for (JournalRecord r : records) {
                assertThat(j.tryAppend(r)).isEqualTo(AppendResult.ACCEPTED);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> j.durableCount() == records.size());
            assertThat(j.lastFsyncMicros()).isGreaterThanOrEqualTo(0);
            assertThat(readAll(dir, j.durablePosition())).isEqualTo(records);
        }
    }

    @Test
    void recordsFromManyThreadsAreAllWritten() throws Exception {
        int threads = 4;
        int each = 5_000;
        try (Journal j = Journal.open(options()).start()) {
            List<CompletableFuture<Void>> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String run = "p" + t;
                producers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < each; i++) {
                        assertThat(j.append(TestRecords.numbered(run, i, T0), Duration.ofSeconds(5)))
                                .isEqualTo(AppendResult.ACCEPTED);
                    }
                }));
            }
            CompletableFuture.allOf(producers.toArray(CompletableFuture[]::new)).join();
            await().atMost(Duration.ofSeconds(10)).until(() -> j.durableCount() == threads * each);
            List<JournalRecord> back = readAll(dir, j.durablePosition());
            assertThat(back).hasSize(threads * each).doesNotHaveDuplicates();
            for (int t = 0; t < threads; t++) {
                String prefix = "p" + t + "-";
                List<JournalRecord> mine = back.stream().filter(r -> r.key().startsWith(prefix)).toList();
                assertThat(mine).isEqualTo(numbered("p" + t, each));
            }
        }
    }

    @Test
    void rotatesSegmentsAndReadsAcrossThemInOrder() throws IOException {
        List<JournalRecord> records = numbered("rot", 2_000);
        try (Journal j = Journal.open(options().withSegmentBytes(16_384)).start()) {
            records.forEach(j::tryAppend);
            await().atMost(Duration.ofSeconds(10)).until(() -> j.durableCount() == records.size());
            assertThat(Segments.list(dir).size()).isGreaterThan(10);
            for (long s : Segments.list(dir)) {
                assertThat(Files.size(Segments.path(dir, s))).isLessThan(16_384 + 1_024);
            }
            assertThat(readAll(dir, j.durablePosition())).isEqualTo(records);
        }
    }

    @Test
    void aReaderFollowingTheWriterAcrossRotationsSeesEveryRecordOnceInOrder() throws Exception {
        List<JournalRecord> records = numbered("follow", 20_000);
        List<JournalEntry> seen = new ArrayList<>();
        try (Journal j = Journal.open(options().withSegmentBytes(64 * 1024)).start();
             JournalReader reader = new JournalReader(dir, new JournalPosition(1, Segments.FIRST_FRAME),
                     (at, payload, why) -> {
                         throw new AssertionError("undecodable record at " + at, why);
                     })) {
            CompletableFuture<Void> producer = CompletableFuture.runAsync(() -> {
                for (JournalRecord r : records) {
                    assertThat(j.append(r, Duration.ofSeconds(5))).isEqualTo(AppendResult.ACCEPTED);
                    if (r.key().endsWith("/0")) {
                        Thread.onSpinWait();
                    }
                }
            });
            // read while the writer appends and rotates, the way the shipper does
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.size() < records.size() && System.nanoTime() < deadline) {
                reader.read(j.durablePosition(), 333, seen);
            }
            producer.join();
        }
        assertThat(Segments.list(dir).size()).isGreaterThan(5);
        assertThat(seen.stream().map(JournalEntry::record).toList()).isEqualTo(records);
    }

    @Test
    void aFullQueueRefusesAppendsAtOnceAndCountsEveryRefusal() throws IOException {
        Journal j = Journal.open(options().withQueueCapacity(4));
        try {
            // the writer is not started yet, so nothing drains the queue
            for (int i = 0; i < 4; i++) {
                assertThat(j.tryAppend(TestRecords.numbered("full", i, T0))).isEqualTo(AppendResult.ACCEPTED);
            }
            assertThat(j.tryAppend(TestRecords.numbered("full", 4, T0))).isEqualTo(AppendResult.FULL);
            assertThat(j.tryAppend(TestRecords.numbered("full", 5, T0))).isEqualTo(AppendResult.FULL);
            assertThat(j.rejectedCount()).isEqualTo(2);
            assertThat(j.acceptedCount()).isEqualTo(4);

            j.start();
            await().atMost(Duration.ofSeconds(5)).until(() -> j.durableCount() == 4);
            assertThat(j.tryAppend(TestRecords.numbered("full", 4, T0))).isEqualTo(AppendResult.ACCEPTED);
        } finally {
            j.close();
        }
        try (Journal again = Journal.open(options())) {
            assertThat(readAll(dir, again.durablePosition())).isEqualTo(numbered("full", 5));
        }
    }

    @Test
    void aBoundedAppendWaitsForRoomInsteadOfFailing() throws Exception {
        try (Journal j = Journal.open(options().withQueueCapacity(2))) {
            j.tryAppend(TestRecords.numbered("wait", 0, T0));
            j.tryAppend(TestRecords.numbered("wait", 1, T0));
            CompletableFuture<AppendResult> waiting = CompletableFuture.supplyAsync(
                    () -> j.append(TestRecords.numbered("wait", 2, T0), Duration.ofSeconds(30)));
            assertThat(j.tryAppend(TestRecords.numbered("wait", 9, T0))).isEqualTo(AppendResult.FULL);
            j.start();
            assertThat(waiting.get()).isEqualTo(AppendResult.ACCEPTED);
            await().atMost(Duration.ofSeconds(5)).until(() -> j.durableCount() == 3);
        }
    }

    @Test
    void aBoundedAppendGivesUpAfterItsWaitAndCountsTheRefusal() throws IOException {
        try (Journal j = Journal.open(options().withQueueCapacity(1))) {
            j.tryAppend(TestRecords.numbered("give-up", 0, T0));
            assertThat(j.append(TestRecords.numbered("give-up", 1, T0), Duration.ofMillis(20))).isEqualTo(AppendResult.FULL);
            assertThat(j.rejectedCount()).isEqualTo(1);
        }
    }

    @Test
    void closeWritesEveryAcceptedRecordAndLaterAppendsAreRefused() throws IOException {
        List<JournalRecord> records = numbered("close", 5_000);
        Journal j = Journal.open(options()).start();
        records.forEach(j::tryAppend);
        j.close();
        assertThat(j.durableCount()).isEqualTo(records.size());
        assertThat(j.tryAppend(records.get(0))).isEqualTo(AppendResult.CLOSED);
        try (Journal again = Journal.open(options())) {
            assertThat(readAll(dir, again.durablePosition())).isEqualTo(records);
        }
    }

    @Test
    void recordsAppendAfterThoseOfThePreviousRun() throws IOException {
        try (Journal j = Journal.open(options()).start()) {
            numbered("first", 10).forEach(j::tryAppend);
        }
        try (Journal j = Journal.open(options()).start()) {
            numbered("second", 10).forEach(j::tryAppend);
        }
        List<JournalRecord> expected = new ArrayList<>(numbered("first", 10));
        expected.addAll(numbered("second", 10));
        try (Journal j = Journal.open(options())) {
            assertThat(readAll(dir, j.durablePosition())).isEqualTo(expected);
        }
    }

    @Test
    void aSecondJournalOnTheSameFolderIsRefused() {
        try (Journal j = Journal.open(options())) {
            assertThat(j.directory()).isEqualTo(dir);
            assertThatThrownBy(() -> Journal.open(options()))
                    .isInstanceOf(StorageException.class)
                    .hasMessageContaining("in use by another Velocity process");
        }
    }

    /** How a crash can leave the end of the newest segment. */
    enum Tear {
        /** The last frame was cut short. */
        CUT_FRAME,
        /** A bit of the last frame's payload flipped (the checksum catches it). */
        CORRUPT_PAYLOAD,
        /** The file grew but the new bytes were never written (zeros). */
        ZERO_FILLED,
        /** Only part of the next frame's header was written. */
        PARTIAL_HEADER
    }

    @ParameterizedTest
    @EnumSource(Tear.class)
    void aTornTailIsTruncatedToTheLastGoodRecordWithAWarning(Tear tear) throws IOException {
        List<JournalRecord> records = numbered("torn", 100);
        try (Journal j = Journal.open(options()).start()) {
            records.forEach(j::tryAppend);
        }
        Path segment = Segments.path(dir, 1);
        long goodSize = Files.size(segment);
        int lastFrame = RecordCodec.FRAME_HEADER + ByteBuffer.wrap(lastFrameHeader(segment, records)).getInt();
        List<JournalRecord> survivors = records;
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            switch (tear) {
                case CUT_FRAME -> {
                    ch.truncate(goodSize - 7);
                    survivors = records.subList(0, 99);
                }
                case CORRUPT_PAYLOAD -> {
                    long at = goodSize - lastFrame / 2;
                    ByteBuffer b = ByteBuffer.allocate(1);
                    try (FileChannel reader = FileChannel.open(segment, StandardOpenOption.READ)) {
                        reader.read(b, at);
                    }
                    ch.write(ByteBuffer.wrap(new byte[]{(byte) (b.get(0) ^ 0x40)}), at);
                    survivors = records.subList(0, 99);
                }
                case ZERO_FILLED -> ch.write(ByteBuffer.allocate(4096), goodSize);
                case PARTIAL_HEADER -> ch.write(ByteBuffer.wrap(new byte[]{0, 0, 1}), goodSize);
            }
        }
        try (LogCapture logs = new LogCapture(); Journal j = Journal.open(options()).start()) {
            assertThat(logs.text()).contains("torn record").contains("WARN");
            assertThat(readAll(dir, j.durablePosition())).isEqualTo(survivors);
            // appending continues right after the last good record
            JournalRecord next = TestRecords.trade("after-recovery", 0, T0);
            j.tryAppend(next);
            await().atMost(Duration.ofSeconds(5)).until(() -> j.durableCount() == 1);
            List<JournalRecord> expected = new ArrayList<>(survivors);
            expected.add(next);
            assertThat(readAll(dir, j.durablePosition())).isEqualTo(expected);
        }
    }

    @Test
    void aSegmentCutInsideItsHeaderIsStartedAgain() throws IOException {
        try (Journal j = Journal.open(options().withSegmentBytes(4096)).start()) {
            numbered("hdr", 40).forEach(j::tryAppend);
        }
        long last = Segments.list(dir).get(Segments.list(dir).size() - 1);
        Files.write(Segments.path(dir, last + 1), new byte[]{'V', 'J', 'R'});
        try (Journal j = Journal.open(options()).start()) {
            JournalRecord next = TestRecords.trade("after-header", 0, T0);
            j.tryAppend(next);
            await().atMost(Duration.ofSeconds(5)).until(() -> j.durableCount() == 1);
            List<JournalRecord> all = readAll(dir, j.durablePosition());
            assertThat(all).hasSize(41).endsWith(next);
        }
    }

    @Test
    void aFileThatIsNotAJournalIsNeverTruncated() throws IOException {
        Files.writeString(Segments.path(dir, 1), "this is somebody's notes, not a journal segment");
        assertThatThrownBy(() -> Journal.open(options()))
                .hasMessageContaining("does not start with the Velocity journal header");
        assertThat(Files.readString(Segments.path(dir, 1))).startsWith("this is somebody's notes");
    }

    /** The header bytes of the last frame, found by walking the frames. */
    private static byte[] lastFrameHeader(Path segment, List<JournalRecord> records) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            SegmentScanner s = new SegmentScanner(ch, Segments.FIRST_FRAME, ch.size());
            long lastStart = Segments.FIRST_FRAME;
            long prev = Segments.FIRST_FRAME;
            int n = 0;
            while (s.next() == SegmentScanner.Step.RECORD) {
                lastStart = prev;
                prev = s.position();
                n++;
            }
            assertThat(n).isEqualTo(records.size());
            ByteBuffer b = ByteBuffer.allocate(4);
            ch.read(b, lastStart);
            return b.array();
        }
    }
}
