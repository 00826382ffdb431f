package io.velocity.storage.journal;

/**
 * A record read back from the journal, with the position just past it (where reading resumes
 * once it is stored).
 */
public record JournalEntry(JournalRecord record, JournalPosition end) {
}
