package io.velocity.sim.clob;

import io.velocity.sim.market.SimMarket;

import java.util.ArrayList;
import java.util.List;

/**
 * Reporting side of a venue user's order (what {@code /data/order} and the user channel show);
 * the matching engine itself works on {@link OrderPool}'s arrays.
 */
public final class OrderInfo {
    final String id;
    final ClobAccount account;
    final SimMarket market;
    final int outcome;
    final String side;
    final long price;
    final long originalSize;
    final OrderType type;
    final long expirationSeconds;
    final long createdAt;
    final String makerAddress;
    final String owner;
    long sizeMatched;
    String status = "LIVE";
    final List<String> associateTrades = new ArrayList<>(2);

    OrderInfo(String id, ClobAccount account, SimMarket market, int outcome, String side, long price, long originalSize,
              OrderType type, long expirationSeconds, long createdAt, String makerAddress, String owner) {
        this.id = id;
        this.account = account;
        this.market = market;
        this.outcome = outcome;
        this.side = side;
        this.price = price;
        this.originalSize = originalSize;
        this.type = type;
        this.expirationSeconds = expirationSeconds;
        this.createdAt = createdAt;
        this.makerAddress = makerAddress;
        this.owner = owner;
    }

    /** An immutable copy for events and replies. */
    public OrderView view() {
        return new OrderView(id, owner, makerAddress, market, outcome, side, price, originalSize, sizeMatched,
                type, expirationSeconds, createdAt, status, List.copyOf(associateTrades));
    }

    public String id() {
        return id;
    }

    public ClobAccount account() {
        return account;
    }
}
