package io.velocity.accounting.recovery;

import java.util.Objects;

/**
 * One difference reconciliation found between local state and the truth (the venue for open
 * orders, the chain for balances), and what was done about it.
 *
 * @param kind       what kind of state differed
 * @param key        which item (order id, market/token, "sys:bankroll:usdc", tx hash)
 * @param local      what Redis or the database said
 * @param truth      what the venue or chain says
 * @param correction what reconciliation did
 */
public record Discrepancy(Kind kind, String key, String local, String truth, String correction) {

    /** Kinds of state reconciled. */
    public enum Kind {
        /** An open order the database did not have, or had differently. */
        ORDER_MISSING_LOCALLY,
        /** An order the database thought live that the venue no longer lists. */
        ORDER_NOT_AT_VENUE,
        /** A token balance differing from the chain. */
        POSITION,
        /** The bankroll in Redis differing from the wallet's collateral. */
        BANKROLL,
        /** A transaction sent before the restart and not yet mined. */
        PENDING_TRANSACTION,
        /** A held market resolved while Velocity was stopped. */
        RESOLVED_UNREDEEMED,
        /** A position in a market whose outcome tokens are unknown (no market metadata). */
        UNKNOWN_MARKET
    }

    /** Rejects missing fields. */
    public Discrepancy {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(truth, "truth");
        Objects.requireNonNull(correction, "correction");
    }

    /** @return one line for the trader and the audit log */
    public String describe() {
        return kind + " " + key + ": local " + local + ", truth " + truth + " → " + correction;
    }
}
