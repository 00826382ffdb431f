package io.velocity.marketdata.redis;

import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.gamma.MarketParamsStore;
import io.velocity.storage.redis.MarketMeta;
import io.velocity.storage.redis.RedisStore;

/** Stores each discovered market's parameters (fees, tick, minimum size, window) in the Redis market hash. */
public final class RedisMarketParamsStore implements MarketParamsStore {
    private final RedisStore redis;

    public RedisMarketParamsStore(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public void store(MarketInfo m) {
        redis.putMarket(meta(m));
    }

    /** The key schema's view of a market (tick in micro-USD: 1e-4 units × 100). */
    public static MarketMeta meta(MarketInfo m) {
        // discovery excludes augmented neg-risk events, so every stored market is not augmented
        return new MarketMeta(m.conditionId(), m.asset(), m.upTokenId(), m.downTokenId(), m.feeRate(), m.feeExponent(),
                m.feeRateBps(), m.tickE4() * 100L, m.minOrderSizeMicros(), m.windowStartMillis(), m.windowEndMillis(),
                m.negRisk(), false);
    }
}
