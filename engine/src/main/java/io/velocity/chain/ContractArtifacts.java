package io.velocity.chain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads compiled contracts ({@code {"abi": [...], "bytecode": "0x..."}}) so the engine needs no
 * Solidity compiler at run time. The checked-in {@code abi/*.json} files are packaged into the
 * engine jar under {@code /abi/}.
 */
public final class ContractArtifacts {

    /** The local chain's 6-decimal ERC-20 collateral. */
    public static final String TEST_COLLATERAL = "TestCollateral";
    /** The CTF-compatible ConditionalTokens contract. */
    public static final String CONDITIONAL_TOKENS = "ConditionalTokens";
    /** The local test exchange verifying CLOB V2 orders. */
    public static final String CTF_EXCHANGE = "CTFExchange";
    /** Local stand-in for the neg-risk adapter's {@code redeemPositions(bytes32, uint256[])}. */
    public static final String TEST_NEG_RISK_ADAPTER = "TestNegRiskAdapter";
    /** Local stand-in for the V2 collateral adapter's {@code redeemPositions}. */
    public static final String TEST_COLLATERAL_ADAPTER = "TestCollateralAdapter";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractArtifacts() {
    }

    /**
     * @param name contract name, e.g. {@link #CONDITIONAL_TOKENS}
     * @return the artifact packaged as {@code /abi/<name>.json}
     * @throws IllegalArgumentException if there is no such artifact
     */
    public static ContractArtifact load(String name) {
        String resource = "/abi/" + name + ".json";
        try (InputStream in = ContractArtifacts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no contract artifact on the classpath at " + resource);
            }
            return parse(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /**
     * @param file an artifact file; the contract name is the file name without {@code .json}
     * @return the artifact
     */
    public static ContractArtifact load(Path file) {
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        try {
            return parse(name, JSON.readTree(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static ContractArtifact parse(String name, JsonNode root) {
        JsonNode abi = root.get("abi");
        JsonNode bytecode = root.get("bytecode");
        if (abi == null || bytecode == null || !bytecode.isTextual()) {
            throw new IllegalArgumentException(name + ": artifact needs \"abi\" and \"bytecode\"");
        }
        return new ContractArtifact(name, abi, bytecode.asText());
    }
}
