package io.velocity.sim.clob;

/**
 * One maker order's part of a trade.
 *
 * @param price  in 1e-4 units of the maker's own token
 * @param size   micro-shares
 * @param amount pUSD micro-units paid or received by the maker
 */
public record MakerFill(String orderId, ClobAccount account, String owner, String makerAddress, String assetId, String outcome,
                        String side, long price, long size, long amount) {
}
