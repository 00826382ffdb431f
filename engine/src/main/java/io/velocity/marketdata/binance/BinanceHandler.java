package io.velocity.marketdata.binance;

/** Receives decoded Binance stream events. Symbols are upper-case pooled strings (e.g. {@code BTCUSDT}). */
public interface BinanceHandler {

    /**
     * An aggregate trade.
     *
     * @param aggTradeId     aggregate trade id (increasing per symbol; used to drop duplicates during rotation)
     * @param tradeTimeMillis trade time {@code T}
     * @param eventTimeMillis event time {@code E}
     * @param buyerIsMaker   {@code m}: the buyer was the maker (the taker sold)
     */
    void onAggTrade(String symbol, long aggTradeId, double price, double quantity, long tradeTimeMillis,
                    long eventTimeMillis, boolean buyerIsMaker);

    /**
     * A best bid/ask update. Spot book tickers carry no event time: stamp on receipt.
     *
     * @param updateId order book update id {@code u} (increasing per symbol), -1 when absent
     */
    void onBookTicker(String symbol, long updateId, double bid, double bidQty, double ask, double askQty);

    /** Binance announced it will close the connection soon: rotate now. */
    void onServerShutdown(long eventTimeMillis);

    /** A well-formed message of a kind this version does not use (e.g. a subscription reply). */
    default void onOther(String kind) {
    }
}
