package io.velocity.marketdata.binance;

import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.WindowOpen;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the open of each Polymarket window: the price of the first Binance trade at or after the
 * window's {@code eventStartTime}, the same definition as the open of the 1-minute kline that
 * starts there. Seen live when the stream was running without a break since before the start
 * ({@code source = "stream"}); otherwise (the app started mid-window, a reconnect crossed the
 * start, or discovery found the window late) fetched from the kline REST endpoint
 * ({@code source = "kline"}).
 *
 * <p>Called by the Binance processing thread (trades, reconnects) and by discovery (new windows);
 * synchronized, and the kline fetch is asynchronous.
 */
public final class WindowOpens {

    /** Fetches a kline open asynchronously and reports it back through {@link #onKlineOpen}. */
    @FunctionalInterface
    public interface KlineFetcher {
        void fetch(String asset, long windowStartMillis);
    }

    private final MarketDataSink sink;
    private final KlineFetcher klines;
    private final io.velocity.core.Clock clock;
    private final Map<String, List<Long>> pending = new HashMap<>();
    private final Map<String, Long> continuousSince = new HashMap<>();
    private final Map<String, Long> lastTrade = new HashMap<>();
    private final Set<String> known = new HashSet<>();

    public WindowOpens(MarketDataSink sink, KlineFetcher klines, io.velocity.core.Clock clock) {
        this.sink = sink;
        this.klines = klines;
        this.clock = clock;
    }

    private static String key(String asset, long start) {
        return asset + "@" + start;
    }

    /** Discovery found a window; its open is reported once. */
    public synchronized void watch(String asset, long windowStartMillis) {
        if (!known.add(key(asset, windowStartMillis))) {
            return;
        }
        Long since = continuousSince.get(asset);
        Long last = lastTrade.get(asset);
        boolean missed = last != null
                ? last >= windowStartMillis      // the stream is already past the start
                : since == null && windowStartMillis <= clock.epochMillis(); // started before our stream
        if (missed) {
            klines.fetch(asset, windowStartMillis);
            return;
        }
        pending.computeIfAbsent(asset, a -> new ArrayList<>()).add(windowStartMillis);
    }

    /** Forgets windows that ended (keeps the sets small). */
    public synchronized void forget(String asset, long windowStartMillis) {
        known.remove(key(asset, windowStartMillis));
        List<Long> p = pending.get(asset);
        if (p != null) {
            p.remove(windowStartMillis);
        }
    }

    /** The stream broke (disconnect): opens crossing the gap must come from klines. */
    public synchronized void onStreamGap() {
        continuousSince.clear();
    }

    /** A trade on the (unbroken) stream. */
    public synchronized void onTrade(String asset, long tradeTimeMillis, double price) {
        continuousSince.putIfAbsent(asset, tradeTimeMillis);
        lastTrade.put(asset, tradeTimeMillis);
        List<Long> p = pending.get(asset);
        if (p == null || p.isEmpty()) {
            return;
        }
        long since = continuousSince.get(asset);
        for (int i = p.size() - 1; i >= 0; i--) {
            long start = p.get(i);
            if (tradeTimeMillis >= start) {
                p.remove(i);
                if (since < start) {
                    sink.onWindowOpen(new WindowOpen(asset, start, price, "stream"));
                } else {
                    klines.fetch(asset, start);
                }
            }
        }
    }

    /** The kline fetch answered. */
    public void onKlineOpen(String asset, long windowStartMillis, double open) {
        sink.onWindowOpen(new WindowOpen(asset, windowStartMillis, open, "kline"));
    }
}
