package io.velocity.sim.clob;

import io.velocity.sim.market.SimMarket;

import java.util.List;

/**
 * A trade as reported: taker's token, side, price (1e-4 units of the taker's token), size
 * (micro-shares) and fee (pUSD micro-units), its maker orders and its settlement status.
 */
public record TradeView(String id, String takerOrderId, SimMarket market, String takerOwner, String takerAddress,
                        ClobAccount taker, int takerOutcome, String takerSide, long price, long size, long fee, String feeRateBps,
                        List<MakerFill> makers, long matchTime, long lastUpdate, TradeStatus status, String transactionHash) {

    public String assetId() {
        return market.tokenId(takerOutcome);
    }

    public String outcomeLabel() {
        return market.outcomes().get(takerOutcome);
    }

    /** Whether {@code a} took part (as taker or maker). */
    public boolean involves(ClobAccount a) {
        if (taker == a) {
            return true;
        }
        for (MakerFill f : makers) {
            if (f.account() == a) {
                return true;
            }
        }
        return false;
    }
}
