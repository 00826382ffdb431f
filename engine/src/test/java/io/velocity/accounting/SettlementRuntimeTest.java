package io.velocity.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.velocity.accounting.recovery.ReconciliationReport;
import io.velocity.chain.ChainFixtures;
import io.velocity.chain.CredentialsSigner;
import io.velocity.chain.Hash32;
import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalChainExtension;
import io.velocity.chain.OutcomePositions;
import io.velocity.config.ChainConfig;
import io.velocity.config.StorageConfig;
import io.velocity.core.Clock;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.storage.SharedStores;
import io.velocity.storage.StorageRuntime;
import io.velocity.telemetry.HealthRegistry;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/** The settlement side built from a {@code chain} configuration that points at anvil's contracts. */
@ExtendWith(LocalChainExtension.class)
class SettlementRuntimeTest {

    private static final BigInteger STAKE = BigInteger.valueOf(9_000_000);

    @Test
    void configuredRuntimeBlocksTradingUntilReconciledAndRedeemsTrackedMarkets(LocalChain chain, @TempDir Path dir)
            throws Exception {
        ChainFixtures fixtures = new ChainFixtures(chain);
        Credentials wallet = fixtures.freshWallet();
        Hash32 condition = fixtures.prepareCondition();
        OutcomePositions market = fixtures.positions(condition);
        fixtures.fundAndSplit(wallet, condition, STAKE);
        fixtures.giveAway(wallet, condition, ChainFixtures.DOWN, STAKE);
        HealthRegistry health = new HealthRegistry(Clock.SYSTEM);
        KillSwitch killSwitch = new KillSwitch(Clock.SYSTEM);
        AccountingStack.Events events = new AccountingStack.Events();

        AccountingStack.Storage where = AccountingStack.Storage.fresh(dir);
        try (StorageRuntime storage = StorageRuntime.start(new StorageConfig(where.redisUrl(), where.jdbcUrl(),
                SharedStores.USER, dir.resolve("journal").toString(),
                Duration.ofMillis(5), 500), StorageRuntime.Environment.ephemeral(dir), health);
                SettlementRuntime settlement = SettlementRuntime.start(config(chain), new CredentialsSigner(wallet),
                        storage, killSwitch, health, events, List::of, Clock.SYSTEM)) {
            assertThat(killSwitch.isEngaged(HaltLayer.RECONCILIATION)).isTrue();

            ReconciliationReport report = settlement.reconcile(List.of(market));

            assertThat(killSwitch.isHalted()).isFalse();
            assertThat(report.watchedForResolution()).isEqualTo(1);
            // The local chain has no V2 exchanges at the Polygon addresses: every approval is reported missing.
            assertThat(report.missingApprovals()).isNotEmpty();

            fixtures.resolve(condition, 1, 0);

            await().atMost(Duration.ofSeconds(30)).until(() -> settlement.redemptions().redeemedCount() == 1);
            assertThat(fixtures.cash(new Address(wallet.getAddress()))).isEqualTo(STAKE);
            assertThat(storage.redis().bankrollMicros().toCompletableFuture().get(2, TimeUnit.SECONDS))
                    .hasValue(STAKE.longValueExact());
            assertThat(events.resolutions).containsExactly(condition.hex() + ":0");
        }
    }

    private static ChainConfig config(LocalChain chain) {
        String polygonExchange = "0xE111180000d2663C0091e4f400237545B87B996B";
        ChainConfig.Contracts contracts = new ChainConfig.Contracts(polygonExchange,
                "0xe2222d279d744050d28e00520010520000310F59", "0xe3333700cA9d93003F00f0F71f8515005F6c00Aa",
                chain.contracts.collateral().getValue(), "0x93070a847efEf7F70739046A929D47a521F5B8ee",
                chain.contracts.ctf().getValue(), chain.contracts.negRiskAdapter().getValue(), "");
        ChainConfig.Redemption redemption = new ChainConfig.Redemption("", Duration.ofMillis(100), 1000, 100, 1.2,
                Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5), 15, 1_000,
                Duration.ofMillis(20), Duration.ofSeconds(10));
        return new ChainConfig(chain.anvil.chainId(), List.of(chain.anvil.rpcUrl()), 0, contracts, redemption);
    }
}
