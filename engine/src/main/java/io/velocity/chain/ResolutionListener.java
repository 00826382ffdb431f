package io.velocity.chain;

import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Watches the conditions of positions held and reports each one's resolution once, when it is
 * {@code confirmations} blocks deep.
 *
 * <p>The source of truth is {@code eth_getLogs} over confirmed blocks only, in ranges of at most
 * {@code maxBlockRange} blocks (halved when a node refuses a range), filtered by the contract, the
 * {@code ConditionResolution} topic and the watched condition ids. A log a reorg removes before it
 * is confirmed is therefore never seen. When a WebSocket endpoint is configured,
 * {@code eth_subscribe} (new heads and resolution logs) wakes the scan at once instead of waiting
 * for the next poll, and the timed poll becomes a slow safety net; when the socket is down the
 * listener polls every {@code pollInterval}.
 *
 * <p>A condition watched after its log went past the scanned range is caught by reading
 * {@code payoutDenominator} at the last scanned block. Reorgs deeper than {@code confirmations}
 * are outside what this class defends against.
 *
 * <p>One thread ("resolution-listener") runs {@link #doWork()} in a loop; {@link #watch} and
 * {@link #unwatch} may be called from any thread. Health is reported as {@value #COMPONENT}.
 */
public final class ResolutionListener implements AutoCloseable {

    /** Health component name. */
    public static final String COMPONENT = "chain.resolutions";

    private static final Logger LOG = LoggerFactory.getLogger(ResolutionListener.class);
    /** Ranges scanned per cycle, so a long catch-up still reports health and sees new watches. */
    private static final int MAX_RANGES_PER_CYCLE = 50;
    /** Above this many watched conditions the topic filter is dropped and logs are filtered here. */
    private static final int MAX_TOPIC_FILTER = 100;
    /** With a live WebSocket the timed poll only guards against missed notifications. */
    private static final int WEBSOCKET_POLL_FACTOR = 10;

    private final RpcClient rpc;
    private final CtfClient ctf;
    private final ResolutionListenerSettings settings;
    private final ResolutionSink sink;
    private final HealthRegistry health;
    private final Set<Hash32> watched = ConcurrentHashMap.newKeySet();
    private final Set<Hash32> delivered = ConcurrentHashMap.newKeySet();
    private final Queue<Hash32> toCheck = new ConcurrentLinkedQueue<>();
    private final Semaphore wake = new Semaphore(0);
    private final Thread thread;
    private final HeadSubscription subscription;
    private volatile boolean running;
    private volatile BigInteger scannedTo;
    private int blockRange;

    /**
     * @param rpc      the chain
     * @param ctf      the Conditional Tokens contract whose logs are watched
     * @param settings confirmations, polling, ranges, WebSocket
     * @param sink     receives each confirmed resolution (on the listener's thread)
     * @param health   where state is reported
     */
    public ResolutionListener(RpcClient rpc, CtfClient ctf, ResolutionListenerSettings settings, ResolutionSink sink,
            HealthRegistry health) {
        this.rpc = Objects.requireNonNull(rpc, "rpc");
        this.ctf = Objects.requireNonNull(ctf, "ctf");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.health = Objects.requireNonNull(health, "health");
        this.blockRange = settings.maxBlockRange();
        this.thread = new Thread(this::run, "resolution-listener");
        this.thread.setDaemon(true);
        this.subscription = settings.webSocket()
                .map(uri -> new HeadSubscription(uri, ctf.address(), new Wakeups()))
                .orElse(null);
    }

    /**
     * Starts watching a condition. Its resolution is reported once, even if it happened before
     * this call.
     *
     * @param conditionId a condition of a position held
     */
    public void watch(Hash32 conditionId) {
        Objects.requireNonNull(conditionId, "conditionId");
        if (delivered.contains(conditionId) || !watched.add(conditionId)) {
            return;
        }
        toCheck.add(conditionId);
        wake.release();
    }

    /** @param conditionId a condition no longer of interest (position closed before resolution) */
    public void unwatch(Hash32 conditionId) {
        watched.remove(conditionId);
    }

    /** @return the conditions currently watched */
    public Set<Hash32> watched() {
        return Set.copyOf(watched);
    }

    /** @return the last block scanned for logs, empty before the first scan */
    public Optional<BigInteger> scannedTo() {
        return Optional.ofNullable(scannedTo);
    }

    /** @return true while a WebSocket subscription is connected */
    public boolean webSocketConnected() {
        return subscription != null && subscription.connected();
    }

    /** Starts the listener thread (and the WebSocket subscription when configured). */
    public synchronized ResolutionListener start() {
        if (!running) {
            running = true;
            thread.start();
            if (subscription != null) {
                subscription.start();
            }
        }
        return this;
    }

    /**
     * One cycle: check newly watched conditions against state, then scan confirmed blocks. Called
     * by the listener thread; tests may drive it directly instead of {@link #start()}.
     *
     * @return resolutions delivered in this cycle
     */
    public int doWork() {
        BigInteger head = rpc.blockNumber();
        BigInteger confirmed = head.subtract(BigInteger.valueOf(settings.confirmations()));
        if (confirmed.signum() < 0) {
            return 0;
        }
        if (scannedTo == null) {
            BigInteger start = confirmed.subtract(BigInteger.valueOf(settings.startupLookbackBlocks()));
            scannedTo = start.signum() > 0 ? start.subtract(BigInteger.ONE) : BigInteger.ONE.negate();
        }
        int delivered = checkNewlyWatched();
        delivered += scan(confirmed);
        health.report(COMPONENT, HealthState.UP, describe(head));
        return delivered;
    }

    @Override
    public void close() {
        running = false;
        if (subscription != null) {
            subscription.close();
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ internals

    private void run() {
        while (running) {
            try {
                doWork();
            } catch (RpcException e) {
                LOG.warn("Resolution scan failed: {}; retrying", e.getMessage());
                health.report(COMPONENT, HealthState.DEGRADED, "scan failed: " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("Resolution listener cycle failed unexpectedly; continuing", e);
                health.report(COMPONENT, HealthState.DEGRADED, "cycle failed: " + e);
            }
            long waitMillis = settings.pollInterval().toMillis()
                    * (webSocketConnected() ? WEBSOCKET_POLL_FACTOR : 1);
            try {
                if (wake.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                if (!running) {
                    return;
                }
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Conditions watched since the last cycle may have resolved in blocks already scanned: read their state. */
    private int checkNewlyWatched() {
        int count = 0;
        Hash32 conditionId;
        while ((conditionId = toCheck.poll()) != null) {
            // Before the first scanned block there is nothing to check: the scan from block 0 sees every log.
            if (!watched.contains(conditionId) || scannedTo.signum() < 0) {
                continue;
            }
            DefaultBlockParameter at = DefaultBlockParameter.valueOf(scannedTo);
            try {
                if (ctf.payoutDenominator(conditionId, at).signum() > 0) {
                    int slots = ctf.outcomeSlotCount(conditionId);
                    List<BigInteger> numerators = ctf.payoutNumerators(conditionId, slots, at);
                    if (deliver(new ResolvedCondition(conditionId, numerators, scannedTo, Optional.empty()))) {
                        count++;
                    }
                }
            } catch (RpcException e) {
                toCheck.add(conditionId);
                throw e;
            }
        }
        return count;
    }

    private int scan(BigInteger confirmed) {
        int count = 0;
        for (int ranges = 0; ranges < MAX_RANGES_PER_CYCLE && scannedTo.compareTo(confirmed) < 0; ranges++) {
            List<Hash32> ids = List.copyOf(watched);
            if (ids.isEmpty()) {
                // Nothing to look for; a condition watched later gets its state checked at this block.
                scannedTo = confirmed;
                break;
            }
            BigInteger from = scannedTo.add(BigInteger.ONE);
            BigInteger to = confirmed.min(scannedTo.add(BigInteger.valueOf(blockRange)));
            List<Log> logs;
            try {
                logs = rpc.logs(filter(from, to, ids));
            } catch (RpcErrorException e) {
                if (blockRange == 1) {
                    throw e;
                }
                blockRange = Math.max(1, blockRange / 2);
                LOG.warn("eth_getLogs refused blocks {}..{} ({}); trying ranges of {} blocks", from, to,
                        e.getMessage(), blockRange);
                continue;
            }
            for (Log log : logs) {
                Optional<ConditionResolution> event;
                try {
                    event = CtfEvents.conditionResolution(log);
                } catch (IllegalArgumentException e) {
                    LOG.warn("Skipping malformed ConditionResolution log: {}", e.getMessage());
                    continue;
                }
                if (event.isPresent() && !log.isRemoved() && watched.contains(event.get().conditionId())
                        && deliver(ResolvedCondition.of(event.get()))) {
                    count++;
                }
            }
            scannedTo = to;
        }
        return count;
    }

    private EthFilter filter(BigInteger from, BigInteger to, List<Hash32> ids) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(from), DefaultBlockParameter.valueOf(to),
                ctf.address().getValue());
        filter.addSingleTopic(CtfEvents.CONDITION_RESOLUTION_TOPIC);
        if (ids.size() <= MAX_TOPIC_FILTER) {
            filter.addOptionalTopics(ids.stream().map(Hash32::hex).toArray(String[]::new));
        }
        return filter;
    }

    private boolean deliver(ResolvedCondition resolution) {
        Hash32 id = resolution.conditionId();
        if (!delivered.add(id)) {
            return false;
        }
        watched.remove(id);
        LOG.info("Condition {} resolved with payouts {} (block {}{})", id, resolution.payoutNumerators(),
                resolution.blockNumber(), resolution.transactionHash().map(h -> ", tx " + h).orElse(", from state"));
        try {
            sink.onResolved(resolution);
            return true;
        } catch (RuntimeException e) {
            // Not lost: watch again, and the state check of the next cycle reports it again.
            LOG.error("Resolution sink failed for {}; it will be reported again", id, e);
            delivered.remove(id);
            watched.add(id);
            toCheck.add(id);
            return false;
        }
    }

    private String describe(BigInteger head) {
        return "watching " + watched.size() + " conditions; confirmed blocks scanned to " + scannedTo + " (head " + head
                + ", " + settings.confirmations() + " confirmations); "
                + (subscription == null ? "polling every " + settings.pollInterval().toMillis() + " ms"
                : subscription.connected() ? "WebSocket " + subscription.displayName() + " connected"
                : "WebSocket " + subscription.displayName() + " down, polling every "
                + settings.pollInterval().toMillis() + " ms");
    }

    /** WebSocket notifications only wake the scan; the scan decides. */
    private final class Wakeups implements HeadSubscription.Listener {
        @Override
        public void onNewHead(BigInteger blockNumber) {
            wake.release();
        }

        @Override
        public void onResolutionLog(Hash32 conditionId, BigInteger blockNumber, boolean removed) {
            if (watched.contains(conditionId)) {
                LOG.info("Resolution of {} {} in block {}; acting once it is {} blocks deep", conditionId,
                        removed ? "removed by a reorg" : "seen", blockNumber, settings.confirmations());
            }
            wake.release();
        }

        @Override
        public void onConnection(boolean connected) {
            wake.release();
        }
    }
}
