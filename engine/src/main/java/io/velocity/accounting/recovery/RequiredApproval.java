package io.velocity.accounting.recovery;

import io.velocity.chain.TransactionRequest;
import java.util.Objects;
import org.web3j.abi.datatypes.Address;

/**
 * An approval the wallet lacks, with the exact transaction that grants it.
 *
 * @param description what it allows, e.g. "collateral → CTF Exchange V2"
 * @param kind        ERC-20 allowance or ERC-1155 operator approval
 * @param contract    the contract the transaction is sent to (the token)
 * @param spender     who is approved (exchange, adapter)
 * @param data        the ABI-encoded call ({@code approve(spender, 2^256-1)} or
 *                    {@code setApprovalForAll(operator, true)})
 */
public record RequiredApproval(String description, Kind kind, Address contract, Address spender, String data) {

    /** What is approved. */
    public enum Kind {
        /** {@code approve(spender, amount)} on the collateral token. */
        COLLATERAL_ALLOWANCE,
        /** {@code setApprovalForAll(operator, true)} on the Conditional Tokens contract. */
        POSITIONS_OPERATOR
    }

    /** Rejects missing fields. */
    public RequiredApproval {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(spender, "spender");
        Objects.requireNonNull(data, "data");
    }

    /** @return the transaction to send */
    public TransactionRequest request() {
        return new TransactionRequest("approve", description, contract, data);
    }

    /** @return "to <contract> data <calldata> (<description>)": what a trader pastes into a wallet */
    public String describe() {
        return description + ": send to " + contract + " data " + data;
    }
}
