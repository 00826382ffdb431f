package io.velocity.desktop.support;

import io.velocity.core.Clock;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.LastTrade;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.WindowOpen;
import io.velocity.strategy.FairValueModel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Test market data for the desktop until the venue simulator is on main: Binance-like prices as
 * a random walk per asset, Up/Down markets for every window of the configured lengths (the
 * current one and the next), order books around the true fair value with a slowly wandering
 * mispricing (so the engine finds edges now and then), occasional trade prints, window opens,
 * expiries and feed states. Drives a real engine through its {@link MarketDataSink} on one thread.
 */
public final class SyntheticVenue implements AutoCloseable {
    private static final double SIGMA = 9e-5;
    private static final Map<String, Double> START = Map.of("btc", 97_250.0, "eth", 3_412.0, "sol", 182.4, "xrp", 2.31);

    private final MarketDataSink sink;
    private final Clock clock;
    private final List<String> assets;
    private final List<String> durations;
    private final SplittableRandom rnd;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
            r -> Thread.ofPlatform().name("synthetic-venue").daemon().unstarted(r));
    private final Map<String, double[]> spot = new LinkedHashMap<>();
    private final Map<String, Market> markets = new LinkedHashMap<>();
    private long lastMillis;
    private long lastFeedStateMillis;
    private long tokenSeq = 1_000;

    private final class Market {
        final MarketInfo info;
        double open = Double.NaN;
        double mispricing;
        boolean expired;

        Market(MarketInfo info) {
            this.info = info;
        }
    }

    public SyntheticVenue(MarketDataSink sink, Clock clock, List<String> assets, List<String> durations, long seed) {
        this.sink = sink;
        this.clock = clock;
        this.assets = List.copyOf(assets);
        this.durations = List.copyOf(durations);
        this.rnd = new SplittableRandom(seed);
        for (String a : assets) {
            spot.put(a, new double[]{START.getOrDefault(a, 100.0)});
        }
    }

    /** Publishes the first state synchronously, then ticks every {@code tickMillis} of wall time. */
    public SyntheticVenue start(long tickMillis) {
        lastMillis = clock.epochMillis();
        step();
        thread.scheduleAtFixedRate(this::safeStep, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        return this;
    }

    private void safeStep() {
        try {
            step();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(SyntheticVenue.class).error("synthetic venue step failed", e);
        }
    }

    private void step() {
        long now = clock.epochMillis();
        double dtSeconds = Math.max(0, now - lastMillis) / 1000.0;
        lastMillis = now;
        long nanos = System.nanoTime();
        for (Map.Entry<String, double[]> e : spot.entrySet()) {
            double[] p = e.getValue();
            p[0] *= Math.exp(SIGMA * Math.sqrt(dtSeconds) * gaussian());
            double half = p[0] * 0.00001;
            sink.onSpot(new SpotUpdate(e.getKey(), p[0] - half, p[0] + half, p[0], SIGMA, now, nanos));
        }
        list(now);
        List<String> gone = new ArrayList<>();
        for (Market m : markets.values()) {
            double s = spot.get(m.info.asset())[0];
            if (Double.isNaN(m.open) && now >= m.info.windowStartMillis()) {
                // A window already running when we started opened a little away from here.
                boolean late = now - m.info.windowStartMillis() > 2_000;
                m.open = late ? s * (1 + 0.0006 * gaussian()) : s;
                sink.onWindowOpen(new WindowOpen(m.info.asset(), m.info.windowStartMillis(), m.open, late ? "kline" : "stream"));
            }
            if (now >= m.info.windowEndMillis() + 1_000) {
                sink.onMarketExpired(m.info.conditionId(), "window closed");
                gone.add(m.info.conditionId());
                continue;
            }
            publishBooks(m, s, now, dtSeconds, nanos);
        }
        gone.forEach(markets::remove);
        if (now - lastFeedStateMillis >= 1_000 || lastFeedStateMillis == 0) {
            lastFeedStateMillis = now;
            sink.onFeedState(new FeedStatus("binance", FeedState.LIVE, "synthetic", 40 + rnd.nextInt(60)));
            sink.onFeedState(new FeedStatus("clobMarket", FeedState.LIVE, "synthetic", 80 + rnd.nextInt(150)));
            sink.onFeedState(new FeedStatus("gamma", FeedState.LIVE, "synthetic", 1_000 + rnd.nextInt(4_000)));
        }
    }

    private void publishBooks(Market m, double s, long now, double dt, long nanos) {
        double secondsLeft = Math.max(0.5, (m.info.windowEndMillis() - now) / 1000.0);
        double fair = Double.isNaN(m.open) ? 0.5 : FairValueModel.probabilityUp(s, m.open, SIGMA, secondsLeft);
        // Mispricing wanders (Ornstein-Uhlenbeck) so edges appear and fade.
        m.mispricing += -0.4 * m.mispricing * dt + 0.016 * Math.sqrt(dt) * gaussian();
        m.mispricing = Math.max(-0.05, Math.min(0.05, m.mispricing));
        double mid = Math.max(0.02, Math.min(0.98, fair + m.mispricing));
        long midTicks = Math.round(mid * 100);
        long spread = rnd.nextInt(4) == 0 ? 2 : 1;
        long upBid = Math.max(1, Math.min(98, midTicks - (spread + 1) / 2));
        long upAsk = Math.min(99, upBid + spread);
        book(m.info.upTokenId(), m.info.conditionId(), upBid, upAsk, now, nanos);
        book(m.info.downTokenId(), m.info.conditionId(), 100 - upAsk, 100 - upBid, now, nanos);
        if (rnd.nextInt(6) == 0) {
            boolean up = rnd.nextBoolean();
            boolean buy = rnd.nextBoolean();
            long price = up ? (buy ? upAsk : upBid) : (buy ? 100 - upBid : 100 - upAsk);
            sink.onLastTrade(new LastTrade(up ? m.info.upTokenId() : m.info.downTokenId(), price * 100,
                    (20 + rnd.nextInt(400)) * 1_000_000L, buy, 0, now));
        }
    }

    private void book(String token, String condition, long bidTicks, long askTicks, long now, long nanos) {
        int levels = 5;
        long[] bp = new long[levels];
        long[] bs = new long[levels];
        long[] ap = new long[levels];
        long[] as = new long[levels];
        int bids = 0;
        int asks = 0;
        for (int i = 0; i < levels; i++) {
            if (bidTicks - i >= 1) {
                bp[bids] = (bidTicks - i) * 100;
                bs[bids] = (40 + rnd.nextInt(600)) * 1_000_000L;
                bids++;
            }
            if (askTicks + i <= 99) {
                ap[asks] = (askTicks + i) * 100;
                as[asks] = (40 + rnd.nextInt(600)) * 1_000_000L;
                asks++;
            }
        }
        sink.onBookTop(new BookTop(token, condition, bp, bs, ap, as, bids, asks, 100, now, nanos));
    }

    /** Lists the current window of every asset and length, and the next one. */
    private void list(long now) {
        for (String d : durations) {
            long len = lengthMillis(d);
            long start = now / len * len;
            for (long s : new long[]{start, start + len}) {
                for (String a : assets) {
                    String slug = a + "-updown-" + d + "-" + s / 1000;
                    String id = "0x" + Long.toHexString(slug.hashCode() & 0xffffffffL) + Long.toHexString(s);
                    if (!markets.containsKey(id) && now < s + len) {
                        MarketInfo info = new MarketInfo(id, slug, a, d, Long.toString(tokenSeq++), Long.toString(tokenSeq++),
                                s, s + len, 100, 5_000_000, 0.07, 1, 0, false, 25_000_000_000L, "2");
                        markets.put(id, new Market(info));
                        sink.onMarket(info);
                    }
                }
            }
        }
    }

    private static long lengthMillis(String d) {
        char unit = d.charAt(d.length() - 1);
        long n = Long.parseLong(d.substring(0, d.length() - 1));
        return switch (unit) {
            case 'm' -> n * 60_000;
            case 'h' -> n * 3_600_000;
            default -> throw new IllegalArgumentException("window length " + d.toLowerCase(Locale.ROOT));
        };
    }

    private double gaussian() {
        return rnd.nextGaussian();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
