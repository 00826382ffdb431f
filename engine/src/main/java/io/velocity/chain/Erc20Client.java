package io.velocity.chain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Balances, allowances and approvals of one ERC-20 token (the collateral). */
public final class Erc20Client {

    private final Address token;
    private final ContractReader reader;

    /**
     * @param rpc   client for the chain the token lives on
     * @param token the token address (config)
     */
    public Erc20Client(RpcClient rpc, Address token) {
        this.token = Objects.requireNonNull(token, "token");
        this.reader = new ContractReader(Objects.requireNonNull(rpc, "rpc"), token);
    }

    /** @return the token address */
    public Address address() {
        return token;
    }

    /** @return the balance of {@code owner} in base units */
    public BigInteger balanceOf(Address owner) {
        return reader.readSingle(view("balanceOf", List.of(owner), new TypeReference<Uint256>() { }));
    }

    /** @return how much {@code spender} may pull from {@code owner} */
    public BigInteger allowance(Address owner, Address spender) {
        return reader.readSingle(view("allowance", List.of(owner, spender), new TypeReference<Uint256>() { }));
    }

    /** @return the token's decimals (6 for pUSD and USDC) */
    public int decimals() {
        BigInteger value = reader.readSingle(view("decimals", List.of(), new TypeReference<Uint8>() { }));
        return value.intValueExact();
    }

    /** Sets {@code spender}'s allowance over the sender's tokens. */
    public TransactionReceipt approve(TransactionSubmitter owner, Address spender, BigInteger amount) {
        Function approve = new Function("approve", List.of(spender, new Uint256(amount)), Collections.emptyList());
        return owner.execute(token.getValue(), FunctionEncoder.encode(approve));
    }

    /** Transfers tokens from the sender to {@code to}. */
    public TransactionReceipt transfer(TransactionSubmitter owner, Address to, BigInteger amount) {
        Function transfer = new Function("transfer", List.of(to, new Uint256(amount)), Collections.emptyList());
        return owner.execute(token.getValue(), FunctionEncoder.encode(transfer));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Function view(String name, List<? extends Type> inputs, TypeReference<?> output) {
        return new Function(name, (List<Type>) (List) inputs, List.of((TypeReference<Type>) (TypeReference) output));
    }
}
