package io.velocity.chain;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The two outcome tokens of a binary (Up/Down) condition as the venue lists them.
 *
 * @param conditionId  the condition
 * @param upTokenId    ERC-1155 id of the first outcome (Up; index set 1)
 * @param downTokenId  ERC-1155 id of the second outcome (Down; index set 2)
 * @param negRisk      true when the market settles through the neg-risk adapter
 */
public record OutcomePositions(Hash32 conditionId, BigInteger upTokenId, BigInteger downTokenId, boolean negRisk) {

    /** Rejects missing ids. */
    public OutcomePositions {
        Objects.requireNonNull(conditionId, "conditionId");
        Objects.requireNonNull(upTokenId, "upTokenId");
        Objects.requireNonNull(downTokenId, "downTokenId");
    }

    /**
     * Positions of a standard (not neg-risk) market, with ids derived from the collateral the way
     * the Conditional Tokens contract does.
     *
     * @param collateral  the collateral token the positions were split from
     * @param conditionId the condition
     * @return the positions
     */
    public static OutcomePositions derived(org.web3j.abi.datatypes.Address collateral, Hash32 conditionId) {
        return new OutcomePositions(conditionId,
                CtfPositionIds.outcomePositionId(collateral, conditionId, BigInteger.ONE),
                CtfPositionIds.outcomePositionId(collateral, conditionId, BigInteger.TWO), false);
    }
}
