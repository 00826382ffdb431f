package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.datatypes.Address;

/**
 * A decoded {@code PayoutRedemption} event: a holder burned positions of a resolved condition
 * and received {@code payout} collateral (0 when every redeemed position lost).
 *
 * @param redeemer           who redeemed and was paid
 * @param collateralToken    the collateral paid out
 * @param parentCollectionId {@link Hash32#ZERO} for top-level positions
 * @param conditionId        the condition
 * @param indexSets          the index sets redeemed
 * @param payout             collateral paid, in the token's base units
 * @param location           where the event was emitted
 */
public record PayoutRedemption(
        Address redeemer,
        Address collateralToken,
        Hash32 parentCollectionId,
        Hash32 conditionId,
        List<BigInteger> indexSets,
        BigInteger payout,
        LogLocation location) {

    /** Copies the index-set list. */
    public PayoutRedemption {
        indexSets = List.copyOf(indexSets);
    }
}
