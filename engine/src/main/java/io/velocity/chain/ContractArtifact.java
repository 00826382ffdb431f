package io.velocity.chain;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A compiled contract as checked in under {@code abi/<Name>.json}.
 *
 * @param name     contract name, e.g. {@code ConditionalTokens}
 * @param abi      the ABI array
 * @param bytecode creation bytecode as {@code 0x}-hex (without constructor arguments)
 */
public record ContractArtifact(String name, JsonNode abi, String bytecode) {

    /** @throws IllegalArgumentException if the ABI is not an array or the bytecode is not hex */
    public ContractArtifact {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(abi, "abi");
        Objects.requireNonNull(bytecode, "bytecode");
        if (!abi.isArray()) {
            throw new IllegalArgumentException(name + ": abi must be a JSON array");
        }
        if (!bytecode.matches("0x([0-9a-fA-F]{2})+")) {
            throw new IllegalArgumentException(name + ": bytecode must be non-empty 0x-prefixed hex");
        }
    }

    /**
     * @param encodedConstructorArguments ABI-encoded constructor arguments as hex without {@code 0x}
     *                                    (what web3j's {@code FunctionEncoder.encodeConstructor} returns)
     * @return the creation code to deploy
     */
    public String creationCode(String encodedConstructorArguments) {
        return bytecode + encodedConstructorArguments;
    }
}
