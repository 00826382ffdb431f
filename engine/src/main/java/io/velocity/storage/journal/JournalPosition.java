package io.velocity.storage.journal;

/**
 * A byte position in the journal: segment number and offset within that segment file.
 * Positions order first by segment, then by offset.
 */
public record JournalPosition(long segment, long offset) implements Comparable<JournalPosition> {

    public JournalPosition {
        if (segment < 1 || offset < 0) {
            throw new IllegalArgumentException("bad journal position " + segment + ":" + offset);
        }
    }

    @Override
    public int compareTo(JournalPosition o) {
        int c = Long.compare(segment, o.segment);
        return c != 0 ? c : Long.compare(offset, o.offset);
    }

    public boolean isBefore(JournalPosition o) {
        return compareTo(o) < 0;
    }

    @Override
    public String toString() {
        return segment + ":" + offset;
    }
}
