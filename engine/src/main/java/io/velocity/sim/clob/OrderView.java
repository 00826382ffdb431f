package io.velocity.sim.clob;

import io.velocity.sim.market.SimMarket;

import java.util.List;

/**
 * A venue user's order as reported: prices in 1e-4 units of its own token, sizes in micro-shares.
 *
 * @param owner  API key of the owner
 * @param status LIVE, MATCHED, CANCELED or CANCELED_MARKET_RESOLVED
 */
public record OrderView(String id, String owner, String makerAddress, SimMarket market, int outcome, String side, long price,
                        long originalSize, long sizeMatched, OrderType type, long expirationSeconds, long createdAt,
                        String status, List<String> associateTrades) {

    public String assetId() {
        return market.tokenId(outcome);
    }

    public String outcomeLabel() {
        return market.outcomes().get(outcome);
    }
}
