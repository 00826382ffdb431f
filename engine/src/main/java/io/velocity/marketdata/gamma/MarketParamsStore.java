package io.velocity.marketdata.gamma;

import io.velocity.marketdata.MarketInfo;

/**
 * Where discovery keeps each market's venue parameters (tick, minimum size, fee rate and
 * exponent, {@code feeRateBps}) for other readers: the Redis hot store. Must not block.
 */
@FunctionalInterface
public interface MarketParamsStore {
    void store(MarketInfo market);

    /** Stores nothing. */
    MarketParamsStore NONE = m -> { };
}
