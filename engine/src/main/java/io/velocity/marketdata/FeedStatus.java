package io.velocity.marketdata;

/**
 * A feed's state change.
 *
 * @param feed          {@code binance}, {@code clobMarket}, {@code clobUser}, {@code allora}, {@code gamma}
 * @param state         new state
 * @param detail        why, for the trader
 * @param lastMessageAgeMillis age of the newest message at the change
 */
public record FeedStatus(String feed, FeedState state, String detail, long lastMessageAgeMillis) {
}
