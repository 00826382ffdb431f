package io.velocity.chain;

import java.math.BigInteger;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Deploys the local trading stack (collateral, Conditional Tokens, exchange, and stand-ins for the
 * neg-risk and collateral redemption adapters) from the checked-in artifacts and registers an
 * exchange operator, for tests and {@code --chain local}.
 */
public final class LocalDeployment {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDeployment.class);

    private LocalDeployment() {
    }

    /**
     * @param deployer pays for the deployments and becomes collateral minter and exchange admin
     * @param operator the address allowed to call the exchange's fill functions
     * @return the deployed addresses
     */
    public static LocalContracts deploy(TransactionSubmitter deployer, Address operator) {
        ContractArtifact collateralArtifact = ContractArtifacts.load(ContractArtifacts.TEST_COLLATERAL);
        ContractArtifact ctfArtifact = ContractArtifacts.load(ContractArtifacts.CONDITIONAL_TOKENS);
        ContractArtifact exchangeArtifact = ContractArtifacts.load(ContractArtifacts.CTF_EXCHANGE);
        ContractArtifact negRiskArtifact = ContractArtifacts.load(ContractArtifacts.TEST_NEG_RISK_ADAPTER);
        ContractArtifact collateralAdapterArtifact = ContractArtifacts.load(ContractArtifacts.TEST_COLLATERAL_ADAPTER);

        Address collateral = deployContract(deployer, collateralArtifact, FunctionEncoder.encodeConstructor(
                List.of(new Utf8String("Velocity Test USD"), new Utf8String("tUSD"))));
        Address ctf = deployContract(deployer, ctfArtifact, "");
        Address exchange = deployContract(deployer, exchangeArtifact,
                FunctionEncoder.encodeConstructor(List.of(collateral, ctf)));
        Address negRiskAdapter = deployContract(deployer, negRiskArtifact,
                FunctionEncoder.encodeConstructor(List.of(ctf, collateral)));
        Address collateralAdapter = deployContract(deployer, collateralAdapterArtifact,
                FunctionEncoder.encodeConstructor(List.of(ctf, collateral)));

        Function addOperator = new Function("addOperator", List.of(operator), Collections.emptyList());
        deployer.execute(exchange.getValue(), FunctionEncoder.encode(addOperator));

        LOG.info("Local contracts deployed: collateral {}, ctf {}, exchange {} (operator {}), neg-risk adapter {}, "
                + "collateral adapter {}", collateral, ctf, exchange, operator, negRiskAdapter, collateralAdapter);
        return new LocalContracts(collateral, ctf, exchange, operator, negRiskAdapter, collateralAdapter);
    }

    /**
     * Mints test collateral. Only the deployer of the collateral can mint.
     *
     * @param minter     the submitter that deployed the collateral
     * @param collateral the test collateral address
     * @param to         recipient
     * @param amount     base units (micro-units)
     * @return the receipt
     */
    public static TransactionReceipt mintCollateral(TransactionSubmitter minter, Address collateral, Address to,
            BigInteger amount) {
        Function mint = new Function("mint", List.of(to, new Uint256(amount)), Collections.emptyList());
        return minter.execute(collateral.getValue(), FunctionEncoder.encode(mint));
    }

    private static Address deployContract(TransactionSubmitter deployer, ContractArtifact artifact,
            String constructorArguments) {
        TransactionReceipt receipt = deployer.deploy(artifact.creationCode(constructorArguments));
        String address = receipt.getContractAddress();
        if (address == null) {
            throw new RpcException("deploying " + artifact.name() + " produced no contract address (tx "
                    + receipt.getTransactionHash() + ")");
        }
        return new Address(address);
    }
}
