package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractArtifactsTest {

    private static final String[] CONTRACTS = {
        ContractArtifacts.TEST_COLLATERAL, ContractArtifacts.CONDITIONAL_TOKENS, ContractArtifacts.CTF_EXCHANGE,
        ContractArtifacts.TEST_NEG_RISK_ADAPTER, ContractArtifacts.TEST_COLLATERAL_ADAPTER
    };

    @Test
    void checkedInArtifactsMatchAFreshCompile(@TempDir Path out) throws IOException {
        Path root = LocalChain.ensureToolsInstalled();
        LocalChain.run(root, root.resolve("abi").resolve("build.sh").toString(), "--out", out.toString());

        for (String name : CONTRACTS) {
            ContractArtifact fresh = ContractArtifacts.load(out.resolve(name + ".json"));
            ContractArtifact checkedIn = ContractArtifacts.load(root.resolve("abi").resolve(name + ".json"));
            assertThat(fresh.abi()).as("%s ABI", name).isEqualTo(checkedIn.abi());
            assertThat(fresh.bytecode()).as("%s bytecode; rerun abi/build.sh and commit", name)
                    .isEqualTo(checkedIn.bytecode());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    Stream.of(CONTRACTS).map(n -> n + ".json").toArray(String[]::new));
        }
    }

    @Test
    void packagedArtifactsCarryTheInterfacesTheEngineCalls() {
        ContractArtifact ctf = ContractArtifacts.load(ContractArtifacts.CONDITIONAL_TOKENS);
        ContractArtifact exchange = ContractArtifacts.load(ContractArtifacts.CTF_EXCHANGE);

        assertThat(ctf.abi().findValuesAsText("name")).contains("prepareCondition", "reportPayouts",
                "splitPosition", "mergePositions", "redeemPositions", "payoutNumerators", "payoutDenominator",
                "getOutcomeSlotCount", "getConditionId", "getCollectionId", "getPositionId", "balanceOf",
                "balanceOfBatch", "setApprovalForAll", "isApprovedForAll", "safeTransferFrom",
                "ConditionPreparation", "ConditionResolution", "PositionSplit", "PositionsMerge",
                "PayoutRedemption", "TransferSingle", "TransferBatch", "ApprovalForAll");
        assertThat(exchange.abi().findValuesAsText("name")).contains("fillOrder", "fillOrders", "matchOrders",
                "addOperator", "isOperator", "getOrderStatus", "hashOrder", "OrderFilled");
        assertThat(ctf.bytecode()).startsWith("0x60");
    }
}
