package io.velocity.marketdata.clob;

/**
 * Receives decoded market-channel events. The message object is reused: copy what you keep.
 * A frame is validated completely before the first callback, so a handler never sees part of a
 * rejected frame.
 */
public interface ClobMarketHandler {

    /** A full book snapshot (subscription reply, refresh, or REST {@code /book}). */
    void onBook(ClobMessage book);

    /** Level changes, possibly for several tokens of one market. */
    void onPriceChange(ClobMessage change);

    /** The market's tick size changed. */
    void onTickSizeChange(ClobMessage change);

    /** A trade print. */
    void onLastTradePrice(ClobMessage trade);

    /** Best prices (custom feature); used as a consistency check. */
    default void onBestBidAsk(ClobMessage quote) {
    }

    /** A new market was listed (custom feature); discovery handles markets, so usually ignored. */
    default void onNewMarket(ClobMessage market) {
    }

    /** A market resolved (custom feature). */
    default void onMarketResolved(ClobMessage resolved) {
    }

    /** A well-formed event of a type this version does not know. */
    default void onUnknownEvent(String eventType) {
    }

    /** The venue answered our text {@code PING}. */
    default void onPong() {
    }
}
