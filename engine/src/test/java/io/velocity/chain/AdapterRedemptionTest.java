package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/** Redemption through the neg-risk adapter and the collateral adapter (local stand-ins) on anvil. */
@ExtendWith(LocalChainExtension.class)
class AdapterRedemptionTest {

    private static final BigInteger STAKE = BigInteger.valueOf(12_000_000);

    private LocalChain chain;
    private ChainFixtures fixtures;
    private Credentials wallet;
    private Address owner;
    private TransactionSender sender;

    @BeforeEach
    void setUp(LocalChain localChain) {
        chain = localChain;
        fixtures = new ChainFixtures(chain);
        wallet = fixtures.freshWallet();
        owner = new Address(wallet.getAddress());
        sender = new TransactionSender(chain.rpc, new CredentialsSigner(wallet), new NodeNonceSource(chain.rpc),
                new TransactionPolicy(1.2, Duration.ofMillis(20), Duration.ofSeconds(30), 15,
                        TransactionPolicy.gwei(1_000), Duration.ofSeconds(20)), TransactionObserver.NONE);
    }

    @Test
    void negRiskMarketRedeemsThroughTheAdapterOnceItMayMoveTheTokens() {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(wallet, condition, STAKE);
        fixtures.resolve(condition, 0, 1);
        Redeemer redeemer = new Redeemer(chain.ctf(), new RedemptionContracts(chain.contracts.collateral(),
                Optional.empty(), chain.contracts.negRiskAdapter()), sender);
        OutcomePositions negRisk = new OutcomePositions(condition, fixtures.positionId(condition, ChainFixtures.UP),
                fixtures.positionId(condition, ChainFixtures.DOWN), true);

        RedemptionPlan blocked = redeemer.plan(negRisk);
        assertThat(blocked.status()).isEqualTo(RedemptionPlan.Status.APPROVAL_MISSING);
        assertThat(blocked.detail()).contains("setApprovalForAll(" + chain.contracts.negRiskAdapter());
        assertThatThrownBy(() -> redeemer.broadcast(blocked)).isInstanceOf(IllegalArgumentException.class);

        chain.ctf().setApprovalForAll(fixtures.submitter(wallet), chain.contracts.negRiskAdapter(), true);
        RedemptionPlan plan = redeemer.plan(negRisk);
        assertThat(plan.status()).isEqualTo(RedemptionPlan.Status.READY);
        assertThat(plan.route()).isEqualTo(RedemptionRoute.NEG_RISK_ADAPTER);
        assertThat(plan.contract()).isEqualTo(chain.contracts.negRiskAdapter());

        RedemptionResult result = redeemer.redeem(plan);

        assertThat(result.payout()).isEqualTo(STAKE).isEqualTo(plan.expectedPayout());
        assertThat(fixtures.cash(owner)).isEqualTo(STAKE);
        assertThat(result.transaction().receipt().getLogs().stream().map(NegRiskAdapterFunctions::payout)
                .flatMap(Optional::stream)).containsExactly(STAKE);
        assertThat(redeemer.plan(negRisk).status()).isEqualTo(RedemptionPlan.Status.NOTHING_HELD);
    }

    @Test
    void configuredCollateralAdapterRedeemsStandardMarkets() {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(wallet, condition, STAKE);
        fixtures.giveAway(wallet, condition, ChainFixtures.DOWN, STAKE.divide(BigInteger.TWO));
        fixtures.resolve(condition, 1, 1);
        chain.ctf().setApprovalForAll(fixtures.submitter(wallet), chain.contracts.collateralAdapter(), true);
        Redeemer redeemer = new Redeemer(chain.ctf(), new RedemptionContracts(chain.contracts.collateral(),
                Optional.of(chain.contracts.collateralAdapter()), chain.contracts.negRiskAdapter()), sender);

        RedemptionPlan plan = redeemer.plan(fixtures.positions(condition));
        assertThat(plan.route()).isEqualTo(RedemptionRoute.COLLATERAL_ADAPTER);
        // Half a dollar per Up token, half per Down token: (12 + 6) / 2.
        assertThat(plan.expectedPayout()).isEqualTo(BigInteger.valueOf(9_000_000));

        RedemptionResult result = redeemer.redeem(plan);

        assertThat(result.payout()).isEqualTo(plan.expectedPayout());
        assertThat(fixtures.cash(owner)).isEqualTo(plan.expectedPayout());
        assertThat(Math.abs(result.transaction().gas().deviationPercent())).isLessThanOrEqualTo(10.0);
    }
}
