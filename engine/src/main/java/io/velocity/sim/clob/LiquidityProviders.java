package io.velocity.sim.clob;

import io.velocity.config.SimConfig;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimMarket;
import io.velocity.sim.world.AssetPath;
import io.velocity.sim.world.Normal;
import io.velocity.sim.world.PriceWorld;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated market makers. Each quotes every open Up/Down market (and the next window) around
 * its own fair value: the Black-Scholes-style probability {@code Φ(ln(S/S0) / (σ√τ))} computed
 * from a lagged spot price, the normal-regime volatility and its own noise. Different lags and
 * noise make the quotes drift apart and cross the true probability, so edges appear and vanish
 * the way they do on the real venue; requotes that cross stale resting orders trade against them.
 */
public final class LiquidityProviders {
    private static final long ONE = SimMarket.PRICE_ONE;

    private final SimConfig.Liquidity cfg;
    private final PriceWorld world;
    private final MarketCatalog catalog;
    private final ClobExchange exchange;
    private final List<Provider> providers = new ArrayList<>();
    /** Markets before this index are all closed (closing is permanent), so scans start here. */
    private int scanFrom;

    private static final class Provider {
        final ClobAccount account;
        final long lagMillis;
        final SplittableRandom rng;
        long nextRefresh;

        Provider(ClobAccount account, long lagMillis, SplittableRandom rng, long nextRefresh) {
            this.account = account;
            this.lagMillis = lagMillis;
            this.rng = rng;
            this.nextRefresh = nextRefresh;
        }
    }

    public LiquidityProviders(SimConfig sim, PriceWorld world, MarketCatalog catalog, ClobExchange exchange) {
        this.cfg = sim.liquidity();
        this.world = world;
        this.catalog = catalog;
        this.exchange = exchange;
        int n = cfg.providers();
        long minLag = cfg.minLag().toMillis();
        long maxLag = cfg.maxLag().toMillis();
        long refresh = cfg.refresh().toMillis();
        for (int i = 0; i < n; i++) {
            long lag = n == 1 ? minLag : minLag + (maxLag - minLag) * i / (n - 1);
            // Staggered so the providers do not all requote on the same step.
            long first = world.now() + refresh * (i + 1) / n;
            providers.add(new Provider(exchange.newProvider(i), lag, new SplittableRandom(sim.seed() * 31 + i + 1), first));
        }
    }

    /** Longest lag any provider uses (the world must remember that much price history). */
    public static long maxLagMillis(SimConfig sim) {
        return sim.liquidity().maxLag().toMillis();
    }

    /** Requotes the providers whose refresh time has come; call once per world step. */
    public void onStep(long now) {
        long refresh = cfg.refresh().toMillis();
        for (Provider p : providers) {
            if (now < p.nextRefresh) {
                continue;
            }
            p.nextRefresh += refresh * Math.max(1, (now - p.nextRefresh) / refresh + 1);
            for (SimMarket m : quotedMarkets(now)) {
                requote(p, m, now);
            }
        }
    }

    private List<SimMarket> quotedMarkets(long now) {
        List<SimMarket> out = new ArrayList<>();
        List<SimMarket> all = catalog.markets();
        while (scanFrom < all.size() && all.get(scanFrom).closed()) {
            scanFrom++;
        }
        for (SimMarket m : all.subList(scanFrom, all.size())) {
            if (!m.quoted() || m.closed() || m.endMillis() <= now) {
                continue;
            }
            long length = m.endMillis() - m.startMillis();
            if (m.startMillis() - length <= now) {
                out.add(m);
            }
        }
        return out;
    }

    private void requote(Provider p, SimMarket m, long now) {
        exchange.cancelProvider(p.account, m);
        double fair = fairValue(p, m, now) + cfg.noise() * p.rng.nextGaussian();
        long tick = m.tickUnits();
        long half = cfg.halfSpreadTicks() * tick;
        long fairUnits = Math.round(fair * ONE);
        long bid = Math.floorDiv(fairUnits - half, tick) * tick;
        long ask = -Math.floorDiv(-(fairUnits + half), tick) * tick;
        if (ask <= bid) {
            ask = bid + tick;
        }
        for (int k = 0; k < cfg.levels(); k++) {
            long size = levelSize(p, k);
            long b = bid - k * tick;
            long a = ask + k * tick;
            if (b >= tick && b <= ONE - tick) {
                exchange.placeProvider(p.account, m, true, b, size, now);
            }
            if (a >= tick && a <= ONE - tick) {
                exchange.placeProvider(p.account, m, false, a, levelSize(p, k), now);
            }
        }
    }

    /** Shares at depth {@code k}: deeper levels are larger; whole cents of a share. */
    private long levelSize(Provider p, int k) {
        double shares = cfg.sharesPerLevel() * (0.5 + p.rng.nextDouble()) * (1 + 0.5 * k);
        return Math.max(1, Math.round(shares * 100)) * 10_000L;
    }

    /** The provider's probability that the window ends Up, from its lagged view of the spot price. */
    private double fairValue(Provider p, SimMarket m, long now) {
        AssetPath asset = world.assets().get(m.asset());
        if (asset == null || now < m.startMillis() || Double.isNaN(m.openPrice())) {
            return 0.5;
        }
        double spot = world.midLagged(asset, p.lagMillis);
        double tau = (m.endMillis() - now) / 1000.0;
        double sigma = asset.baseSigmaPerSqrtSecond();
        if (tau <= 0 || sigma <= 0) {
            return spot >= m.openPrice() ? 1.0 : 0.0;
        }
        return Normal.cdf(Math.log(spot / m.openPrice()) / (sigma * Math.sqrt(tau)));
    }
}
