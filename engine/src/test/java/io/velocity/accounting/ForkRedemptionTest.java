package io.velocity.accounting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.velocity.accounting.records.ChainTransactionRecords;
import io.velocity.accounting.records.PositionRecords;
import io.velocity.accounting.records.RedemptionRecords;
import io.velocity.accounting.recovery.Approvals;
import io.velocity.accounting.recovery.ApprovalTargets;
import io.velocity.accounting.recovery.ReconciliationReport;
import io.velocity.accounting.recovery.StartupReconciler;
import io.velocity.accounting.redemption.RedemptionService;
import io.velocity.chain.ChainFixtures;
import io.velocity.chain.Hash32;
import io.velocity.chain.LocalChain;
import io.velocity.chain.LocalChainExtension;
import io.velocity.chain.LoopbackJsonRpcServer;
import io.velocity.chain.OutcomePositions;
import io.velocity.chain.ResolutionListenerSettings;
import io.velocity.chain.RpcClient;
import io.velocity.telemetry.HealthState;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/**
 * The seed's "fork redemption" test on a local chain: contracts deployed on anvil, a condition
 * prepared, collateral split into positions for the bot's wallet, the condition resolved with
 * {@code reportPayouts}; then the listener sees the event, {@code redeemPositions} claims exactly
 * the expected collateral, {@code sys:bankroll:usdc}, {@code redemptions}, the audit log and the
 * gas record are written. Also: losing tokens, a restart before redemption, a restart with the
 * redemption in the mempool, and an RPC that fails half its calls. Real anvil, real embedded
 * Redis and PostgreSQL.
 */
@ExtendWith(LocalChainExtension.class)
class ForkRedemptionTest {

    private static final BigInteger STAKE = BigInteger.valueOf(25_000_000); // 25 USD in micro-units
    private static final Duration AWAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    private LocalChain chain;
    private ChainFixtures fixtures;
    private Credentials bot;
    private Address owner;

    @BeforeEach
    void setUp(LocalChain localChain) {
        chain = localChain;
        fixtures = new ChainFixtures(chain);
        bot = fixtures.freshWallet();
        owner = new Address(bot.getAddress());
    }

    @Test
    void listenerSeesTheResolutionAndRedemptionClaimsExactlyTheExpectedCollateral() {
        Hash32 condition = fixtures.prepareCondition();
        OutcomePositions market = fixtures.positions(condition);
        fixtures.fundAndSplit(bot, condition, STAKE);
        BigInteger cashBefore = fixtures.cash(owner);

        try (AccountingStack stack = new AccountingStack(chain, AccountingStack.Storage.fresh(dataDir), bot, chain.rpc,
                webSocketSettings()).start()) {
            stack.positions.setSize(condition.hex(), market.upTokenId().toString(), STAKE.longValueExact(), "OPEN");
            stack.positions.setSize(condition.hex(), market.downTokenId().toString(), STAKE.longValueExact(), "OPEN");
            stack.service.track(market);
            await().atMost(AWAIT).until(() -> stack.listener.webSocketConnected()
                    && stack.listener.scannedTo().isPresent());

            fixtures.resolve(condition, 1, 0);

            await().atMost(AWAIT).until(() -> stack.service.redeemedCount() == 1);
            // Up pays 1 per token, Down 0: the bot held STAKE of each.
            BigInteger expected = STAKE;
            BigInteger cashAfter = fixtures.cash(owner);
            assertThat(cashAfter.subtract(cashBefore)).isEqualTo(expected);
            assertThat(fixtures.chain.ctf().balanceOfBatch(List.of(owner, owner),
                    List.of(market.upTokenId(), market.downTokenId()))).containsOnly(BigInteger.ZERO);
            assertThat(stack.redisBankroll()).hasValue(cashAfter.longValueExact());
            assertThat(stack.events.resolutions).containsExactly(condition.hex() + ":0");
            assertThat(stack.events.bankrolls).containsExactly(cashAfter.longValueExact());

            assertThat(stack.redemptions.forMarket(condition.hex())).singleElement().satisfies(row -> {
                assertThat(row.state()).isEqualTo("confirmed");
                assertThat(row.amountMicros()).isEqualTo(expected.longValueExact());
                assertThat(row.redemptionId()).isEqualTo(RedemptionRecords.redemptionId(condition.hex(),
                        owner.getValue()));
                assertThat(row.txHash()).isPresent();
            });
            assertThat(stack.positions.all()).extracting(PositionRecords.Row::status).containsOnly("REDEEMED");

            ChainTransactionRecords.Row gas = stack.transactions.byReference("redeem:" + condition.hex()).get(0);
            assertThat(gas.state()).isEqualTo("mined");
            double deviation = 100.0 * (gas.gasEstimate() - gas.gasUsed()) / gas.gasUsed();
            System.out.printf(Locale.ROOT, "gas estimate %d vs used %d (%+.2f %%) [eth_estimateGas %d, limit %d]%n",
                    gas.gasEstimate(), gas.gasUsed(), deviation, gas.nodeGasEstimate(), gas.gasLimit());
            assertThat(Math.abs(deviation)).isLessThanOrEqualTo(10.0);
            assertThat(gas.gasLimit()).isGreaterThanOrEqualTo(gas.nodeGasEstimate());

            await().atMost(AWAIT).until(() -> stack.auditRows().contains("redemption.confirmed|redeemed "
                    + condition.hex() + " for " + expected + " micro-USD"));
            assertThat(stack.health.get(RedemptionService.COMPONENT).state()).isEqualTo(HealthState.UP);
        }
    }

    @Test
    void losingPositionRedeemsToZeroWithoutError() {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(bot, condition, STAKE);
        fixtures.giveAway(bot, condition, ChainFixtures.UP, STAKE);

        try (AccountingStack stack = new AccountingStack(chain, AccountingStack.Storage.fresh(dataDir), bot, chain.rpc,
                pollingSettings()).start()) {
            stack.service.track(fixtures.positions(condition));
            await().atMost(AWAIT).until(() -> stack.listener.scannedTo().isPresent());

            fixtures.resolve(condition, 1, 0);

            await().atMost(AWAIT).until(() -> stack.service.redeemedCount() == 1);
            assertThat(fixtures.cash(owner)).isZero();
            assertThat(fixtures.chain.ctf().balanceOf(owner, fixtures.positions(condition).downTokenId())).isZero();
            assertThat(stack.redisBankroll()).hasValue(0);
            assertThat(stack.redemptions.forMarket(condition.hex())).singleElement()
                    .satisfies(row -> assertThat(row.amountMicros()).isZero());
            assertThat(stack.service.failing()).isEmpty();
            assertThat(stack.health.get(RedemptionService.COMPONENT).state()).isEqualTo(HealthState.UP);
        }
    }

    @Test
    void restartBetweenResolutionAndRedemptionStillRedeems() {
        Hash32 condition = fixtures.prepareCondition();
        OutcomePositions market = fixtures.positions(condition);
        fixtures.fundAndSplit(bot, condition, STAKE);
        fixtures.giveAway(bot, condition, ChainFixtures.DOWN, STAKE);
        AccountingStack.Storage installation = AccountingStack.Storage.fresh(dataDir);

        try (AccountingStack first = new AccountingStack(chain, installation, bot, chain.rpc, pollingSettings())
                .start()) {
            first.service.track(market);
            await().atMost(AWAIT).until(() -> first.listener.watched().contains(condition));
        }
        // Velocity is down when the market resolves.
        fixtures.resolve(condition, 1, 0);

        try (AccountingStack second = new AccountingStack(chain, installation, bot, chain.rpc, pollingSettings())) {
            second.service.start();
            ReconciliationReport report = reconciler(second).reconcile(List.of(market));
            second.listener.start();

            assertThat(report.resolvedUnredeemed()).containsExactly(condition.hex());
            await().atMost(AWAIT).until(() -> second.service.redeemedCount() == 1);
            assertThat(fixtures.cash(owner)).isEqualTo(STAKE);
            assertThat(second.redisBankroll()).hasValue(STAKE.longValueExact());
            assertThat(second.transactions.byReference("redeem:" + condition.hex()))
                    .extracting(ChainTransactionRecords.Row::state).containsExactly("mined");
        }
    }

    @Test
    void restartWhileTheRedemptionIsInTheMempoolFollowsItInsteadOfSendingAnother() {
        Hash32 condition = fixtures.prepareCondition();
        OutcomePositions market = fixtures.positions(condition);
        fixtures.fundAndSplit(bot, condition, STAKE);
        fixtures.resolve(condition, 1, 0);
        BigInteger nonceBefore = chain.rpc.minedNonce(owner.getValue());
        AccountingStack.Storage installation = AccountingStack.Storage.fresh(dataDir);

        fixtures.automine(false);
        try {
            try (AccountingStack first = new AccountingStack(chain, installation, bot, chain.rpc, pollingSettings())) {
                first.service.start();
                first.service.redeemNow(market, "test");
                await().atMost(AWAIT).until(() -> !first.transactions.byReference("redeem:" + condition.hex())
                        .isEmpty());
            }
            // Stopped with the redemption in the mempool.
            try (AccountingStack second = new AccountingStack(chain, installation, bot, chain.rpc,
                    pollingSettings())) {
                second.service.start();
                ReconciliationReport report = reconciler(second).reconcile(List.of(market));
                assertThat(report.pendingTransactions()).hasSize(1);

                fixtures.mine(1);

                await().atMost(AWAIT).until(() -> second.service.redeemedCount() == 1);
                assertThat(fixtures.cash(owner)).isEqualTo(STAKE);
                assertThat(chain.rpc.minedNonce(owner.getValue())).isEqualTo(nonceBefore.add(BigInteger.ONE));
                assertThat(second.transactions.byReference("redeem:" + condition.hex()))
                        .extracting(ChainTransactionRecords.Row::state).contains("mined")
                        .doesNotContain("pending");
                assertThat(second.redisBankroll()).hasValue(STAKE.longValueExact());
            }
        } finally {
            fixtures.automine(true);
        }
    }

    @Test
    void completesThroughAnRpcThatFailsHalfItsCalls() throws IOException {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(bot, condition, STAKE);
        fixtures.giveAway(bot, condition, ChainFixtures.UP, STAKE);
        BigInteger nonceBefore = chain.rpc.minedNonce(owner.getValue());

        try (LoopbackJsonRpcServer proxy = ChainFixtures.halfFailingProxy(chain.anvil.rpcUrl());
                RpcClient flaky = RpcClient.connect(ChainFixtures.fastRetries(proxy.url()));
                AccountingStack stack = new AccountingStack(chain, AccountingStack.Storage.fresh(dataDir), bot, flaky,
                        pollingSettings()).start()) {
            stack.service.track(fixtures.positions(condition));
            await().atMost(AWAIT).until(() -> stack.listener.scannedTo().isPresent());

            fixtures.resolve(condition, 0, 1);

            await().atMost(AWAIT).until(() -> stack.service.redeemedCount() == 1);
            assertThat(fixtures.cash(owner)).isEqualTo(STAKE);
            assertThat(stack.redisBankroll()).hasValue(STAKE.longValueExact());
            assertThat(chain.rpc.minedNonce(owner.getValue())).isEqualTo(nonceBefore.add(BigInteger.ONE));
            assertThat(flaky.endpointStats().get(0).failures()).isGreaterThanOrEqualTo(10);
        }
    }

    private StartupReconciler reconciler(AccountingStack stack) {
        return new StartupReconciler(stack.killSwitch, List::of,
                new StartupReconciler.ChainAccess(stack.rpc, stack.ctf, stack.collateral, owner),
                new StartupReconciler.LocalState(stack.storage.redis(), stack.orders, stack.positions,
                        stack.transactions, stack.audit),
                new Approvals(stack.ctf, stack.collateral, new ApprovalTargets(List.of(), List.of())),
                stack.service, stack.health, stack.events);
    }

    private ResolutionListenerSettings webSocketSettings() {
        // A ten-minute poll: only the WebSocket subscription can make the listener act within the test.
        return new ResolutionListenerSettings(0, Duration.ofMinutes(10), 1000, 0,
                Optional.of(fixtures.webSocketUri()));
    }

    private static ResolutionListenerSettings pollingSettings() {
        return new ResolutionListenerSettings(0, Duration.ofMillis(100), 1000, 50, Optional.empty());
    }
}
