package io.velocity.marketdata.gamma;

import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.clob.ClobMarketParams;

/** Builds the {@link MarketInfo} the engine receives from Gamma's view and the CLOB's parameters. */
public final class MarketInfos {
    private MarketInfos() {
    }

    /**
     * Combines an accepted verdict with the CLOB's parameters; the CLOB wins where it answered
     * (it is the venue that will reject a wrong tick), Gamma fills the rest.
     */
    public static MarketInfo of(DiscoveryFilter.Verdict v, ClobMarketParams clob) {
        GammaMarket m = v.market();
        int tick = clob.tickE4() > 0 ? clob.tickE4() : m.tickE4();
        long minSize = clob.minOrderSizeMicros() >= 0 ? clob.minOrderSizeMicros() : m.orderMinSizeMicros();
        boolean negRisk = clob.negRisk() >= 0 ? clob.negRisk() == 1 : m.negRisk();
        return new MarketInfo(m.conditionId(), m.slug(), v.asset(), v.duration(), m.upTokenId(), m.downTokenId(),
                m.eventStartMillis(), m.endMillis(), tick, minSize, clob.feeRate(), clob.feeExponent(),
                clob.feeRateBps(), negRisk, m.liquidityMicros(), m.version());
    }
}
