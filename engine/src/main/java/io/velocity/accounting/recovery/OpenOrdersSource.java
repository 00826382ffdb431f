package io.velocity.accounting.recovery;

import java.util.List;

/**
 * The venue's view of this account's open orders (Rail A: CLOB {@code GET /data/orders}).
 * The execution layer's CLOB client can implement this; {@link ClobOpenOrders} does it directly.
 */
@FunctionalInterface
public interface OpenOrdersSource {

    /**
     * @return every open order, all pages read
     * @throws io.velocity.core.VenueException when the venue cannot be asked or answers badly
     */
    List<VenueOrder> openOrders();
}
