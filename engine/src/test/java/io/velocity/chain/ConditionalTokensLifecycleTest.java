package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Prepare → split → resolve → redeem on a real anvil node, with the CTF's logs decoded. */
@ExtendWith(LocalChainExtension.class)
class ConditionalTokensLifecycleTest {

    private static final AtomicLong QUESTIONS = new AtomicLong(1_000);
    private static final int ORACLE = 2;
    private static final int WINNER = 3;
    private static final int LOSER = 4;
    private static final BigInteger UP = BigInteger.ONE;
    private static final BigInteger DOWN = BigInteger.TWO;
    private static final BigInteger STAKE = BigInteger.valueOf(25_000_000); // 25 tUSD in micro-units

    private LocalChain chain;
    private CtfClient ctf;
    private Erc20Client collateral;
    private Hash32 questionId;
    private Hash32 conditionId;

    @BeforeEach
    void prepareMarket(LocalChain localChain) {
        chain = localChain;
        ctf = chain.ctf();
        collateral = chain.collateral();
        questionId = Hash32.ofUint256(BigInteger.valueOf(QUESTIONS.incrementAndGet()));
        Address oracle = chain.address(ORACLE);
        ctf.prepareCondition(chain.submitter(ORACLE), oracle, questionId, 2);
        conditionId = CtfPositionIds.conditionId(oracle, questionId, 2);
    }

    @Test
    void preparedConditionIsUnresolvedWithTwoSlots() {
        assertThat(ctf.outcomeSlotCount(conditionId)).isEqualTo(2);
        assertThat(ctf.payoutDenominator(conditionId)).isZero();
        assertThat(ctf.isResolved(conditionId)).isFalse();
        assertThat(ctf.payoutNumerators(conditionId)).containsExactly(BigInteger.ZERO, BigInteger.ZERO);
        assertThat(ctf.conditionIdOnChain(chain.address(ORACLE), questionId, 2)).isEqualTo(conditionId);
    }

    @Test
    void splitGivesEqualUpAndDownPositionsForTheCollateral() {

        Address holder = chain.address(WINNER);
        BigInteger lockedBefore = collateral.balanceOf(chain.contracts.ctf());
        BigInteger walletBefore = collateral.balanceOf(holder);
        fundAndSplit(WINNER, STAKE);

        assertThat(ctf.balanceOfBatch(List.of(holder, holder), List.of(upId(), downId())))
                .containsExactly(STAKE, STAKE);
        assertThat(collateral.balanceOf(holder)).isEqualTo(walletBefore);
        assertThat(collateral.balanceOf(chain.contracts.ctf())).isEqualTo(lockedBefore.add(STAKE));
    }

    @Test
    void winnerRedeemsExactlyItsWinningBalanceAndLoserRedeemsZero() {
        fundAndSplit(WINNER, STAKE);
        Address winner = chain.address(WINNER);
        Address loser = chain.address(LOSER);
        // The winner sells its Down leg to the loser, so each holds one side only.
        ctf.transfer(chain.submitter(WINNER), loser, downId(), STAKE);

        TransactionReceipt resolution = ctf.reportPayouts(chain.submitter(ORACLE), questionId,
                List.of(BigInteger.ONE, BigInteger.ZERO));
        assertThat(ctf.payoutDenominator(conditionId)).isEqualTo(BigInteger.ONE);
        assertThat(ctf.payoutNumerators(conditionId)).containsExactly(BigInteger.ONE, BigInteger.ZERO);

        ConditionResolution event = resolution.getLogs().stream().map(CtfEvents::conditionResolution)
                .flatMap(Optional::stream).findFirst().orElseThrow();
        assertThat(event.conditionId()).isEqualTo(conditionId);
        assertThat(event.oracle()).isEqualTo(chain.address(ORACLE));
        assertThat(event.questionId()).isEqualTo(questionId);
        assertThat(event.outcomeSlotCount()).isEqualTo(2);
        assertThat(event.payoutNumerators()).containsExactly(BigInteger.ONE, BigInteger.ZERO);
        assertThat(event.payoutDenominator()).isEqualTo(BigInteger.ONE);
        assertThat(event.location().transactionHash()).isEqualTo(resolution.getTransactionHash());
        assertThat(event.location().removed()).isFalse();

        BigInteger winnerCashBefore = collateral.balanceOf(winner);
        BigInteger loserCashBefore = collateral.balanceOf(loser);
        BigInteger winningBalance = ctf.balanceOf(winner, upId());
        PayoutRedemption won = redeem(WINNER);
        assertThat(won.payout()).isEqualTo(winningBalance).isEqualTo(STAKE);
        assertThat(won.redeemer()).isEqualTo(winner);
        assertThat(won.collateralToken()).isEqualTo(chain.contracts.collateral());
        assertThat(won.parentCollectionId()).isEqualTo(Hash32.ZERO);
        assertThat(won.conditionId()).isEqualTo(conditionId);
        assertThat(won.indexSets()).containsExactly(UP, DOWN);
        assertThat(collateral.balanceOf(winner)).isEqualTo(winnerCashBefore.add(STAKE));

        PayoutRedemption lost = redeem(LOSER);
        assertThat(lost.payout()).isZero();
        assertThat(collateral.balanceOf(loser)).isEqualTo(loserCashBefore);
        assertThat(ctf.balanceOfBatch(List.of(winner, winner, loser), List.of(upId(), downId(), downId())))
                .containsOnly(BigInteger.ZERO);
    }

    @Test
    void splitPayoutIsProportionalWhenTheOracleReportsATie() {
        fundAndSplit(WINNER, STAKE);
        ctf.reportPayouts(chain.submitter(ORACLE), questionId, List.of(BigInteger.ONE, BigInteger.ONE));

        assertThat(redeem(WINNER).payout()).isEqualTo(STAKE);
    }

    @Test
    void redeemBeforeResolutionRevertsWithReasonAndSpendsNothing() {
        fundAndSplit(WINNER, STAKE);
        Address holder = chain.address(WINNER);

        Simulation simulation = ctf.simulate(holder, CtfFunctions.redeemPositions(chain.contracts.collateral(),
                Hash32.ZERO, conditionId, List.of(UP, DOWN)));
        assertThat(simulation.reverted()).isTrue();
        assertThat(simulation.revert().orElseThrow().message()).isEqualTo("result for condition not received yet");

        assertThatThrownBy(() -> ctf.redeemPositions(chain.submitter(WINNER), chain.contracts.collateral(),
                Hash32.ZERO, conditionId, List.of(UP, DOWN)))
                .isInstanceOf(ExecutionRevertedException.class)
                .hasMessageContaining("result for condition not received yet");
        assertThat(ctf.balanceOf(holder, upId())).isEqualTo(STAKE);
    }

    @Test
    void onlyTheOracleCanResolveAndOnlyOnce() {
        Simulation notOracle = new CtfClient(chain.rpc, chain.contracts.ctf()).simulate(chain.address(WINNER),
                CtfFunctions.reportPayouts(questionId, List.of(BigInteger.ONE, BigInteger.ZERO)));
        assertThat(notOracle.revert().orElseThrow().message()).isEqualTo("condition not prepared or found");

        ctf.reportPayouts(chain.submitter(ORACLE), questionId, List.of(BigInteger.ZERO, BigInteger.ONE));
        assertThatThrownBy(() -> ctf.reportPayouts(chain.submitter(ORACLE), questionId,
                List.of(BigInteger.ONE, BigInteger.ZERO)))
                .isInstanceOf(ExecutionRevertedException.class)
                .hasMessageContaining("payout denominator already set");
    }

    @Test
    void mergeReturnsCollateralAndGasEstimateIsPositive() {
        Address holder = chain.address(WINNER);
        BigInteger cashBefore = collateral.balanceOf(holder);
        fundAndSplit(WINNER, STAKE);
        BigInteger half = STAKE.shiftRight(1);

        BigInteger gas = ctf.estimateGas(holder, CtfFunctions.mergePositions(chain.contracts.collateral(),
                Hash32.ZERO, conditionId, List.of(UP, DOWN), half));
        assertThat(gas).isGreaterThan(BigInteger.valueOf(21_000));

        ctf.mergePositions(chain.submitter(WINNER), chain.contracts.collateral(), Hash32.ZERO, conditionId,
                List.of(UP, DOWN), half);
        assertThat(collateral.balanceOf(holder)).isEqualTo(cashBefore.add(half));
        assertThat(ctf.balanceOf(holder, upId())).isEqualTo(STAKE.subtract(half));
    }

    private void fundAndSplit(int account, BigInteger amount) {
        Address holder = chain.address(account);
        LocalDeployment.mintCollateral(chain.submitter(LocalChain.DEPLOYER), chain.contracts.collateral(), holder,
                amount);
        collateral.approve(chain.submitter(account), chain.contracts.ctf(), amount);
        ctf.splitPosition(chain.submitter(account), chain.contracts.collateral(), Hash32.ZERO, conditionId,
                List.of(UP, DOWN), amount);
    }

    private PayoutRedemption redeem(int account) {
        TransactionReceipt receipt = ctf.redeemPositions(chain.submitter(account), chain.contracts.collateral(),
                Hash32.ZERO, conditionId, List.of(UP, DOWN));
        return receipt.getLogs().stream().map(CtfEvents::payoutRedemption).flatMap(Optional::stream)
                .findFirst().orElseThrow();
    }

    private BigInteger upId() {
        return CtfClient.outcomePositionId(chain.contracts.collateral(), conditionId, UP);
    }

    private BigInteger downId() {
        return CtfClient.outcomePositionId(chain.contracts.collateral(), conditionId, DOWN);
    }
}
