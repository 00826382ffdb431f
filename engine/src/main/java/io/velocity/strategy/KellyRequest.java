package io.velocity.strategy;

/**
 * Arguments of {@link StrategyMath#kellyStakeMicros} / {@code strategy.calculate_kelly}.
 *
 * @param price               ask price of one share, probability units
 * @param winProb             our probability that the share pays 1.0
 * @param bankrollMicros      bankroll in micro-USD
 * @param kellyFraction       fraction of full Kelly ({@code strategies.json kellyFraction})
 * @param maxBankrollFraction largest fraction of the bankroll in one order ({@code maxBankrollFraction})
 * @param maxOrderMicros      largest single order in micro-USD ({@code risk.maxOrderUsd})
 * @param feePerShare         taker fee per share in probability units, 0 for a maker order
 */
public record KellyRequest(double price, double winProb, long bankrollMicros, double kellyFraction,
                           double maxBankrollFraction, long maxOrderMicros, double feePerShare)
        implements StrategyRequest {

    @Override
    public KellyStake answerInJava() {
        return new KellyStake(StrategyMath.kellyStakeMicros(price, winProb, bankrollMicros, kellyFraction,
                maxBankrollFraction, maxOrderMicros, feePerShare));
    }
}
