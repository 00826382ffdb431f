package io.velocity.accounting;

import io.velocity.core.Clock;
import io.velocity.storage.journal.AppendResult;
import io.velocity.storage.journal.AuditRecord;
import io.velocity.storage.journal.Journal;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes accounting's audit events (redemptions, reconciliation differences, approvals) through
 * the durable journal into {@code audit_log}: on disk first, in PostgreSQL when it answers.
 * Callers are accounting threads that may wait briefly, never the engine thread.
 */
public final class AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private static final Duration MAX_WAIT = Duration.ofSeconds(2);

    private final Journal journal;
    private final Clock clock;

    /**
     * @param journal the started journal
     * @param clock   time source of the events
     */
    public AuditTrail(Journal journal, Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records one event.
     *
     * @param actor  who acted ("chain", "reconciliation", "trader")
     * @param action what, dotted ("redemption.confirmed", "reconcile.difference")
     * @param reason why, in words
     * @param detail machine-readable detail (JSON), "" when none
     * @return true when the journal accepted it
     */
    public boolean record(String actor, String action, String reason, String detail) {
        AuditRecord record = AuditRecord.of(clock.epochMillis(), actor, action, truncate(reason,
                AuditRecord.MAX_REASON_CHARS), truncate(detail, AuditRecord.MAX_DETAIL_CHARS));
        AppendResult result = journal.append(record, MAX_WAIT);
        if (result != AppendResult.ACCEPTED) {
            LOG.error("Audit event {} ({}) was not journaled: {}", action, reason, result);
            return false;
        }
        return true;
    }

    private static String truncate(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
