package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.web3j.abi.datatypes.Address;

/** Java id derivation vs. the production CTF (a real market) and vs. the local contract. */
@ExtendWith(LocalChainExtension.class)
class CtfPositionIdsTest {

    /**
     * A resolved, non-neg-risk Polymarket market on Polygon ("Will Trump pardon Joe Exotic in 2025?"):
     * its condition id and its Yes/No CLOB token ids as the venue lists them. Positions of such markets
     * are backed by USDC.e, so this pins the full alt_bn128 derivation to the production contract.
     */
    private static final Address USDC_E = new Address("0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174");
    private static final Hash32 REAL_CONDITION =
            Hash32.of("0x6c4d221b3cf2c8d17467c70a8aa3c714e30299b6e57cd3e4269dc8a41d2b0cd8");
    private static final BigInteger REAL_YES =
            new BigInteger("30698649476690694814108493145041085718609914990967907518412053225237708492787");
    private static final BigInteger REAL_NO =
            new BigInteger("43362318061877762261164265810725209343672429810065542703856317173848260953021");

    @Test
    void derivesTheTokenIdsOfARealPolymarketMarket() {
        assertThat(CtfPositionIds.outcomePositionId(USDC_E, REAL_CONDITION, CtfPositionIds.indexSetOf(0)))
                .isEqualTo(REAL_YES);
        assertThat(CtfPositionIds.outcomePositionId(USDC_E, REAL_CONDITION, CtfPositionIds.indexSetOf(1)))
                .isEqualTo(REAL_NO);
    }

    @Test
    void rejectsAParentThatIsNotACurvePoint() {
        // x = 4 gives x^3 + 3 = 67, which is not a square modulo the alt_bn128 field prime.
        Hash32 notOnCurve = Hash32.ofUint256(BigInteger.valueOf(4));

        assertThatThrownBy(() -> CtfPositionIds.collectionId(notOnCurve, REAL_CONDITION, BigInteger.ONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid parent collection ID");
    }

    @Test
    void localContractDerivesTheSameIdsAsJava(LocalChain chain) {
        CtfClient ctf = chain.ctf();
        Address oracle = chain.address(2);
        Hash32 questionId = Hash32.of("0x" + "ab".repeat(32));
        Hash32 conditionId = CtfPositionIds.conditionId(oracle, questionId, 2);
        Hash32 otherCondition = CtfPositionIds.conditionId(oracle, questionId, 3);

        assertThat(ctf.conditionIdOnChain(oracle, questionId, 2)).isEqualTo(conditionId);
        for (BigInteger indexSet : new BigInteger[] {BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3)}) {
            Hash32 topLevel = CtfPositionIds.collectionId(Hash32.ZERO, conditionId, indexSet);
            assertThat(ctf.collectionIdOnChain(Hash32.ZERO, conditionId, indexSet)).isEqualTo(topLevel);
            assertThat(ctf.positionIdOnChain(USDC_E, topLevel)).isEqualTo(CtfPositionIds.positionId(USDC_E, topLevel));

            // Nested collections exercise the ecAdd path, which must also commute like the contract's.
            Hash32 nested = CtfPositionIds.collectionId(topLevel, otherCondition, BigInteger.ONE);
            assertThat(ctf.collectionIdOnChain(topLevel, otherCondition, BigInteger.ONE)).isEqualTo(nested);
            Hash32 otherFirst = CtfPositionIds.collectionId(
                    CtfPositionIds.collectionId(Hash32.ZERO, otherCondition, BigInteger.ONE), conditionId, indexSet);
            assertThat(otherFirst).isEqualTo(nested);
        }
    }
}
