package io.velocity.sim;

import io.velocity.config.SimConfig;
import io.velocity.core.Clock;
import io.velocity.sim.allora.AlloraApi;
import io.velocity.sim.allora.AlloraOracle;
import io.velocity.sim.binance.BinanceRest;
import io.velocity.sim.binance.BinanceStreams;
import io.velocity.sim.clob.ApiCredential;
import io.velocity.sim.clob.ClobExchange;
import io.velocity.sim.clob.ClobMarketChannel;
import io.velocity.sim.clob.ClobRestApi;
import io.velocity.sim.clob.ClobUserChannel;
import io.velocity.sim.clob.LiquidityProviders;
import io.velocity.sim.clob.OrderAuthenticator;
import io.velocity.sim.clob.SignerAuthenticator;
import io.velocity.sim.control.ControlApi;
import io.velocity.sim.fault.FaultInjector;
import io.velocity.sim.gamma.GammaApi;
import io.velocity.sim.http.SimHttpServer;
import io.velocity.sim.market.MarketCatalog;
import io.velocity.sim.market.SimMarket;
import io.velocity.sim.world.PriceWorld;
import io.velocity.sim.ws.SimWsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The venue simulator: a seeded price world and loopback servers speaking the real Binance,
 * Gamma, CLOB and Allora protocols, so the real clients run unchanged against it. Time comes from
 * the injected {@link Clock}: in real-time mode a ticker steps the world as the clock moves; in
 * manual mode nothing moves until {@link #advanceTo(long)} (tests on a {@code ManualClock}).
 * All simulated state lives on one loop thread.
 */
public final class VenueSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VenueSimulator.class);

    private final SimSettings settings;
    private final Clock clock;
    private final SimLoop loop = new SimLoop();
    private final FaultInjector faults = new FaultInjector();
    private final PriceWorld world;
    private final MarketCatalog catalog;
    private final ClobExchange exchange;
    private final LiquidityProviders providers;
    private final AlloraOracle oracle;
    private final BinanceStreams binanceStreams;
    private final List<AutoCloseable> servers = new ArrayList<>();
    private final SimEndpoints endpoints;
    private final long resolutionDelay;
    private final boolean realTime;
    private ScheduledExecutorService ticker;
    private int lifecycleFrom;

    /** Read access to the simulated state, on the loop thread (see {@link #inspect(Function)}). */
    public record State(PriceWorld world, MarketCatalog catalog, ClobExchange exchange, AlloraOracle allora) {
    }

    private VenueSimulator(SimSettings settings, Clock clock, boolean realTime, OrderAuthenticator auth) throws IOException {
        this.settings = settings;
        this.clock = clock;
        this.realTime = realTime;
        SimConfig sim = settings.sim();
        this.resolutionDelay = sim.markets().resolutionDelay().toMillis();
        this.world = new PriceWorld(sim, settings.binanceSymbols(), clock.epochMillis(), LiquidityProviders.maxLagMillis(sim) + 1_000);
        this.catalog = new MarketCatalog(sim, new ArrayList<>(world.assets().keySet()), world.now() - sim.warmup().toMillis());
        this.exchange = new ClobExchange(sim, catalog);
        for (SimConfig.Account a : sim.accounts()) {
            exchange.register(new ApiCredential(a.apiKey(), a.secret(), a.passphrase(), a.address()));
        }
        catalog.refresh(world.now());
        settleLifecycle(world.now());
        this.providers = new LiquidityProviders(sim, world, catalog, exchange);
        this.oracle = new AlloraOracle(sim, world, settings.alloraTopics());

        SimConfig.Ports ports = sim.ports();
        try {
            binanceStreams = new BinanceStreams(world, faults, this::venueMillis, sim.binance().maxConnectionAge().toMillis());
            world.addListener(binanceStreams);
            SimWsServer binanceWs = new SimWsServer("binance", ports.binanceWs(), seconds(sim.binance().pingInterval().toMillis()), faults)
                    .mount("/stream", FaultInjector.Feed.BINANCE, binanceStreams)
                    .mount("/ws", FaultInjector.Feed.BINANCE, binanceStreams);
            start(binanceWs);

            SimHttpServer binanceRest = new SimHttpServer("binance", ports.binanceRest(), faults, FaultInjector.Venue.BINANCE,
                    BinanceRest::errorBody);
            new BinanceRest(world, loop, this::venueMillis).mount(binanceRest);
            start(binanceRest);

            SimHttpServer gamma = new SimHttpServer("gamma", ports.gamma(), faults, FaultInjector.Venue.GAMMA, GammaApi::errorBody);
            new GammaApi(catalog, loop, clock::epochMillis, sim.markets().feesEnabled(), sim.markets().feeRate(),
                    sim.markets().feeExponent()).mount(gamma);
            start(gamma);

            SimHttpServer clobRest = new SimHttpServer("clob", ports.clobRest(), faults, FaultInjector.Venue.CLOB, ClobRestApi::errorBody);
            new ClobRestApi(exchange, loop, auth, sim.clob(), settings.chain(), clock::epochMillis, faults::skewMillis).mount(clobRest);
            start(clobRest);

            ClobMarketChannel market = new ClobMarketChannel(exchange, loop, faults, clock::epochMillis);
            ClobUserChannel user = new ClobUserChannel(exchange, loop, faults);
            exchange.addListener(market);
            exchange.addListener(user);
            SimWsServer clobWs = new SimWsServer("clob", ports.clobWs(), seconds(sim.binance().pingInterval().toMillis()), faults)
                    .mount("/ws/market", FaultInjector.Feed.CLOB_MARKET, market)
                    .mount("/ws/user", FaultInjector.Feed.CLOB_USER, user);
            start(clobWs);

            SimHttpServer allora = new SimHttpServer("allora", ports.allora(), faults, FaultInjector.Venue.ALLORA, AlloraApi::errorBody);
            new AlloraApi(oracle, loop, settings.alloraChainSlug(), sim.allora().apiKey(), sim.seed()).mount(allora);
            start(allora);

            SimHttpServer control = new SimHttpServer("control", ports.control(), null, FaultInjector.Venue.CLOB, ClobRestApi::errorBody);
            new ControlApi(this).mount(control);
            start(control);

            endpoints = new SimEndpoints(binanceRest.url(), binanceWs.url(), gamma.url(), clobRest.url(),
                    clobWs.url() + "/ws/market", clobWs.url() + "/ws/user", allora.url(), control.url());
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * Builds the world and starts every server.
     *
     * @param realTime true to step the world as {@code clock} moves (the default run, {@code ./velocity sim});
     *                 false to move only on {@link #advanceTo(long)} (tests on a manual clock)
     */
    public static VenueSimulator start(SimSettings settings, Clock clock, boolean realTime) throws IOException {
        return start(settings, clock, realTime, new SignerAuthenticator());
    }

    /** As {@link #start(SimSettings, Clock, boolean)} with another signature checker. */
    public static VenueSimulator start(SimSettings settings, Clock clock, boolean realTime, OrderAuthenticator auth) throws IOException {
        VenueSimulator s = new VenueSimulator(settings, clock, realTime, auth);
        if (realTime) {
            s.startTicker();
        }
        return s;
    }

    private static int seconds(long millis) {
        return (int) Math.max(1, millis / 1000);
    }

    private void start(SimHttpServer s) {
        servers.add(s);
        s.start();
    }

    private void start(SimWsServer s) {
        servers.add(s);
        s.startAndWait();
    }

    private void startTicker() {
        AtomicBoolean queued = new AtomicBoolean();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "velocity-sim-ticker");
            t.setDaemon(true);
            return t;
        });
        long step = world.stepMillis();
        ticker.scheduleAtFixedRate(() -> {
            // At most one pending step request: a slow loop catches up in one go instead of queueing.
            if (queued.compareAndSet(false, true)) {
                loop.execute(() -> {
                    queued.set(false);
                    try {
                        stepTo(clock.epochMillis());
                    } catch (RuntimeException e) {
                        LOG.error("simulator step failed", e);
                    }
                });
            }
        }, step, step, TimeUnit.MILLISECONDS);
    }

    /** Venue server time: the clock plus any injected skew. */
    long venueMillis() {
        return clock.epochMillis() + faults.skewMillis();
    }

    /** Steps the world (and everything driven by it) up to {@code epochMillis}; for manual-clock runs. */
    public void advanceTo(long epochMillis) {
        call(s -> {
            stepTo(epochMillis);
            return null;
        });
    }

    /** Runs {@code f} on the loop thread with the simulated state and returns its result. */
    public <T> T inspect(Function<State, T> f) {
        return call(f);
    }

    private <T> T call(Function<State, T> f) {
        try {
            return loop.call(() -> f.apply(new State(world, catalog, exchange, oracle)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the simulator loop", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("simulator loop did not answer within 10 s", e);
        }
    }

    private void stepTo(long t) {
        while (world.nextStepTime() <= t) {
            world.step();
            onStep(world.now());
        }
    }

    private void onStep(long ts) {
        if (ts % 1000 == 0) {
            for (SimMarket m : catalog.refresh(ts)) {
                exchange.announceNewMarket(m, ts);
            }
        }
        settleLifecycle(ts);
        providers.onStep(ts);
        exchange.onTime(ts);
        oracle.onStep(ts);
        if (ts % 1000 == 0) {
            binanceStreams.enforceLifetime();
        }
    }

    /** Opens windows at their start, closes them at their end and resolves them: Up if close >= open. */
    private void settleLifecycle(long ts) {
        List<SimMarket> all = catalog.markets();
        while (lifecycleFrom < all.size() && all.get(lifecycleFrom).resolved()) {
            lifecycleFrom++;
        }
        for (int i = lifecycleFrom; i < all.size(); i++) {
            SimMarket m = all.get(i);
            if (ts < m.startMillis()) {
                continue;
            }
            if (Double.isNaN(m.openPrice())) {
                double open = world.priceAt(m.asset(), m.startMillis());
                m.openPrice(Double.isNaN(open) ? world.assets().get(m.asset()).mid() : open);
            }
            if (!m.closed() && ts >= m.endMillis()) {
                double close = world.priceAt(m.asset(), m.endMillis());
                exchange.closeMarket(m, Double.isNaN(close) ? world.assets().get(m.asset()).mid() : close, ts);
            }
            if (m.closed() && !m.resolved() && ts >= m.endMillis() + resolutionDelay) {
                exchange.resolveMarket(m, m.closePrice() >= m.openPrice() ? 0 : 1, ts);
            }
        }
    }

    public SimEndpoints endpoints() {
        return endpoints;
    }

    public FaultInjector faults() {
        return faults;
    }

    public Clock clock() {
        return clock;
    }

    public boolean realTime() {
        return realTime;
    }

    public SimSettings settings() {
        return settings;
    }

    /** Registers fixed API credentials (opening the account with the starting balance). */
    public ApiCredential register(ApiCredential c) {
        return call(s -> s.exchange().register(c));
    }

    @Override
    public void close() {
        if (ticker != null) {
            ticker.shutdownNow();
        }
        for (int i = servers.size() - 1; i >= 0; i--) {
            try {
                servers.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing simulator server failed: {}", e.toString());
            }
        }
        loop.close();
    }
}
