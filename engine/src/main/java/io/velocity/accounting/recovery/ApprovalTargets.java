package io.velocity.accounting.recovery;

import java.util.List;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * Who must be approved for trading and redemption: collateral spenders (exchanges pull pUSD for
 * buys; the neg-risk adapter for splits) and position operators (exchanges move outcome tokens for
 * sells; adapters move them to redeem).
 *
 * @param collateralSpenders named addresses needing a collateral allowance
 * @param positionOperators  named addresses needing {@code setApprovalForAll} on the CTF
 */
public record ApprovalTargets(List<Named> collateralSpenders, List<Named> positionOperators) {

    /**
     * An address with the name a trader knows it by.
     *
     * @param name    e.g. "CTF Exchange V2"
     * @param address the contract
     */
    public record Named(String name, Address address) {
        /** Rejects missing fields. */
        public Named {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(address, "address");
        }
    }

    /** Copies the lists. */
    public ApprovalTargets {
        collateralSpenders = List.copyOf(collateralSpenders);
        positionOperators = List.copyOf(positionOperators);
    }
}
