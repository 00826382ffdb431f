package io.velocity.sim.clob;

import io.velocity.sim.market.SimMarket;

import java.util.List;

/**
 * What the exchange publishes, on the simulator loop thread, for the market and user channels.
 * Every argument is an immutable snapshot. Default methods let a listener take only what it needs.
 */
public interface ClobListener {

    /** Levels changed (price_change); books are the state after the change. */
    default void onBookChanged(SimMarket market, List<LevelChange> changes, BookSnapshot up, BookSnapshot down, long time) {
    }

    /** Trades happened: the full book of both tokens (book refresh). */
    default void onBookRefresh(SimMarket market, BookSnapshot up, BookSnapshot down, long time) {
    }

    /** A taker order matched: its token, side, price (own 1e-4 units) and size (micro-shares). */
    default void onTradePrint(SimMarket market, int outcome, String side, long price, long size, String feeRateBps,
                              String transactionHash, long time) {
    }

    default void onTickSizeChange(SimMarket market, long oldTickUnits, long newTickUnits, long time) {
    }

    /** A venue user's order was placed, matched as maker, or cancelled. */
    default void onOrderEvent(String type, OrderView order, long time) {
    }

    /** A trade involving a venue user was matched or changed settlement status. */
    default void onTradeEvent(TradeView trade, long time) {
    }

    default void onNewMarket(SimMarket market, long time) {
    }

    default void onMarketResolved(SimMarket market, long time) {
    }
}
