package io.velocity.chain;

import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * Addresses of the contracts {@link LocalDeployment} put on a local chain.
 *
 * @param collateral the 6-decimal test collateral (stands in for pUSD)
 * @param ctf        the Conditional Tokens contract
 * @param exchange   the test CTF exchange
 * @param operator   the address registered as exchange operator
 * @param negRiskAdapter    stand-in for the neg-risk adapter's redemption ({@code TestNegRiskAdapter})
 * @param collateralAdapter stand-in for the V2 collateral adapter ({@code TestCollateralAdapter})
 */
public record LocalContracts(Address collateral, Address ctf, Address exchange, Address operator,
        Address negRiskAdapter, Address collateralAdapter) {

    /** Rejects null addresses. */
    public LocalContracts {
        Objects.requireNonNull(collateral, "collateral");
        Objects.requireNonNull(ctf, "ctf");
        Objects.requireNonNull(exchange, "exchange");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(negRiskAdapter, "negRiskAdapter");
        Objects.requireNonNull(collateralAdapter, "collateralAdapter");
    }
}
