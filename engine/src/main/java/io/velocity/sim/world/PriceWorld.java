package io.velocity.sim.world;

import io.velocity.config.SimConfig;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seeded spot market: BTC, ETH, SOL, XRP (whatever the config lists) moving on a fixed step
 * grid. Time only moves through {@link #step()}: the simulator's scheduler calls it in real time,
 * tests call it through {@code advanceTo} on a manual clock, and the same seed always gives the
 * same path whatever the calling cadence. Owned by the simulator loop thread.
 */
public final class PriceWorld {
    /** Klines reach back this far beyond the warm-up. */
    private static final int HISTORY_SECONDS_AFTER_WARMUP = 6 * 3_600;

    private final long stepMillis;
    private final Map<String, AssetPath> assets;
    private final List<MarketDataListener> listeners = new ArrayList<>();
    private long now;

    /**
     * Builds the world and runs the warm-up so that {@link #now()} is the first step at or after
     * {@code startMillis}.
     *
     * @param symbols       spot symbol per asset (lower-case, e.g. btc to btcusdt)
     * @param maxLookbackMs longest price lag a reader will ask for (liquidity-provider lag)
     */
    public PriceWorld(SimConfig sim, Map<String, String> symbols, long startMillis, long maxLookbackMs) {
        this.stepMillis = sim.step().toMillis();
        long warmup = sim.warmup().toMillis();
        int history = (int) (warmup / 1000) + HISTORY_SECONDS_AFTER_WARMUP;
        int lagSteps = (int) (maxLookbackMs / stepMillis) + 2;
        Map<String, AssetPath> byName = new LinkedHashMap<>();
        // Sorted so the JSON order of the config file never matters.
        for (Map.Entry<String, SimConfig.Asset> e : new TreeMap<>(sim.assets()).entrySet()) {
            String name = e.getKey().toLowerCase(Locale.ROOT);
            String symbol = symbols.getOrDefault(name, name + "usdt").toUpperCase(Locale.ROOT);
            byName.put(name, new AssetPath(name, symbol, e.getValue(), sim.regimes(), sim.timeCompression(),
                    assetSeed(sim.seed(), name), history, lagSteps));
        }
        this.assets = Collections.unmodifiableMap(byName);
        long begin = Math.floorDiv(startMillis - warmup, stepMillis) * stepMillis;
        this.now = begin;
        long target = Math.floorDiv(startMillis + stepMillis - 1, stepMillis) * stepMillis;
        while (now < target) {
            step();
        }
    }

    /** A stable per-asset seed (FNV-1a of the name mixed with the world seed). */
    static long assetSeed(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ b) * 0x100000001b3L;
        }
        return seed * 0x9E3779B97F4A7C15L ^ h;
    }

    public void addListener(MarketDataListener listener) {
        listeners.add(listener);
    }

    /** Time of the last completed step, epoch milliseconds. */
    public long now() {
        return now;
    }

    public long stepMillis() {
        return stepMillis;
    }

    /** Time the next {@link #step()} will end at. */
    public long nextStepTime() {
        return now + stepMillis;
    }

    /** Moves every asset one step forward. */
    public void step() {
        long t = now + stepMillis;
        MarketDataListener fanOut = listeners.isEmpty() ? null : listeners.size() == 1 ? listeners.get(0) : new MarketDataListener() {
            @Override
            public void onTrade(AssetPath asset, AggTrade trade) {
                for (MarketDataListener l : listeners) {
                    l.onTrade(asset, trade);
                }
            }

            @Override
            public void onBookTop(AssetPath asset, BookTop top) {
                for (MarketDataListener l : listeners) {
                    l.onBookTop(asset, top);
                }
            }
        };
        for (AssetPath a : assets.values()) {
            a.step(t, stepMillis, fanOut);
        }
        now = t;
    }

    /** Assets by lower-case name, in name order. */
    public Map<String, AssetPath> assets() {
        return assets;
    }

    /** The asset with this lower-case name or upper-case symbol, or null. */
    public AssetPath asset(String nameOrSymbol) {
        AssetPath a = assets.get(nameOrSymbol.toLowerCase(Locale.ROOT));
        if (a != null) {
            return a;
        }
        for (AssetPath p : assets.values()) {
            if (p.symbol().equalsIgnoreCase(nameOrSymbol)) {
                return p;
            }
        }
        return null;
    }

    /**
     * The price at the first instant of the second containing {@code epochMillis} (window opens and
     * closes fall on whole seconds), or NaN if outside the kept history or in the future.
     */
    public double priceAt(String asset, long epochMillis) {
        AssetPath a = assets.get(asset);
        long sec = Math.floorDiv(epochMillis, 1000L);
        if (a == null || !a.bars().holds(sec)) {
            return Double.NaN;
        }
        return a.bars().midAtStart(sec);
    }

    /** Mid price {@code lagMillis} ago (current when the lag is zero). */
    public double midLagged(AssetPath asset, long lagMillis) {
        return asset.midStepsAgo((int) (lagMillis / stepMillis));
    }
}
