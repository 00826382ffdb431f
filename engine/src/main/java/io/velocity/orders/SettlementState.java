package io.velocity.orders;

/** On-chain settlement of an order's fills, as the venue's user channel reports it. */
public enum SettlementState {
    NONE,
    MATCHED,
    MINED,
    CONFIRMED,
    RETRYING,
    FAILED;

    /** Parses the venue's trade status ({@code MATCHED}, {@code MINED}, ...). */
    public static SettlementState fromVenue(String status) {
        return switch (status == null ? "" : status.toUpperCase(java.util.Locale.ROOT)) {
            case "MATCHED" -> MATCHED;
            case "MINED" -> MINED;
            case "CONFIRMED" -> CONFIRMED;
            case "RETRYING" -> RETRYING;
            case "FAILED" -> FAILED;
            default -> throw new IllegalArgumentException("unknown trade status '" + status + "'");
        };
    }

    /** Whether the venue may move a trade from {@code this} to {@code next}. */
    public boolean canMoveTo(SettlementState next) {
        return switch (this) {
            case NONE -> next != NONE;
            case MATCHED -> next == MINED || next == CONFIRMED || next == RETRYING || next == FAILED;
            case MINED -> next == CONFIRMED || next == RETRYING || next == FAILED;
            case RETRYING -> next == MINED || next == CONFIRMED || next == FAILED || next == RETRYING;
            case CONFIRMED, FAILED -> false;
        };
    }
}
