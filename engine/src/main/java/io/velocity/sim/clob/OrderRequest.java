package io.velocity.sim.clob;

/**
 * A venue user's order after wire parsing and signature checks, before market rules.
 *
 * @param id                the order hash (orderID)
 * @param tokenId           the token it trades
 * @param side              BUY or SELL on that token
 * @param makerAmount       what the maker gives, micro-units (pUSD for BUY, shares for SELL)
 * @param takerAmount       what the maker receives, micro-units
 * @param expirationSeconds 0 for none
 * @param makerAddress      the order's maker (funder) address
 */
public record OrderRequest(String id, String tokenId, String side, long makerAmount, long takerAmount, OrderType type,
                           boolean postOnly, long expirationSeconds, String makerAddress) {
}
