package io.velocity.marketdata.binance;

import io.velocity.core.Clock;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.SpotUpdate;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns decoded Binance events into complete {@link SpotUpdate}s: best bid/ask from the book
 * ticker, the last trade, and the rolling 1-minute realized volatility
 * ({@link RealizedVolatility}) updated per trade. Drops duplicates by aggregate-trade id and
 * book-ticker update id, which makes the overlap of two connections during a rotation harmless.
 * Also feeds {@link WindowOpens}.
 *
 * <p>Single writer: called under the Binance feed's lock (or by one thread in tools and tests).
 */
public final class BinanceSpot implements BinanceHandler {
    private final Map<String, Asset> bySymbol = new HashMap<>();
    private final MarketDataSink sink;
    private final WindowOpens opens;
    private final Clock clock;
    private final Runnable onServerShutdown;
    private long duplicates;
    private long unknownSymbols;

    private static final class Asset {
        final String name;
        final RealizedVolatility vol = RealizedVolatility.oneMinute();
        double bid = Double.NaN;
        double ask = Double.NaN;
        double last = Double.NaN;
        long lastAggId = -1;
        long lastUpdateId = -1;
        long exchangeTime = -1;

        Asset(String name) {
            this.name = name;
        }
    }

    /**
     * @param symbols          asset → spot symbol (config {@code venues.binance.symbols}, e.g. btc → btcusdt)
     * @param opens            window-open tracker, or null
     * @param onServerShutdown called when Binance announces a shutdown (the feed rotates)
     */
    public BinanceSpot(Map<String, String> symbols, MarketDataSink sink, WindowOpens opens, Clock clock,
                       Runnable onServerShutdown) {
        symbols.forEach((asset, symbol) -> bySymbol.put(symbol.toUpperCase(Locale.ROOT), new Asset(asset)));
        this.sink = sink;
        this.opens = opens;
        this.clock = clock;
        this.onServerShutdown = onServerShutdown;
    }

    @Override
    public void onAggTrade(String symbol, long aggTradeId, double price, double quantity, long tradeTimeMillis,
                           long eventTimeMillis, boolean buyerIsMaker) {
        Asset a = bySymbol.get(symbol);
        if (a == null) {
            unknownSymbols++;
            return;
        }
        if (aggTradeId <= a.lastAggId) {
            duplicates++;
            return;
        }
        a.lastAggId = aggTradeId;
        a.vol.onTrade(tradeTimeMillis, price);
        a.last = price;
        a.exchangeTime = tradeTimeMillis;
        if (opens != null) {
            opens.onTrade(a.name, tradeTimeMillis, price);
        }
        publish(a);
    }

    @Override
    public void onBookTicker(String symbol, long updateId, double bid, double bidQty, double ask, double askQty) {
        Asset a = bySymbol.get(symbol);
        if (a == null) {
            unknownSymbols++;
            return;
        }
        if (updateId >= 0) {
            if (updateId <= a.lastUpdateId) {
                duplicates++;
                return;
            }
            a.lastUpdateId = updateId;
        }
        a.bid = bid;
        a.ask = ask;
        publish(a);
    }

    @Override
    public void onServerShutdown(long eventTimeMillis) {
        onServerShutdown.run();
    }

    private void publish(Asset a) {
        sink.onSpot(new SpotUpdate(a.name, a.bid, a.ask, a.last, a.vol.volPerSqrtSecond(), a.exchangeTime,
                clock.nanoTime()));
    }

    /** Messages dropped as duplicates (rotation overlap) since start. */
    public long duplicates() {
        return duplicates;
    }

    /** Messages for symbols not in the config since start. */
    public long unknownSymbols() {
        return unknownSymbols;
    }
}
