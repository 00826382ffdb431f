package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;

/** Plans and redemptions through the Conditional Tokens contract on anvil, with their gas. */
@ExtendWith(LocalChainExtension.class)
class RedeemerTest {

    private static final BigInteger STAKE = BigInteger.valueOf(40_000_000);

    private ChainFixtures fixtures;
    private Credentials wallet;
    private Address owner;
    private Redeemer redeemer;
    private final List<MinedTransaction> mined = new ArrayList<>();

    @BeforeEach
    void setUp(LocalChain chain) {
        fixtures = new ChainFixtures(chain);
        wallet = fixtures.freshWallet();
        owner = new Address(wallet.getAddress());
        TransactionSender sender = new TransactionSender(chain.rpc, new CredentialsSigner(wallet),
                new NodeNonceSource(chain.rpc), policy(), new TransactionObserver() {
                    @Override
                    public void onMined(MinedTransaction transaction) {
                        mined.add(transaction);
                    }
                });
        redeemer = new Redeemer(chain.ctf(),
                new RedemptionContracts(chain.contracts.collateral(), Optional.empty(), chain.contracts.exchange()),
                sender);
    }

    static TransactionPolicy policy() {
        return new TransactionPolicy(1.2, Duration.ofMillis(20), Duration.ofSeconds(30), 15,
                TransactionPolicy.gwei(1_000), Duration.ofSeconds(20));
    }

    @Test
    void winnerRedeemsExactlyItsWinningTokensWithGasEstimateWithinTenPercent() {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(wallet, condition, STAKE);
        fixtures.giveAway(wallet, condition, ChainFixtures.DOWN, STAKE);
        fixtures.resolve(condition, 1, 0);

        RedemptionPlan plan = redeemer.plan(fixtures.positions(condition));
        assertThat(plan.status()).isEqualTo(RedemptionPlan.Status.READY);
        assertThat(plan.route()).isEqualTo(RedemptionRoute.CONDITIONAL_TOKENS);
        assertThat(plan.upBalance()).isEqualTo(STAKE);
        assertThat(plan.downBalance()).isZero();
        assertThat(plan.expectedPayout()).isEqualTo(STAKE);

        RedemptionResult result = redeemer.redeem(plan);

        assertThat(result.payout()).isEqualTo(STAKE);
        assertThat(fixtures.cash(owner)).isEqualTo(STAKE);
        assertThat(redeemer.plan(fixtures.positions(condition)).status()).isEqualTo(RedemptionPlan.Status.NOTHING_HELD);
        GasUsage gas = result.transaction().gas();
        System.out.println("CTF redemption " + gas.describe());
        assertThat(Math.abs(gas.deviationPercent())).isLessThanOrEqualTo(10.0);
        assertThat(gas.limit()).isEqualTo(policy().gasLimit(gas.nodeEstimate()));
        assertThat(mined).extracting(MinedTransaction::hash).containsExactly(result.transaction().hash());
    }

    @Test
    void losingTokensRedeemForZeroWithoutError() {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(wallet, condition, STAKE);
        fixtures.giveAway(wallet, condition, ChainFixtures.UP, STAKE);
        fixtures.resolve(condition, 1, 0);

        RedemptionPlan plan = redeemer.plan(fixtures.positions(condition));
        assertThat(plan.expectedPayout()).isZero();
        RedemptionResult result = redeemer.redeem(plan);

        assertThat(result.payout()).isZero();
        assertThat(fixtures.cash(owner)).isZero();
        assertThat(redeemer.plan(fixtures.positions(condition)).status()).isEqualTo(RedemptionPlan.Status.NOTHING_HELD);
    }

    @Test
    void bothSidesOfASplitPayoutRedeemProportionally() {
        Hash32 condition = fixtures.prepareCondition();
        fixtures.fundAndSplit(wallet, condition, STAKE);
        fixtures.resolve(condition, 1, 3);

        RedemptionPlan plan = redeemer.plan(fixtures.positions(condition));
        assertThat(plan.expectedPayout()).isEqualTo(STAKE.divide(BigInteger.valueOf(4))
                .add(STAKE.multiply(BigInteger.valueOf(3)).divide(BigInteger.valueOf(4))));
        assertThat(redeemer.redeem(plan).payout()).isEqualTo(plan.expectedPayout());
    }

    @Test
    void unresolvedConditionIsNotReadyAndNothingHeldIsNotReady() {
        Hash32 condition = fixtures.prepareCondition();
        assertThat(redeemer.plan(fixtures.positions(condition)).status()).isEqualTo(RedemptionPlan.Status.NOT_RESOLVED);
        fixtures.resolve(condition, 0, 1);
        assertThat(redeemer.plan(fixtures.positions(condition)).status()).isEqualTo(RedemptionPlan.Status.NOTHING_HELD);
    }
}
