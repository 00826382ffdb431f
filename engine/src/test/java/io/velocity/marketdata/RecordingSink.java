package io.velocity.marketdata;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps everything it receives, for tests. Thread-safe. */
public final class RecordingSink implements MarketDataSink {
    public final List<SpotUpdate> spots = new CopyOnWriteArrayList<>();
    public final List<BookTop> tops = new CopyOnWriteArrayList<>();
    public final List<WindowOpen> opens = new CopyOnWriteArrayList<>();
    public final List<AlloraSignal> signals = new CopyOnWriteArrayList<>();
    public final List<MarketInfo> markets = new CopyOnWriteArrayList<>();
    public final List<String> expired = new CopyOnWriteArrayList<>();
    public final List<LastTrade> trades = new CopyOnWriteArrayList<>();
    public final List<UserOrderEvent> userOrders = new CopyOnWriteArrayList<>();
    public final List<UserTradeEvent> userTrades = new CopyOnWriteArrayList<>();
    public final List<FeedStatus> feedStates = new CopyOnWriteArrayList<>();

    @Override
    public void onSpot(SpotUpdate update) {
        spots.add(update);
    }

    @Override
    public void onBookTop(BookTop top) {
        tops.add(top);
    }

    @Override
    public void onWindowOpen(WindowOpen open) {
        opens.add(open);
    }

    @Override
    public void onSignal(AlloraSignal signal) {
        signals.add(signal);
    }

    @Override
    public void onMarket(MarketInfo market) {
        markets.add(market);
    }

    @Override
    public void onMarketExpired(String conditionId, String reason) {
        expired.add(conditionId + ": " + reason);
    }

    @Override
    public void onLastTrade(LastTrade trade) {
        trades.add(trade);
    }

    @Override
    public void onUserOrder(UserOrderEvent event) {
        userOrders.add(event);
    }

    @Override
    public void onUserTrade(UserTradeEvent event) {
        userTrades.add(event);
    }

    @Override
    public void onFeedState(FeedStatus status) {
        feedStates.add(status);
    }

    /** The newest book top of a token, or null. */
    public BookTop lastTop(String tokenId) {
        for (int i = tops.size() - 1; i >= 0; i--) {
            if (tops.get(i).tokenId().equals(tokenId)) {
                return tops.get(i);
            }
        }
        return null;
    }

    /** The newest state reported for a feed, or null. */
    public FeedState lastState(String feed) {
        for (int i = feedStates.size() - 1; i >= 0; i--) {
            if (feedStates.get(i).feed().equals(feed)) {
                return feedStates.get(i).state();
            }
        }
        return null;
    }
}
