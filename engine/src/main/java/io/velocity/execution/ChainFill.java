package io.velocity.execution;

/**
 * What Rail B did with one order.
 *
 * @param outcome      filled, refused in simulation (nothing sent), reverted on chain, or failed
 * @param txHash       the mined (or last sent) transaction, "" when nothing was sent
 * @param reason       revert reason or failure description, "" when filled
 * @param makingFilled maker-amount units the exchange filled (pUSD for BUY, shares for SELL)
 * @param takingFilled taker-amount units the order received
 * @param gasUsed      gas the transaction used
 * @param gasCostWei   gas used × effective gas price
 * @param replacements fee bumps before it mined
 */
public record ChainFill(Outcome outcome, String txHash, String reason, long makingFilled, long takingFilled,
                        long gasUsed, java.math.BigInteger gasCostWei, int replacements) {

    /** The four ends of a Rail B attempt. */
    public enum Outcome {
        /** Mined and the exchange recorded the fill. */
        FILLED,
        /** The {@code eth_call} simulation reverted: nothing was sent (on the real venue: "NotOperator"). */
        REFUSED,
        /** Sent and mined, but reverted (state changed between simulation and inclusion), or cancelled. */
        REVERTED,
        /** The chain could not be reached, or the rail is disabled: nothing is known to have been sent. */
        FAILED
    }

    public static ChainFill refused(String reason) {
        return new ChainFill(Outcome.REFUSED, "", reason, 0, 0, 0, java.math.BigInteger.ZERO, 0);
    }

    public static ChainFill failed(String reason) {
        return new ChainFill(Outcome.FAILED, "", reason, 0, 0, 0, java.math.BigInteger.ZERO, 0);
    }
}
