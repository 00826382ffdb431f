package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A condition the oracle has resolved, as seen at a confirmed block: from its
 * {@code ConditionResolution} log, or read from the contract's state when the log lies outside
 * the scanned range (a condition watched after it resolved).
 *
 * @param conditionId      the condition
 * @param payoutNumerators payout weight per outcome slot; for Up/Down markets slot 0 is Up, slot 1 Down
 * @param blockNumber      the block the resolution was seen in (the log's block, or the confirmed
 *                         block the state was read at)
 * @param transactionHash  the resolving transaction when known from its log
 */
public record ResolvedCondition(Hash32 conditionId, List<BigInteger> payoutNumerators, BigInteger blockNumber,
        Optional<String> transactionHash) {

    /** Copies the numerators and rejects missing values. */
    public ResolvedCondition {
        Objects.requireNonNull(conditionId, "conditionId");
        payoutNumerators = List.copyOf(payoutNumerators);
        Objects.requireNonNull(blockNumber, "blockNumber");
        Objects.requireNonNull(transactionHash, "transactionHash");
    }

    /** @return the resolution carried by a decoded log */
    public static ResolvedCondition of(ConditionResolution event) {
        return new ResolvedCondition(event.conditionId(), event.payoutNumerators(), event.location().blockNumber(),
                Optional.ofNullable(event.location().transactionHash()));
    }

    /** @return the sum of the numerators */
    public BigInteger payoutDenominator() {
        return payoutNumerators.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }

    /**
     * @return the slot that takes the whole payout (0 = Up, 1 = Down for Up/Down markets), or -1
     *         when the payout is split between slots
     */
    public int winningSlot() {
        int winner = -1;
        for (int slot = 0; slot < payoutNumerators.size(); slot++) {
            if (payoutNumerators.get(slot).signum() > 0) {
                if (winner >= 0) {
                    return -1;
                }
                winner = slot;
            }
        }
        return winner;
    }
}
