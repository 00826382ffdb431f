package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Address;

/**
 * A decoded {@code ConditionResolution} event: the oracle reported the payout vector, so the
 * condition is resolved and its positions can be redeemed.
 *
 * @param conditionId      the resolved condition
 * @param oracle           who reported
 * @param questionId       the oracle's question id
 * @param outcomeSlotCount number of outcomes
 * @param payoutNumerators payout weight per outcome slot (e.g. [1, 0] when the first outcome won)
 * @param location         where the event was emitted
 */
public record ConditionResolution(
        Hash32 conditionId,
        Address oracle,
        Hash32 questionId,
        int outcomeSlotCount,
        List<BigInteger> payoutNumerators,
        LogLocation location) {

    /** Copies the payout list. */
    public ConditionResolution {
        payoutNumerators = List.copyOf(payoutNumerators);
    }

    /** @return the sum of the numerators: what {@code payoutDenominator(conditionId)} reads after resolution */
    public BigInteger payoutDenominator() {
        return payoutNumerators.stream().reduce(BigInteger.ZERO, BigInteger::add);
    }
}
