package io.velocity.chain;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;

/**
 * What redeeming one condition would do, read from the chain just before sending.
 *
 * @param positions        the market's outcome tokens
 * @param owner            the account holding them (and paying gas)
 * @param route            which contract redeems
 * @param contract         that contract's address
 * @param payoutNumerators payout weight per outcome slot (empty while unresolved)
 * @param upBalance        Up tokens held
 * @param downBalance      Down tokens held
 * @param expectedPayout   collateral the redemption pays, computed the way the contract does
 * @param status           whether it can be sent
 * @param detail           why not, when it cannot; empty when ready
 */
public record RedemptionPlan(OutcomePositions positions, Address owner, RedemptionRoute route, Address contract,
        List<BigInteger> payoutNumerators, BigInteger upBalance, BigInteger downBalance, BigInteger expectedPayout,
        Status status, String detail) {

    /** Whether a plan can be sent. */
    public enum Status {
        /** Resolved and tokens held: send it. */
        READY,
        /** The oracle has not reported yet. */
        NOT_RESOLVED,
        /** Nothing to redeem: no tokens of either outcome are held (already redeemed or never bought). */
        NOTHING_HELD,
        /** The adapter may not move the owner's tokens: {@code setApprovalForAll(adapter, true)} is needed first. */
        APPROVAL_MISSING
    }

    /** Copies the numerators and rejects missing values. */
    public RedemptionPlan {
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(contract, "contract");
        payoutNumerators = List.copyOf(payoutNumerators);
        Objects.requireNonNull(upBalance, "upBalance");
        Objects.requireNonNull(downBalance, "downBalance");
        Objects.requireNonNull(expectedPayout, "expectedPayout");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
    }

    /** @return the condition */
    public Hash32 conditionId() {
        return positions.conditionId();
    }

    /**
     * @param collateral the collateral token (for the Conditional Tokens and collateral-adapter routes)
     * @return the call to send
     */
    public Function function(Address collateral) {
        List<BigInteger> indexSets = List.of(BigInteger.ONE, BigInteger.TWO);
        return switch (route) {
            case CONDITIONAL_TOKENS, COLLATERAL_ADAPTER ->
                    CtfFunctions.redeemPositions(collateral, Hash32.ZERO, conditionId(), indexSets);
            case NEG_RISK_ADAPTER -> NegRiskAdapterFunctions.redeemPositions(conditionId(), List.of(upBalance, downBalance));
        };
    }

    /** @return "redeem:<conditionId>", the reference of the transaction in logs and tables */
    public String reference() {
        return "redeem:" + conditionId().hex();
    }
}
