package io.velocity.accounting;

import static org.assertj.core.api.Assertions.assertThat;

import io.velocity.accounting.recovery.ApprovalTargets;
import io.velocity.chain.Hash32;
import io.velocity.chain.OutcomePositions;
import io.velocity.chain.RedemptionContracts;
import io.velocity.chain.RedemptionRoute;
import io.velocity.chain.ResolutionListenerSettings;
import io.velocity.chain.TransactionPolicy;
import io.velocity.config.ChainConfig;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigSources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped {@code chain.redemption} defaults become the settings objects the classes take. */
class ChainSettingsFromConfigTest {

    private final ChainConfig chain;

    ChainSettingsFromConfigTest(@TempDir Path configDir) throws IOException {
        // Empty files: every value comes from the shipped defaults.
        for (ConfigFile file : ConfigFile.values()) {
            Files.writeString(configDir.resolve(file.fileName()), "{}");
        }
        chain = new ConfigLoader(ConfigSources.filesOnly(configDir)).load(1).app().chain();
    }

    @Test
    void shippedDefaultsGiveAPollingListenerWithTheConfiguredConfirmations() {
        ResolutionListenerSettings settings = ChainSettings.listenerSettings(chain);

        assertThat(settings.confirmations()).isEqualTo(chain.confirmations());
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(4));
        assertThat(settings.maxBlockRange()).isEqualTo(1000);
        assertThat(settings.webSocket()).isEmpty();
    }

    @Test
    void transactionPolicyAppliesTheMarginAndTheFeeCapInWei() {
        TransactionPolicy policy = ChainSettings.transactionPolicy(chain.redemption());

        assertThat(policy.gasLimit(BigInteger.valueOf(100_000))).isEqualTo(BigInteger.valueOf(120_000));
        assertThat(policy.gasLimit(BigInteger.valueOf(100_001))).isEqualTo(BigInteger.valueOf(120_002));
        assertThat(policy.maxFeePerGasWei()).isEqualTo(new BigInteger("3000000000000"));
        assertThat(policy.bump(BigInteger.valueOf(100))).isEqualTo(BigInteger.valueOf(115));
        assertThat(ChainSettings.backoff(chain.redemption()).after(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(ChainSettings.backoff(chain.redemption()).after(20)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void withoutACollateralAdapterStandardMarketsRedeemOnTheConditionalTokensContract() {
        RedemptionContracts contracts = ChainSettings.redemptionContracts(chain.contracts());
        OutcomePositions standard = new OutcomePositions(Hash32.ZERO, BigInteger.ONE, BigInteger.TWO, false);
        OutcomePositions negRisk = new OutcomePositions(Hash32.ZERO, BigInteger.ONE, BigInteger.TWO, true);

        assertThat(contracts.collateralAdapter()).isEmpty();
        assertThat(contracts.routeFor(standard)).isEqualTo(RedemptionRoute.CONDITIONAL_TOKENS);
        assertThat(contracts.routeFor(negRisk)).isEqualTo(RedemptionRoute.NEG_RISK_ADAPTER);
        assertThat(contracts.negRiskAdapter().getValue()).isEqualToIgnoringCase(chain.contracts().negRiskAdapter());
    }

    @Test
    void exchangesAndTheNegRiskAdapterNeedBothApprovals() {
        ApprovalTargets targets = ChainSettings.approvalTargets(chain.contracts());

        assertThat(targets.collateralSpenders()).extracting(ApprovalTargets.Named::name)
                .containsExactly("CTF Exchange V2", "Neg-risk CTF Exchange V2", "Protocol V2 exchange",
                        "Neg-risk adapter");
        assertThat(targets.positionOperators()).hasSize(4);
    }
}
