package io.velocity.strategy;

/**
 * Depth-aware price of a marketable order: walks book levels best-first and returns the average
 * price for a size, so edges are computed on what a fill would really cost, not on the best level.
 * Prices are in 1e-4 units and sizes in micro-shares, as in {@link io.velocity.marketdata.BookTop}.
 */
public final class DepthPricer {
    private DepthPricer() {
    }

    /**
     * Average price (1e-4 units, fractional) to take {@code sizeMicros} from the given levels, or NaN
     * when the book cannot fill it within {@code limitPriceE4} (inclusive; use {@link Long#MAX_VALUE}
     * for buys and 0 for sells to disable).
     */
    public static double averagePriceE4(long[] prices, long[] sizes, int depth, long sizeMicros, boolean buy,
                                        long limitPriceE4) {
        if (sizeMicros <= 0) {
            return depth > 0 ? prices[0] : Double.NaN;
        }
        long remaining = sizeMicros;
        double notional = 0;
        for (int i = 0; i < depth && remaining > 0; i++) {
            long p = prices[i];
            if (buy ? p > limitPriceE4 : p < limitPriceE4) {
                break;
            }
            long take = Math.min(remaining, sizes[i]);
            notional += (double) take * p;
            remaining -= take;
        }
        return remaining > 0 ? Double.NaN : notional / sizeMicros;
    }

    /** Micro-shares available at or better than {@code limitPriceE4}. */
    public static long availableMicros(long[] prices, long[] sizes, int depth, boolean buy, long limitPriceE4) {
        long total = 0;
        for (int i = 0; i < depth; i++) {
            if (buy ? prices[i] > limitPriceE4 : prices[i] < limitPriceE4) {
                break;
            }
            total += sizes[i];
        }
        return total;
    }
}
