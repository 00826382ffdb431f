package io.velocity.chain;

import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;

/**
 * A contract call to send, with what it is for.
 *
 * @param purpose   a short word for logs and the transaction table: {@code redeem}, {@code approve}
 * @param reference what the transaction belongs to (a redemption id, an approval name)
 * @param to        the contract called
 * @param data      ABI-encoded call data
 */
public record TransactionRequest(String purpose, String reference, Address to, String data) {

    /** Rejects missing fields. */
    public TransactionRequest {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(data, "data");
    }

    /**
     * @param purpose   see {@link #purpose()}
     * @param reference see {@link #reference()}
     * @param to        the contract
     * @param function  the call
     * @return the request
     */
    public static TransactionRequest call(String purpose, String reference, Address to, Function function) {
        return new TransactionRequest(purpose, reference, to, FunctionEncoder.encode(function));
    }
}
