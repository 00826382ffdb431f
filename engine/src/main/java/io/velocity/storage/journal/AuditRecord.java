package io.velocity.storage.journal;

import java.util.UUID;

/**
 * One row of {@code audit_log}: who did what to the system and why (kill switch engaged or
 * released, configuration changed, a release deployed, a keystore entry changed). Never holds
 * secret values: callers pass field names, not contents.
 *
 * @param eventId     unique id of the event (the idempotency key)
 * @param epochMillis when it happened
 * @param actor       who: "trader", "risk:daily-loss", "cli", a host name …
 * @param action      what, as a dotted word: "killswitch.engage", "killswitch.release", "config.change"
 * @param reason      why, in the actor's words ("" when none was given)
 * @param detail      machine-readable detail (usually JSON), "" when none
 */
public record AuditRecord(String eventId, long epochMillis, String actor, String action, String reason,
                          String detail) implements JournalRecord {

    public static final int MAX_SHORT_CHARS = 128;
    public static final int MAX_REASON_CHARS = 4096;
    public static final int MAX_DETAIL_CHARS = 65_536;

    public AuditRecord {
        RecordFields.id("eventId", eventId, MAX_SHORT_CHARS);
        RecordFields.id("actor", actor, MAX_SHORT_CHARS);
        RecordFields.id("action", action, MAX_SHORT_CHARS);
        RecordFields.text("reason", reason, MAX_REASON_CHARS);
        RecordFields.text("detail", detail, MAX_DETAIL_CHARS);
    }

    /** A new event with a random id. */
    public static AuditRecord of(long epochMillis, String actor, String action, String reason, String detail) {
        return new AuditRecord(UUID.randomUUID().toString(), epochMillis, actor, action, reason, detail);
    }

    @Override
    public String key() {
        return eventId;
    }
}
