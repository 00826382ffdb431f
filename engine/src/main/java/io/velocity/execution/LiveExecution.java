package io.velocity.execution;

import io.velocity.chain.RpcClient;
import io.velocity.chain.RpcClientConfig;
import io.velocity.config.AppConfig;
import io.velocity.config.ExecutionConfig;
import io.velocity.core.Clock;
import io.velocity.execution.clob.ApiCredentials;
import io.velocity.execution.clob.ClobHttp;
import io.velocity.execution.clob.ClobRail;
import io.velocity.execution.onchain.Broadcaster;
import io.velocity.execution.onchain.ChainRail;
import io.velocity.execution.onchain.Eip1559Signer;
import io.velocity.execution.onchain.Fees;
import io.velocity.execution.onchain.NonceRecovery;
import io.velocity.execution.onchain.NonceSource;
import io.velocity.execution.onchain.PrivateRelay;
import io.velocity.execution.onchain.RpcBroadcaster;
import io.velocity.execution.onchain.TransactionTracker;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.SignatureType;
import io.velocity.orders.ExecutionListener;
import io.velocity.risk.KillSwitch;
import io.velocity.security.Keystore;
import io.velocity.security.SecretNames;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.Metrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the live execution stack from configuration and an unlocked keystore: the order key and
 * its two {@link OrderSigner}s (exchange and neg-risk exchange), Rail A over the CLOB API with the
 * L2 credentials, Rail B over the configured RPC (or private relay) with its nonce source,
 * transaction tracker and start-up nonce recovery, and the {@link ExecutionOrchestrator} that is
 * the engine's {@link io.velocity.orders.OrderGateway}. Closing it closes everything it opened and
 * zeroes the keys.
 */
public final class LiveExecution implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveExecution.class);

    private final List<AutoCloseable> opened;
    private final ExecutionOrchestrator orchestrator;
    private final NonceRecovery.Report recovery;

    private LiveExecution(List<AutoCloseable> opened, ExecutionOrchestrator orchestrator, NonceRecovery.Report recovery) {
        this.opened = opened;
        this.orchestrator = orchestrator;
        this.recovery = recovery;
    }

    /** What the live stack needs besides configuration and keys. */
    public record Services(ExecutionListener listener, KillSwitch killSwitch, NonceSource nonces, TradeLogSink tradeLog,
                           Metrics metrics, HealthRegistry health, Clock clock) {
    }

    /**
     * Opens the stack. Rail B is built when {@code execution.railB.enabled} and at least one RPC
     * URL is configured; its start-up nonce recovery runs here (blocking, before any order).
     *
     * @throws io.velocity.core.InputException when a keystore entry is missing (the message says which)
     * @throws IllegalArgumentException        when the configuration is inconsistent (e.g. a proxy wallet without funder)
     */
    public static LiveExecution open(AppConfig app, Keystore keystore, Services s) {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ExecutionConfig cfg = app.execution();
            Secp256k1Signer key = key(keystore, SecretNames.POLYGON_PRIVATE_KEY);
            opened.add(key);
            long chainId = app.chain().chainId();
            OrderSigner signer = new OrderSigner(chainId, EthAddress.parse(app.chain().contracts().exchange(), "chain.contracts.exchange"), key);
            OrderSigner negRisk = new OrderSigner(chainId,
                    EthAddress.parse(app.chain().contracts().negRiskExchange(), "chain.contracts.negRiskExchange"), key);
            EthAddress funder = cfg.funderAddress().isBlank() ? null : EthAddress.parse(cfg.funderAddress(), "execution.funderAddress");
            OrderFactory factory = new OrderFactory(signer, negRisk, SignatureType.valueOf(cfg.walletType().name()), funder,
                    s.clock(), cfg.gtdLifetime(), new SecureRandom().nextLong());

            ApiCredentials credentials = ApiCredentials.fromKeystore(keystore);
            ClobHttp http = new ClobHttp(URI.create(app.venues().clob().restUrl()), app.venues().clob().requestTimeout(),
                    credentials.l2(key.address()), s.clock(), s.metrics());
            ClobRail railA = new ClobRail(http, credentials.apiKey(), s.killSwitch()::isHalted, cfg.railA().warmConnections());
            opened.add(railA);

            RailB railB = null;
            NonceRecovery.Report recovery = null;
            if (cfg.railB().enabled() && !app.chain().rpcUrls().isEmpty()) {
                RpcClient rpc = RpcClient.connect(RpcClientConfig.defaults(chainId, app.chain().rpcUrls()));
                opened.add(rpc);
                Secp256k1Signer senderKey = cfg.railB().senderKey().equals(SecretNames.POLYGON_PRIVATE_KEY) ? key
                        : key(keystore, cfg.railB().senderKey());
                if (senderKey != key) {
                    opened.add(senderKey);
                }
                Eip1559Signer sender = new Eip1559Signer(senderKey, chainId);
                Broadcaster broadcaster;
                if (cfg.railB().privateRelayUrl().isBlank()) {
                    broadcaster = new RpcBroadcaster(rpc);
                } else {
                    PrivateRelay relay = new PrivateRelay(URI.create(cfg.railB().privateRelayUrl()),
                            cfg.railB().privateRelayHeaders(), app.venues().clob().requestTimeout().multipliedBy(2));
                    opened.add(relay);
                    broadcaster = relay;
                }
                java.math.BigInteger cap = Fees.gwei(cfg.railB().maxFeePerGasGwei());
                TransactionTracker tracker = new TransactionTracker(rpc, sender, broadcaster, s.killSwitch(), s.health(),
                        new TransactionTracker.Settings(cfg.railB().replaceAfter(), cfg.railB().feeBumpPercent(),
                                cfg.railB().maxFeeBumps(), cap, cfg.railB().receiptPollInterval()));
                recovery = new NonceRecovery(rpc, sender, s.nonces(), broadcaster, tracker,
                        Fees.gwei(cfg.railB().minPriorityFeeGwei()), cap, cfg.railB().feeBumpPercent(), 40).recover();
                if (!recovery.clean()) {
                    s.health().report("rail-b-transactions", HealthState.DEGRADED, "start-up recovery cancelled nonces "
                            + recovery.cancelled());
                }
                railB = new ChainRail(rpc, sender, s.nonces(), broadcaster, tracker, s.killSwitch(), s.health(),
                        new ChainRail.Limits(cfg.railB().maxGasLimit(), Fees.gwei(cfg.railB().minPriorityFeeGwei()), cap));
                opened.add(railB);
            } else {
                log.info("Rail B off ({}): Rail A failures are reported, not failed over",
                        cfg.railB().enabled() ? "no chain.rpcUrls" : "execution.railB.enabled = false");
            }
            Deadlines deadlines = Deadlines.system("execution-timers");
            opened.add(deadlines);
            ExecutionOrchestrator orchestrator = new ExecutionOrchestrator(
                    new ExecutionOrchestrator.Dependencies(s.listener(), s.killSwitch(), factory, railA, railB, deadlines,
                            s.tradeLog(), s.metrics(), s.health(), s.clock()),
                    settings(app));
            opened.add(orchestrator);
            return new LiveExecution(opened, orchestrator, recovery);
        } catch (RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /** The orchestrator's settings from configuration. */
    public static ExecutionOrchestrator.Settings settings(AppConfig app) {
        ExecutionConfig cfg = app.execution();
        return new ExecutionOrchestrator.Settings(cfg.ackDeadline().toNanos(), cfg.failoverEnabled(),
                cfg.railA().heartbeats() ? app.venues().clob().heartbeatInterval().toNanos() : 0,
                cfg.railA().maxMissedHeartbeats(), cfg.railA().orderPollInterval().toNanos(),
                cfg.railA().keepWarmInterval().toNanos(), cfg.railA().maxBatch());
    }

    /** The engine's gateway. */
    public ExecutionOrchestrator gateway() {
        return orchestrator;
    }

    /** What start-up nonce recovery did, or null without Rail B. */
    public NonceRecovery.Report recovery() {
        return recovery;
    }

    private static Secp256k1Signer key(Keystore keystore, String entry) {
        byte[] bytes = keystore.get(entry).copyBytes();
        try {
            return Secp256k1Signer.fromPrivateKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public void close() {
        closeAll(opened);
    }

    /** Closes in reverse order of opening: the orchestrator first, the keys (zeroed) last. */
    private static void closeAll(List<AutoCloseable> opened) {
        for (AutoCloseable c : opened.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c.getClass().getSimpleName(), e.getMessage());
            }
        }
    }
}
