package io.velocity.chain;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * Runs view functions through {@code eth_call} and decodes their outputs. web3j's decoder
 * returns raw {@code List<Type>}, hence the raw-type suppressions.
 */
@SuppressWarnings("rawtypes")
final class ContractReader {

    private final RpcClient rpc;
    private final Address contract;

    ContractReader(RpcClient rpc, Address contract) {
        this.rpc = rpc;
        this.contract = contract;
    }

    /** @return the decoded outputs; fails loudly when the contract returned nothing (wrong address) */
    List<Type> read(Function function) {
        return read(function, DefaultBlockParameterName.LATEST);
    }

    /** @return the decoded outputs as of {@code block} */
    List<Type> read(Function function, DefaultBlockParameter block) {
        String data = rpc.call(null, contract.getValue(), FunctionEncoder.encode(function), block);
        List<Type> outputs = FunctionReturnDecoder.decode(data, function.getOutputParameters());
        if (outputs.size() != function.getOutputParameters().size()) {
            throw new RpcException(function.getName() + " on " + contract.getValue()
                    + " returned no data: is a contract deployed at that address on chain " + rpc.chainId() + "?");
        }
        return outputs;
    }

    @SuppressWarnings("unchecked")
    <T> T readSingle(Function function) {
        return (T) read(function).get(0).getValue();
    }

    @SuppressWarnings("unchecked")
    <T> T readSingle(Function function, DefaultBlockParameter block) {
        return (T) read(function, block).get(0).getValue();
    }
}
