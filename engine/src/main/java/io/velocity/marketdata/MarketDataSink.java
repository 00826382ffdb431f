package io.velocity.marketdata;

/**
 * Where feeds deliver normalised updates. The engine's implementation publishes them onto its
 * inbound ring; tests and {@code tools decode} use collecting implementations.
 *
 * <p>Contract for callers (feed threads): calls never block for long. Quotes and book tops are
 * <em>conflatable</em>: when the engine is behind, an implementation may keep only the newest per
 * instrument, so feeds always send complete state (a whole top of book, a whole quote), never
 * deltas the engine would have to accumulate. Market lifecycle, signals, window opens, user
 * events and feed states are never dropped.
 */
public interface MarketDataSink {

    /** Newest Binance view of one asset: mid from bookTicker, last trade and realized volatility. */
    void onSpot(SpotUpdate update);

    /** Top levels of one outcome token's CLOB book after a snapshot or change was applied. */
    void onBookTop(BookTop top);

    /** The price of an asset at a window's open ({@code eventStartTime}), once known. */
    void onWindowOpen(WindowOpen open);

    /** A validated or rejected Allora forecast. */
    void onSignal(AlloraSignal signal);

    /** Discovery found a tradeable market (or refreshed its parameters). */
    void onMarket(MarketInfo market);

    /** A market left the tradeable set (window over, closed, or filtered out). */
    void onMarketExpired(String conditionId, String reason);

    /** A last-trade print on the CLOB market channel. */
    void onLastTrade(LastTrade trade);

    /** An order event from the CLOB user channel. */
    void onUserOrder(UserOrderEvent event);

    /** A trade (fill/settlement) event from the CLOB user channel. */
    void onUserTrade(UserTradeEvent event);

    /** A feed's health changed. */
    void onFeedState(FeedStatus status);
}
