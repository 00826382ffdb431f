package io.velocity.chain;

import java.util.Objects;
import java.util.Optional;
import org.web3j.abi.datatypes.Address;

/**
 * Addresses a redemption may go to (config {@code chain.contracts}).
 *
 * @param collateral        the collateral the positions pay out in (pUSD)
 * @param collateralAdapter the V2 collateral adapter; empty = redeem on the Conditional Tokens contract
 * @param negRiskAdapter    the neg-risk adapter
 */
public record RedemptionContracts(Address collateral, Optional<Address> collateralAdapter, Address negRiskAdapter) {

    /** Rejects missing addresses. */
    public RedemptionContracts {
        Objects.requireNonNull(collateral, "collateral");
        Objects.requireNonNull(collateralAdapter, "collateralAdapter");
        Objects.requireNonNull(negRiskAdapter, "negRiskAdapter");
    }

    /**
     * @param positions the market's positions
     * @return where its redemption goes
     */
    public RedemptionRoute routeFor(OutcomePositions positions) {
        if (positions.negRisk()) {
            return RedemptionRoute.NEG_RISK_ADAPTER;
        }
        return collateralAdapter.isPresent() ? RedemptionRoute.COLLATERAL_ADAPTER : RedemptionRoute.CONDITIONAL_TOKENS;
    }
}
