package io.velocity.storage.journal;

import java.util.List;

/** Where the {@link JournalShipper} stores records (PostgreSQL in production). */
public interface JournalSink {

    /**
     * Stores {@code batch} atomically (all or nothing) and idempotently: records already stored
     * are skipped, so a batch may be offered again after a failure or a crash.
     *
     * @throws Exception when nothing was stored
     */
    void store(List<JournalRecord> batch) throws Exception;

    /**
     * True when {@code failure} is about the records themselves (retrying them unchanged can
     * never succeed); false when the store is unavailable, slow or overloaded and a retry later
     * may succeed.
     */
    boolean rejectsRecords(Exception failure);

    /** One short line describing {@code failure} for logs and health (no statement text, no row data). */
    default String describe(Exception failure) {
        return String.valueOf(failure.getMessage());
    }
}
