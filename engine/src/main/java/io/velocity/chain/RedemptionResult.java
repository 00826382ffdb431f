package io.velocity.chain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A redemption that was mined.
 *
 * @param plan        what was sent
 * @param transaction the mined transaction with its gas usage
 * @param payout      collateral the owner received, read from the receipt's transfer logs
 */
public record RedemptionResult(RedemptionPlan plan, MinedTransaction transaction, BigInteger payout) {

    /** Rejects missing values. */
    public RedemptionResult {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(payout, "payout");
    }
}
