package io.velocity.accounting.records;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Small JDBC conversions shared by the record classes. */
final class Sql {

    private Sql() {
    }

    /** @return an epoch-millisecond time as the {@code timestamptz} value pgjdbc binds */
    static OffsetDateTime time(long epochMillis) {
        return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
    }

    /** @return the epoch milliseconds of a {@code timestamptz} column value */
    static long millis(Timestamp timestamp) {
        return timestamp == null ? 0 : timestamp.getTime();
    }
}
