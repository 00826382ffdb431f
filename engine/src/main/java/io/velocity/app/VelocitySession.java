package io.velocity.app;

import io.velocity.config.AppConfig;
import io.velocity.config.Config;
import io.velocity.config.ConfigService;
import io.velocity.config.FeedSource;
import io.velocity.config.Mode;
import io.velocity.core.Clock;
import io.velocity.engine.Engine;
import io.velocity.engine.EngineCommand;
import io.velocity.engine.EngineRuntime;
import io.velocity.execution.JournalTradeLog;
import io.velocity.execution.LiveExecution;
import io.velocity.execution.onchain.RedisNonceSource;
import io.velocity.execution.paper.PaperGateway;
import io.velocity.orders.OrderGateway;
import io.velocity.risk.KillSwitch;
import io.velocity.security.Keystore;
import io.velocity.sim.SimEndpoints;
import io.velocity.sim.SimSettings;
import io.velocity.sim.VenueSimulator;
import io.velocity.storage.StorageRuntime;
import io.velocity.storage.journal.AuditRecord;
import io.velocity.strategy.python.PythonSettings;
import io.velocity.strategy.python.PythonStrategy;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;
import io.velocity.telemetry.PrometheusEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The whole object graph of one run, built from a {@link Config} in one readable constructor
 * sequence: stores, the venue simulator (paper on simulated feeds), the order gateway, the Python
 * strategy bridge, the engine and its ring, and the market-data feeds that feed it. The desktop and
 * the headless runner both start one of these and observe it through
 * {@link EngineRuntime#snapshot()}; closing it stops everything in reverse order.
 */
public final class VelocitySession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(VelocitySession.class);

    private final ConfigService configService;
    private final HealthRegistry health;
    private final Metrics metrics;
    private final KillSwitch killSwitch;
    private final StorageRuntime storage;
    private final VenueSimulator simulator;
    private final EngineRuntime engine;
    private final Deque<AutoCloseable> closeables;

    /** How to run: where data goes and which clock drives time. */
    public record Options(boolean ephemeralStores, Clock clock) {
        /** A trader's run: persistent stores, system clock. */
        public static Options standard() {
            return new Options(false, Clock.SYSTEM);
        }
    }

    private VelocitySession(ConfigService configService, HealthRegistry health, Metrics metrics, KillSwitch killSwitch,
                            StorageRuntime storage, VenueSimulator simulator, EngineRuntime engine,
                            Deque<AutoCloseable> closeables) {
        this.configService = configService;
        this.health = health;
        this.metrics = metrics;
        this.killSwitch = killSwitch;
        this.storage = storage;
        this.simulator = simulator;
        this.engine = engine;
        this.closeables = closeables;
    }

    /**
     * Starts everything.
     *
     * @param keystore an unlocked keystore, required in live mode (null in paper mode)
     */
    public static VelocitySession start(ConfigService configService, HealthRegistry health, Keystore keystore,
                                        Options options) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Config config = configService.current();
            AppConfig app = config.app();
            io.velocity.security.LiveModeGuard.requireUnlockedForLive(app.mode(), keystore);
            Clock clock = options.clock();
            Metrics metrics = new Metrics();
            if (app.telemetry().prometheusEnabled()) {
                started.push(PrometheusEndpoint.start(metrics, app.telemetry().prometheusPort()));
            }
            KillSwitch killSwitch = new KillSwitch(clock);

            StorageRuntime storage = StorageRuntime.start(app.storage(), options.ephemeralStores()
                    ? StorageRuntime.Environment.ephemeral(app.dataDirectory())
                    : StorageRuntime.Environment.persistent(app.dataDirectory(), postgresPassword(keystore)), health);
            started.push(storage);
            storage.bindMetrics(metrics.registry());
            killSwitch.onEvent(e -> storage.journal().tryAppend(AuditRecord.of(e.atMillis(), e.actor(),
                    e.engaged() ? "kill_switch.engage" : "kill_switch.release", e.reason(), e.layer().name())));
            configService.subscribe(change -> storage.journal().tryAppend(AuditRecord.of(clock.epochMillis(), "config",
                    "config.change", "generation " + change.current().generation(), String.join(",", change.changedPaths()))));

            VenueSimulator simulator = null;
            if (app.feeds() == FeedSource.SIM) {
                simulator = VenueSimulator.start(SimSettings.from(app), clock, true);
                started.push(simulator);
                log.info("venue simulator on loopback: {}", simulator.endpoints().byName());
            }

            EngineRuntime[] runtime = new EngineRuntime[1];
            OrderGateway gateway;
            if (app.mode() == Mode.LIVE) {
                // Rail A (CLOB API) with failover to Rail B (direct exchange call); nonces from Redis, steps to trade_logs.
                LiveExecution live = LiveExecution.open(app, keystore, new LiveExecution.Services(r -> runtime[0].onReport(r),
                        killSwitch, new RedisNonceSource(storage.redis().nonces(), java.time.Duration.ofSeconds(2)),
                        new JournalTradeLog(storage.journal(), health), metrics, health, clock));
                started.push(live);
                gateway = live.gateway();
            } else {
                gateway = new PaperGateway(r -> runtime[0].onReport(r), killSwitch);
                started.push(gateway);
            }
            PythonStrategy python = null;
            if (app.engine().sizing() == io.velocity.config.EngineConfig.SizingKind.PYTHON) {
                python = PythonStrategy.start(PythonSettings.standard(Bootstrap.home()), config.strategy().pythonBudget(),
                        health, clock, r -> runtime[0].onStrategyResult(r));
                started.push(python);
            }
            Engine engine = new Engine(new Engine.Dependencies(clock, config, killSwitch, gateway,
                    new JournalDecisions(storage.journal(), killSwitch, clock), health, metrics, null, python));
            runtime[0] = new EngineRuntime(engine, clock, killSwitch, app.engine());
            if (gateway instanceof PaperGateway paper) {
                runtime[0].addBookObserver(paper);
            }
            configService.subscribe(change -> runtime[0].command(new EngineCommand.ApplyConfig(change.current())));
            started.push(runtime[0]);
            runtime[0].start();

            if (app.mode() == Mode.LIVE) {
                started.push(startSettlement(app, keystore, storage, killSwitch, health, runtime[0], clock));
            }
            VelocitySession session = new VelocitySession(configService, health, metrics, killSwitch, storage, simulator,
                    runtime[0], started);
            session.startFeeds(simulator == null ? app.venues() : simulator.endpoints().applyTo(app.venues()), keystore);
            return session;
        } catch (IOException e) {
            closeAll(started);
            throw new UncheckedIOException("starting Velocity failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    /**
     * Live mode's settlement side: resolution listener, redemptions and the start-up
     * reconciliation with the venue and the chain. Trading stays halted (kill-switch layer
     * RECONCILIATION) until reconciliation succeeds; it is retried in the background and its report
     * is logged for the trader.
     */
    private static AutoCloseable startSettlement(AppConfig app, Keystore keystore, StorageRuntime storage,
                                                 KillSwitch killSwitch, HealthRegistry health, EngineRuntime engine,
                                                 Clock clock) {
        byte[] key = keystore.get(io.velocity.security.SecretNames.POLYGON_PRIVATE_KEY).copyBytes();
        io.velocity.chain.CredentialsSigner wallet;
        try {
            wallet = new io.velocity.chain.CredentialsSigner(org.web3j.crypto.Credentials.create(
                    org.web3j.crypto.ECKeyPair.create(key)));
        } finally {
            java.util.Arrays.fill(key, (byte) 0);
        }
        var credentials = io.velocity.execution.clob.ApiCredentials.fromKeystore(keystore);
        var venue = new io.velocity.accounting.recovery.ClobOpenOrders(java.net.URI.create(app.venues().clob().restUrl()),
                credentials.l2(io.velocity.execution.signing.EthAddress.parse(wallet.address().toString(), "wallet")),
                clock, app.venues().clob().requestTimeout());
        var settlement = io.velocity.accounting.SettlementRuntime.start(app.chain(), wallet, storage, killSwitch, health,
                new EngineAccountingBridge(engine), venue, clock);
        var retry = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().name("reconciliation").daemon().unstarted(r));
        Runnable attempt = new Runnable() {
            @Override
            public void run() {
                try {
                    var report = settlement.reconcile(java.util.List.of());
                    log.info("start-up reconciliation: {}", report.summary());
                    retry.shutdown();
                } catch (RuntimeException e) {
                    log.warn("start-up reconciliation failed ({}); trading stays halted, retrying in 10 s", e.getMessage());
                    retry.schedule(this, 10, java.util.concurrent.TimeUnit.SECONDS);
                }
            }
        };
        retry.execute(attempt);
        return () -> {
            retry.shutdownNow();
            settlement.close();
        };
    }

    private static char[] postgresPassword(Keystore keystore) {
        String env = System.getenv("VELOCITY_PG_PASSWORD");
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (keystore != null) {
            return keystore.find("postgres-password").map(io.velocity.security.SecretEntry::copyChars).orElse(null);
        }
        return null;
    }

    private void startFeeds(io.velocity.config.VenuesConfig venues, Keystore keystore) {
        char[] alloraKey = alloraKey(keystore);
        try {
            closeables.push(io.velocity.marketdata.MarketData.start(configService.current().app(), venues,
                    engine, health, Clock.SYSTEM, alloraKey, storage.redis(), userChannelCredentials(keystore)));
        } finally {
            java.util.Arrays.fill(alloraKey, '\0');
        }
    }

    /**
     * The CLOB user channel's credentials in live mode (from the keystore, read at each
     * connection), else null: paper trading fills against the simulator's or the paper gateway's
     * books, not a venue account.
     */
    private java.util.function.Supplier<io.velocity.marketdata.clob.ClobUserFeed.Credentials> userChannelCredentials(
            Keystore keystore) {
        if (keystore == null || configService.current().app().mode() != Mode.LIVE) {
            return null;
        }
        return () -> new io.velocity.marketdata.clob.ClobUserFeed.Credentials(
                keystore.get(io.velocity.security.SecretNames.CLOB_API_KEY).copyChars(),
                keystore.get(io.velocity.security.SecretNames.CLOB_API_SECRET).copyChars(),
                keystore.get(io.velocity.security.SecretNames.CLOB_API_PASSPHRASE).copyChars());
    }

    /** The Allora key from the keystore; against the simulator (which accepts any key) a fixed one. */
    private char[] alloraKey(Keystore keystore) {
        if (keystore != null) {
            var entry = keystore.find("allora-api-key");
            if (entry.isPresent()) {
                return entry.get().copyChars();
            }
        }
        AppConfig app = configService.current().app();
        if (app.feeds() == FeedSource.SIM) {
            String simKey = app.sim().allora().apiKey();
            return (simKey.isEmpty() ? "velocity-paper" : simKey).toCharArray();
        }
        log.warn("no allora-api-key in the keystore: the Allora signal is off (fair value from Binance alone)");
        return new char[0];
    }

    public EngineRuntime engine() {
        return engine;
    }

    public ConfigService config() {
        return configService;
    }

    public HealthRegistry health() {
        return health;
    }

    public Metrics metrics() {
        return metrics;
    }

    public KillSwitch killSwitch() {
        return killSwitch;
    }

    public StorageRuntime storage() {
        return storage;
    }

    /** The simulator's URLs in paper-on-simulated-feeds mode. */
    public Optional<SimEndpoints> simulator() {
        return simulator == null ? Optional.empty() : Optional.of(simulator.endpoints());
    }

    /** The simulator itself (tests inject faults through it). */
    public Optional<VenueSimulator> venueSimulator() {
        return Optional.ofNullable(simulator);
    }

    @Override
    public void close() {
        closeAll(closeables);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable c = started.pop();
            try {
                c.close();
            } catch (Exception e) {
                log.warn("stopping {} failed: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
