package io.velocity.execution;

import io.velocity.execution.signing.OrderAmounts;
import io.velocity.execution.signing.SignedOrder;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;

/**
 * An engine order turned into what both rails send: the signed CLOB V2 order (the same signed
 * order, hence the same order hash, goes to Rail A and, on failover, to Rail B, so the exchange
 * itself caps the total fill of one intent at the order's size), its rounded amounts and the
 * POST body fields that are not signed.
 *
 * @param request           the engine's order
 * @param signed            the EIP-712 signed order
 * @param amounts           the rounded maker/taker amounts and price in ticks
 * @param orderId           the order hash as {@code 0x}-hex: the venue's {@code orderID}
 * @param exchange          the verifying contract the order was signed for (neg-risk exchange when the market is)
 * @param expirationSeconds GTD expiry in Unix seconds, 0 for none
 */
public record PreparedOrder(OrderRequest request, SignedOrder signed, OrderAmounts amounts, String orderId,
                            String exchange, long expirationSeconds) {

    /** The venue's order type. */
    public TimeInForce orderType() {
        return request.tif();
    }

    /** Shares this order can fill, in micro-shares. */
    public long shareAmount() {
        return amounts.shareAmount();
    }

    /** The signed price in 1e-4 units. */
    public long priceE4() {
        return amounts.priceTicks() * (10_000 / amounts.tickSize().ticksPerUnit());
    }

    /** True when the venue would let it rest (GTC/GTD). */
    public boolean rests() {
        return !request.tif().marketable();
    }
}
