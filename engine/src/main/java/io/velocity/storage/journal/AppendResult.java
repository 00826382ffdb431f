package io.velocity.storage.journal;

/**
 * What happened to a record offered to the journal. Anything but {@link #ACCEPTED} means the
 * record is NOT recorded: the caller still owns it and must count the failure and alert (a
 * trading system that cannot record its decisions must stop taking new risk).
 */
public enum AppendResult {
    /** Queued for the writer thread; durable within the fsync interval. */
    ACCEPTED,
    /** The writer is behind (disk slow or failing) and the queue is full. */
    FULL,
    /** The journal is closed. */
    CLOSED,
    /** An fsync failed: durability of the journal is unknown, so it accepts nothing until restarted. */
    FAILED
}
