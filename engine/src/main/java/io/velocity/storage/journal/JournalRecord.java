package io.velocity.storage.journal;

/**
 * One durable fact written to the local journal before the database. Each record carries its
 * own idempotency key, so replaying the journal into PostgreSQL after an outage never writes a
 * record twice.
 */
public sealed interface JournalRecord permits TradeLogRecord, AuditRecord {

    /** Epoch milliseconds when the fact happened (also the database time column). */
    long epochMillis();

    /** The idempotency key as one printable string, for logs ("trace/step" or the audit event id). */
    String key();
}
