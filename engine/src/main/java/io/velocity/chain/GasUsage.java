package io.velocity.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Locale;
import java.util.Objects;

/**
 * What a transaction was expected to cost and what it cost.
 *
 * <p>Two estimates exist because they answer different questions. {@code eth_estimateGas} gives
 * the gas <em>limit</em> a transaction needs; refunds for cleared storage (EIP-3529, up to a fifth
 * of the gas) are paid back only after execution, so it exceeds the gas used whenever positions
 * are burned. The cost estimate compared with the receipt is the gas used by an
 * {@code eth_simulateV1} run of the same call when the node offers it, else {@code eth_estimateGas}.
 *
 * @param estimate          expected gas used (simulation, or the node's estimate without one)
 * @param nodeEstimate      the node's {@code eth_estimateGas}: what the gas limit is derived from
 * @param limit             the gas limit signed (node estimate × safety margin)
 * @param used              gas used according to the receipt
 * @param effectiveGasPrice wei per gas actually paid
 */
public record GasUsage(BigInteger estimate, BigInteger nodeEstimate, BigInteger limit, BigInteger used,
        BigInteger effectiveGasPrice) {

    /** Rejects missing values. */
    public GasUsage {
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(nodeEstimate, "nodeEstimate");
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(effectiveGasPrice, "effectiveGasPrice");
    }

    /** @return (estimate − used) / used in percent: positive when the estimate was high */
    public double deviationPercent() {
        if (used.signum() == 0) {
            return 0.0;
        }
        return new BigDecimal(estimate.subtract(used)).multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(used), MathContext.DECIMAL64).doubleValue();
    }

    /** @return wei paid: used × effective price */
    public BigInteger feeWei() {
        return used.multiply(effectiveGasPrice);
    }

    /**
     * @return "gas estimate X vs used Y (Z %)", the line the logs and tests print, followed by the
     *         node's limit estimate and the limit when they differ from the estimate
     */
    public String describe() {
        return String.format(Locale.ROOT, "gas estimate %s vs used %s (%+.2f %%); eth_estimateGas %s, limit %s",
                estimate, used, deviationPercent(), nodeEstimate, limit);
    }
}
