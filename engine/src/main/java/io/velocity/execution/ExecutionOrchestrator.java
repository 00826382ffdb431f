package io.velocity.execution;

import io.velocity.core.Clock;
import io.velocity.execution.clob.CancelResult;
import io.velocity.execution.clob.ClobReply;
import io.velocity.execution.clob.PlaceAck;
import io.velocity.execution.clob.VenueOrder;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.orders.ExecutionListener;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.OrderGateway;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.KillSwitch;
import io.velocity.strategy.TakerFee;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import io.velocity.telemetry.Metrics;
import io.velocity.telemetry.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The live {@link OrderGateway}: every intent goes to Rail A (the CLOB API); when Rail A fails
 * (timeout, connection, 5xx, 429) or gives no acknowledgement within the deadline (500 ms by
 * default), a marketable intent is executed on Rail B (a direct exchange call) instead, but only
 * once it is certain the Rail A order cannot also fill. Order errors (4xx) are reported as
 * rejects with the venue's message and never resent.
 *
 * <h2>Never a double fill</h2>
 * Before Rail B, the orchestrator either knows Rail A never received the order (the connection
 * was refused, or the rate limiter answered 429), or cancels it by its order hash and then reads
 * its status: Rail B goes ahead only when the venue reports it cancelled with nothing matched, or
 * does not know it at all. Anything else (it matched, it still rests, or Rail A does not answer)
 * keeps Rail B out: matched shares are reported as Rail A fills, and an unknown state is reported
 * as a rail failure with an ALERT, while the order stays under watch. As a second line, both rails
 * carry the very same signed order (same hash), and the exchange contract caps each hash's total
 * fill at its size, so even a Rail A copy arriving late could not add to a Rail B fill.
 * Resting (GTC/GTD) orders never fail over: they have no on-chain equivalent.
 *
 * <h2>Threads</h2>
 * {@link #submit}, {@link #cancel}, {@link #cancelAll} and {@link #onUserOrder} only enqueue; one
 * "execution" thread owns every intent, signs and hands requests to the rails (whose futures
 * complete on their own threads and re-enter through the same queue). Reports go to the listener
 * from that thread. The kill switch is checked before signing and again by each rail immediately
 * before its bytes leave the process; cancels are always allowed (they only reduce risk).
 *
 * <p>Resting orders are kept alive with heartbeats and polled for fills the user channel might
 * have missed; losing heartbeats cancels them (or, if even that fails, reports rail failures so
 * the engine's guard halts and cancels).
 */
public final class ExecutionOrchestrator implements OrderGateway {
    private static final Logger log = LoggerFactory.getLogger(ExecutionOrchestrator.class);
    static final String HEALTH_RAIL_A = "rail-a";
    static final String HEALTH_HEARTBEAT = "rail-a-heartbeat";
    private static final int KEEP_FINISHED = 2_048;

    /**
     * Timing and batching.
     *
     * @param ackDeadlineNanos     Rail A must acknowledge within this, or a marketable intent fails over
     * @param failover             whether Rail B is used at all
     * @param heartbeatNanos       heartbeat period while orders rest; 0 disables heartbeats
     * @param maxMissedHeartbeats  consecutive failed heartbeats treated as lost
     * @param orderPollNanos       period of status polls of resting and unresolved orders
     * @param keepWarmNanos        period of connection refreshes
     * @param maxBatch             largest POST /orders batch
     */
    public record Settings(long ackDeadlineNanos, boolean failover, long heartbeatNanos, int maxMissedHeartbeats,
                           long orderPollNanos, long keepWarmNanos, int maxBatch) {
    }

    /** Everything the orchestrator talks to; built by the app wiring. */
    public record Dependencies(ExecutionListener listener, KillSwitch killSwitch, OrderFactory factory, RailA railA,
                               RailB railB, Deadlines deadlines, TradeLogSink tradeLog, Metrics metrics,
                               HealthRegistry health, Clock clock) {
    }

    private enum Phase {
        /** Sent on Rail A, no answer yet. */
        A_PENDING,
        /** Acknowledged by Rail A and resting. */
        A_LIVE,
        /** Rail A failed or was late: finding out whether its order can still fill. */
        CHECKING,
        /** Sent on Rail B. */
        B_PENDING,
        /** Rail A's state could not be learned; reported as a failure, still watched. */
        UNKNOWN,
        /** Nothing more will happen. */
        DONE
    }

    private static final class Intent {
        final OrderRequest request;
        final PreparedOrder order;
        final String orderId;
        Phase phase = Phase.A_PENDING;
        String path = "A";
        int step;
        long sentNanos;
        long reportedShares;
        long railAShares;
        long railBShares;
        boolean acked;
        boolean postAnswered;
        boolean cancelRequested;
        ClobReply<PlaceAck> failedPost;
        Deadlines.Timer ackTimer;

        Intent(OrderRequest request, PreparedOrder order) {
            this.request = request;
            this.order = order;
            this.orderId = order.orderId().toLowerCase(Locale.ROOT);
        }

        boolean marketable() {
            return request.tif().marketable();
        }
    }

    private final ExecutionListener listener;
    private final KillSwitch killSwitch;
    private final OrderFactory factory;
    private final RailA railA;
    private final RailB railB;
    private final Deadlines deadlines;
    private final TradeLogSink tradeLog;
    private final Metrics metrics;
    private final HealthRegistry health;
    private final Clock clock;
    private final Settings settings;

    private final LinkedBlockingQueue<Runnable> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, Intent> byClientId = new HashMap<>();
    private final Map<String, Intent> byOrderId = new HashMap<>();
    private final Map<String, Intent> finished = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Intent> eldest) {
            return size() > KEEP_FINISHED;
        }
    };
    private final List<Intent> batch = new ArrayList<>();
    private final List<Deadlines.Timer> timers = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private String heartbeatId = "";
    private int missedHeartbeats;
    private boolean heartbeatInFlight;

    public ExecutionOrchestrator(Dependencies d, Settings settings) {
        this.listener = d.listener();
        this.killSwitch = d.killSwitch();
        this.factory = d.factory();
        this.railA = d.railA();
        this.railB = d.railB();
        this.deadlines = d.deadlines();
        this.tradeLog = d.tradeLog();
        this.metrics = d.metrics();
        this.health = d.health();
        this.clock = d.clock();
        this.settings = settings;
        this.thread = Thread.ofPlatform().name("execution").daemon().start(this::run);
        if (settings.orderPollNanos() > 0) {
            timers.add(deadlines.every(settings.orderPollNanos(), () -> post(this::onPollTick)));
        }
        if (settings.heartbeatNanos() > 0) {
            timers.add(deadlines.every(settings.heartbeatNanos(), () -> post(this::onHeartbeatTick)));
        }
        if (settings.keepWarmNanos() > 0) {
            timers.add(deadlines.every(settings.keepWarmNanos(), railA::warm));
        }
        railA.warm();
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public boolean supportsNativeFok() {
        return true;
    }

    @Override
    public void submit(OrderRequest request) {
        inbox.add(() -> onSubmit(request));
    }

    @Override
    public void cancel(long clientOrderId, String venueOrderId) {
        inbox.add(() -> onCancel(clientOrderId));
    }

    @Override
    public void cancelAll() {
        inbox.add(this::onCancelAll);
    }

    /** Order events from the CLOB user channel: fills and venue cancellations of resting orders. */
    public void onUserOrder(UserOrderEvent event) {
        inbox.add(() -> onVenueOrderEvent(event));
    }

    private void post(Runnable task) {
        if (running) {
            inbox.add(task);
        }
    }

    // ------------------------------------------------------------------ the execution thread

    private void run() {
        while (running) {
            Runnable task;
            try {
                task = inbox.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            while (task != null) {
                safely(task);
                task = inbox.poll();
            }
            flushBatch();
        }
    }

    private void safely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // A bug must not wedge the rail: log, count and step past it.
            log.error("execution task failed", e);
        }
    }

    private void onSubmit(OrderRequest r) {
        try (TraceContext.Scope ignored = TraceContext.open(r.traceId())) {
            if (killSwitch.isHalted()) {
                reject(r, "kill switch engaged", "A");
                return;
            }
            PreparedOrder order;
            try {
                order = factory.prepare(r);
            } catch (IllegalArgumentException e) {
                reject(r, "order not expressible on the venue grid: " + e.getMessage(), "A");
                return;
            }
            Intent intent = new Intent(r, order);
            byClientId.put(r.clientOrderId(), intent);
            byOrderId.put(intent.orderId, intent);
            if (order.rests()) {
                batch.add(intent);
                if (batch.size() >= settings.maxBatch()) {
                    flushBatch();
                }
                return;
            }
            sendOnA(intent);
        }
    }

    private void sendOnA(Intent intent) {
        intent.sentNanos = clock.nanoTime();
        if (failoverEligible(intent)) {
            intent.ackTimer = deadlines.after(settings.ackDeadlineNanos(), () -> post(() -> onAckDeadline(intent)));
        }
        railA.place(intent.order).whenComplete((reply, error) ->
                post(() -> onPlaceReply(intent, reply != null ? reply : crash(error))));
        step(intent, ExecutionStage.SUBMIT, "A", intent.order.priceE4(), intent.order.shareAmount(), 0, 0, 0, "sent");
    }

    private void flushBatch() {
        if (batch.isEmpty()) {
            return;
        }
        List<Intent> sending = List.copyOf(batch);
        batch.clear();
        if (sending.size() == 1) {
            sendOnA(sending.get(0));
            return;
        }
        long now = clock.nanoTime();
        List<PreparedOrder> orders = new ArrayList<>(sending.size());
        for (Intent i : sending) {
            i.sentNanos = now;
            orders.add(i.order);
            step(i, ExecutionStage.SUBMIT, "A", i.order.priceE4(), i.order.shareAmount(), 0, 0, 0,
                    "sent in a batch of " + sending.size());
        }
        railA.placeBatch(orders).whenComplete((reply, error) -> post(() -> {
            ClobReply<List<ClobReply<PlaceAck>>> r = reply != null ? reply : crash(error);
            for (int k = 0; k < sending.size(); k++) {
                Intent i = sending.get(k);
                onPlaceReply(i, r.ok() ? r.value().get(k) : r.map(v -> null));
            }
        }));
    }

    private boolean failoverEligible(Intent intent) {
        return settings.failover() && railB != null && intent.marketable();
    }

    private void onPlaceReply(Intent intent, ClobReply<PlaceAck> reply) {
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            intent.postAnswered = true;
            if (intent.phase != Phase.A_PENDING) {
                onLatePlaceReply(intent, reply);
                return;
            }
            cancelTimer(intent);
            switch (reply.status()) {
                case OK -> onAccepted(intent, reply.value());
                case ORDER_ERROR -> {
                    health.report(HEALTH_RAIL_A, HealthState.UP, "venue answered");
                    finish(intent, ExecutionReport.Kind.REJECT, reply.describe(), "A", ExecutionStage.REJECT);
                }
                case RAIL_FAILURE -> {
                    health.report(HEALTH_RAIL_A, HealthState.DEGRADED, reply.describe());
                    if (failoverEligible(intent)) {
                        intent.failedPost = reply;
                        beginFailover(intent, "Rail A " + reply.describe());
                    } else {
                        finish(intent, ExecutionReport.Kind.RAIL_FAILURE, "Rail A " + reply.describe(), "A",
                                ExecutionStage.REJECT);
                    }
                }
            }
        }
    }

    private void onAccepted(Intent intent, PlaceAck ack) {
        health.report(HEALTH_RAIL_A, HealthState.UP, "order acknowledged");
        long latency = Math.max(0, clock.nanoTime() - intent.request.createdNanos());
        intent.acked = true;
        report(intent, ExecutionReport.Kind.ACK, 0, 0, 0, "A", ack.status(), latency);
        step(intent, ExecutionStage.ACK, "A", intent.order.priceE4(), intent.order.shareAmount(), 0, 0, latency / 1_000,
                ack.status());
        applyTakerMatch(intent, ack);
        if (ack.live() || ack.delayed()) {
            intent.phase = Phase.A_LIVE;
            if (intent.cancelRequested) {
                requestCancel(intent);
            }
            return;
        }
        // matched or unmatched: a marketable order is done; its unfilled rest was killed by the venue.
        if (intent.reportedShares < intent.order.shareAmount()) {
            finish(intent, ExecutionReport.Kind.CANCELLED, intent.reportedShares == 0 ? "not matched: killed"
                    : "unfilled remainder killed", "A", ExecutionStage.CANCEL);
        } else {
            done(intent);
        }
    }

    /** Immediate matches reported in the POST answer: taker fills at their average price. */
    private void applyTakerMatch(Intent intent, PlaceAck ack) {
        boolean buy = intent.request.buy();
        long shares = buy ? ack.takingMicros() : ack.makingMicros();
        long collateral = buy ? ack.makingMicros() : ack.takingMicros();
        if (shares <= 0) {
            return;
        }
        long price = (collateral * 10_000 + shares / 2) / shares;
        long fee = TakerFee.micros(shares, price / 1e4, intent.request.feeRate(), intent.request.feeExponent());
        fill(intent, "A", shares, price, fee);
    }

    private void onAckDeadline(Intent intent) {
        if (intent.phase != Phase.A_PENDING) {
            return;
        }
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            long waited = settings.ackDeadlineNanos() / 1_000_000;
            health.report(HEALTH_RAIL_A, HealthState.DEGRADED, "no acknowledgement within " + waited + " ms");
            beginFailover(intent, "Rail A gave no acknowledgement within " + waited + " ms");
        }
    }

    // ------------------------------------------------------------------ failover

    private void beginFailover(Intent intent, String why) {
        intent.phase = Phase.CHECKING;
        log.warn("order {} ({}): {}; making sure Rail A cannot fill before Rail B", intent.request.clientOrderId(),
                intent.orderId, why);
        step(intent, ExecutionStage.FAILOVER, "A", intent.order.priceE4(), intent.order.shareAmount(), 0, 0,
                (clock.nanoTime() - intent.sentNanos) / 1_000, why + "; checking Rail A");
        ClobReply<PlaceAck> failed = intent.failedPost;
        if (failed != null && failed.failure() != null && !failed.failure().mayHaveReachedVenue()) {
            // Never connected, or refused by the rate limiter: the venue never took the order.
            sendOnB(intent, why + "; Rail A never received the order");
            return;
        }
        railA.cancel(List.of(intent.order.orderId())).whenComplete((reply, error) ->
                post(() -> onFailoverCancel(intent, reply != null ? reply : crash(error), why)));
    }

    private void onFailoverCancel(Intent intent, ClobReply<CancelResult> cancel, String why) {
        if (intent.phase != Phase.CHECKING) {
            return;
        }
        boolean confirmed = cancel.ok() && cancel.value().confirmed(intent.orderId);
        railA.order(intent.order.orderId()).whenComplete((reply, error) ->
                post(() -> onFailoverStatus(intent, confirmed, cancel, reply != null ? reply : crash(error), why)));
    }

    private void onFailoverStatus(Intent intent, boolean cancelConfirmed, ClobReply<CancelResult> cancel,
                                  ClobReply<Optional<VenueOrder>> status, String why) {
        if (intent.phase != Phase.CHECKING) {
            return;
        }
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            if (!status.ok()) {
                unknown(intent, why + "; Rail A order state unknown (cancel: " + cancel.describe() + ", status: "
                        + status.describe() + ")");
                return;
            }
            Optional<VenueOrder> venue = status.value();
            if (venue.isEmpty()) {
                if (cancelConfirmed) {
                    unknown(intent, why + "; cancel confirmed but the order's fills are not readable");
                    return;
                }
                sendOnB(intent, why + "; Rail A does not know the order");
                return;
            }
            VenueOrder v = venue.get();
            if (v.sizeMatchedMicros() > 0) {
                // It traded on Rail A: report that and never touch Rail B.
                takeVenueFills(intent, v);
                intent.path = "A (late)";
                if (v.working()) {
                    intent.phase = Phase.A_LIVE;
                    return;
                }
                finishAfterStatus(intent, v, "A (late)");
                return;
            }
            if (v.terminal()) {
                sendOnB(intent, why + "; Rail A order " + v.status().toLowerCase(Locale.ROOT) + " with nothing matched");
                return;
            }
            unknown(intent, why + "; Rail A order still " + v.status() + " after the cancel ("
                    + cancel.describe() + ")");
        }
    }

    private void sendOnB(Intent intent, String why) {
        intent.phase = Phase.B_PENDING;
        intent.path = "A->B";
        metrics.railFailover();
        log.warn("order {} failing over to Rail B: {}", intent.request.clientOrderId(), why);
        step(intent, ExecutionStage.FAILOVER, "B", intent.order.priceE4(), intent.order.shareAmount(), 0, 0,
                (clock.nanoTime() - intent.sentNanos) / 1_000, why);
        long startedNanos = clock.nanoTime();
        railB.fill(intent.order).whenComplete((fill, error) -> post(() -> onChainFill(intent,
                fill != null ? fill : ChainFill.failed(String.valueOf(error)), startedNanos)));
    }

    private void onChainFill(Intent intent, ChainFill fill, long startedNanos) {
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            long railNanos = clock.nanoTime() - startedNanos;
            metrics.recordLatencyMillis("rail_b_fill", railNanos / 1e6);
            switch (fill.outcome()) {
                case FILLED -> {
                    long latency = Math.max(0, clock.nanoTime() - intent.request.createdNanos());
                    intent.acked = true;
                    report(intent, ExecutionReport.Kind.ACK, 0, 0, 0, "B", "mined " + fill.txHash(), latency);
                    step(intent, ExecutionStage.ACK, "B", intent.order.priceE4(), intent.order.shareAmount(), 0,
                            0, latency / 1_000, "mined " + fill.txHash()
                                    + (fill.replacements() > 0 ? " after " + fill.replacements() + " fee bump(s)" : ""));
                    long shares = intent.request.buy() ? fill.takingFilled() : fill.makingFilled();
                    // The sender is the counterparty at the order's own price; the exchange charges no fee here.
                    fill(intent, "B", shares, intent.order.priceE4(), 0);
                    if (intent.reportedShares < intent.order.shareAmount()) {
                        finish(intent, ExecutionReport.Kind.CANCELLED, "unfilled remainder on Rail B", "B",
                                ExecutionStage.CANCEL);
                    } else {
                        done(intent);
                    }
                }
                case REFUSED -> {
                    intent.path = "A->B refused";
                    finish(intent, ExecutionReport.Kind.RAIL_FAILURE, "Rail A failed and Rail B refused: " + fill.reason()
                            + " (simulated with eth_call; nothing sent)", "B", ExecutionStage.REJECT);
                }
                case REVERTED, FAILED -> {
                    intent.path = "A->B failed";
                    finish(intent, ExecutionReport.Kind.RAIL_FAILURE, "Rail A failed and Rail B "
                            + fill.outcome().name().toLowerCase(Locale.ROOT) + ": " + fill.reason()
                            + (fill.txHash().isEmpty() ? "" : " (" + fill.txHash() + ")"), "B", ExecutionStage.REJECT);
                }
            }
        }
    }

    /** Rail A's state cannot be learned: no Rail B (it could double-fill), alert, keep watching. */
    private void unknown(Intent intent, String why) {
        intent.phase = Phase.UNKNOWN;
        intent.path = "A (unknown)";
        log.error("ALERT order {} ({}): {}; NOT sent on Rail B to rule out a double fill; still watching Rail A",
                intent.request.clientOrderId(), intent.orderId, why);
        health.report(HEALTH_RAIL_A, HealthState.DOWN, "ALERT order state unknown: " + why);
        report(intent, ExecutionReport.Kind.RAIL_FAILURE, 0, 0, 0, "A", "ALERT: " + why
                + "; not sent on Rail B to rule out a double fill", 0);
        step(intent, ExecutionStage.REJECT, "A", intent.order.priceE4(), intent.order.shareAmount(), 0, 0, 0,
                "ALERT unknown: " + why);
    }

    /** A POST answer arriving after failover began. */
    private void onLatePlaceReply(Intent intent, ClobReply<PlaceAck> reply) {
        if (!reply.ok()) {
            return;
        }
        PlaceAck ack = reply.value();
        long shares = intent.request.buy() ? ack.takingMicros() : ack.makingMicros();
        if (shares > 0 && intent.railBShares > 0) {
            log.error("ALERT order {} ({}): Rail A reports {} shares matched after Rail B filled {}; the exchange "
                            + "caps the order's total at its size, so the second settlement fails on chain",
                    intent.request.clientOrderId(), intent.orderId, shares / 1e6, intent.railBShares / 1e6);
        }
        if (intent.phase == Phase.UNKNOWN || intent.phase == Phase.CHECKING) {
            // The status check or the poll will settle it; a match is reported there once.
            log.info("order {}: late Rail A answer '{}' during the failover check", intent.request.clientOrderId(),
                    ack.status());
        }
    }

    // ------------------------------------------------------------------ cancels

    private void onCancel(long clientOrderId) {
        Intent intent = byClientId.get(clientOrderId);
        if (intent == null) {
            listener.onReport(new ExecutionReport(clientOrderId, ExecutionReport.Kind.CANCEL_REJECTED, "", 0, 0, 0, "A",
                    "order not found or already done", 0));
            return;
        }
        if (batch.remove(intent)) {
            // Never left the process: nothing to cancel at the venue.
            finish(intent, ExecutionReport.Kind.CANCELLED, "cancelled before sending", "A", ExecutionStage.CANCEL);
            return;
        }
        intent.cancelRequested = true;
        switch (intent.phase) {
            case A_LIVE, A_PENDING -> requestCancel(intent);
            case CHECKING, B_PENDING -> report(intent, ExecutionReport.Kind.CANCEL_REJECTED, 0, 0, 0, "B",
                    "executing on Rail B; cannot be cancelled", 0);
            default -> report(intent, ExecutionReport.Kind.CANCEL_REJECTED, 0, 0, 0, "A", "order state unknown", 0);
        }
    }

    private void requestCancel(Intent intent) {
        long started = clock.nanoTime();
        railA.cancel(List.of(intent.order.orderId())).whenComplete((reply, error) ->
                post(() -> onCancelReply(intent, reply != null ? reply : crash(error), started)));
    }

    private void onCancelReply(Intent intent, ClobReply<CancelResult> reply, long startedNanos) {
        if (intent.phase == Phase.DONE) {
            return;
        }
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            if (reply.ok() && reply.value().confirmed(intent.orderId)) {
                metrics.recordLatencyMillis("rail_a_cancel", (clock.nanoTime() - startedNanos) / 1e6);
                finish(intent, ExecutionReport.Kind.CANCELLED, "cancelled", "A", ExecutionStage.CANCEL);
                return;
            }
            if (intent.phase == Phase.A_PENDING && reply.ok()) {
                return; // not at the venue yet: the ack will find cancelRequested set and cancel again
            }
            String why = reply.ok() ? reply.value().notCanceled().getOrDefault(intent.orderId, "not cancelled")
                    : reply.describe();
            report(intent, ExecutionReport.Kind.CANCEL_REJECTED, 0, 0, 0, "A", why, 0);
        }
    }

    private void onCancelAll() {
        for (Intent i : List.copyOf(batch)) {
            batch.remove(i);
            finish(i, ExecutionReport.Kind.CANCELLED, "cancelled before sending", "A", ExecutionStage.CANCEL);
        }
        railA.cancelAll().whenComplete((reply, error) -> post(() -> onCancelAllReply(reply != null ? reply : crash(error),
                "cancel all")));
    }

    private void onCancelAllReply(ClobReply<CancelResult> reply, String reason) {
        for (Intent intent : List.copyOf(byClientId.values())) {
            if (intent.phase != Phase.A_LIVE && intent.phase != Phase.A_PENDING) {
                continue;
            }
            if (reply.ok() && reply.value().confirmed(intent.orderId)) {
                finish(intent, ExecutionReport.Kind.CANCELLED, reason, "A", ExecutionStage.CANCEL);
            } else if (!reply.ok()) {
                report(intent, ExecutionReport.Kind.CANCEL_REJECTED, 0, 0, 0, "A", reason + ": " + reply.describe(), 0);
            }
        }
    }

    // ------------------------------------------------------------------ status: polls and the user channel

    private void onPollTick() {
        for (Intent intent : List.copyOf(byClientId.values())) {
            if (intent.phase == Phase.A_LIVE || intent.phase == Phase.UNKNOWN) {
                railA.order(intent.order.orderId()).whenComplete((reply, error) -> {
                    if (reply != null && reply.ok()) {
                        post(() -> onPolledStatus(intent, reply.value()));
                    }
                });
            }
        }
    }

    private void onPolledStatus(Intent intent, Optional<VenueOrder> status) {
        if (intent.phase != Phase.A_LIVE && intent.phase != Phase.UNKNOWN) {
            return;
        }
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            if (status.isEmpty()) {
                if (intent.phase == Phase.UNKNOWN && intent.postAnswered) {
                    log.warn("order {} ({}): resolved, Rail A never held it", intent.request.clientOrderId(), intent.orderId);
                    done(intent);
                }
                return;
            }
            VenueOrder v = status.get();
            takeVenueFills(intent, v);
            if (v.terminal()) {
                if (intent.phase == Phase.UNKNOWN) {
                    log.warn("order {} ({}): resolved as {} with {} shares matched on Rail A",
                            intent.request.clientOrderId(), intent.orderId, v.status(), v.sizeMatchedMicros() / 1e6);
                    done(intent);
                    return;
                }
                finishAfterStatus(intent, v, intent.path);
            }
        }
    }

    private void onVenueOrderEvent(UserOrderEvent e) {
        Intent intent = byOrderId.get(e.orderId().toLowerCase(Locale.ROOT));
        if (intent == null || intent.phase == Phase.DONE || intent.phase == Phase.B_PENDING) {
            return;
        }
        try (TraceContext.Scope ignored = TraceContext.open(intent.request.traceId())) {
            if (e.sizeMatchedMicros() > intent.railAShares) {
                long price = e.priceE4() > 0 ? e.priceE4() : intent.order.priceE4();
                takeVenueFills(intent, new VenueOrder(intent.orderId, "LIVE", e.originalSizeMicros(),
                        e.sizeMatchedMicros(), price));
            }
            if ("CANCELLATION".equalsIgnoreCase(e.type()) && intent.phase == Phase.A_LIVE) {
                finish(intent, ExecutionReport.Kind.CANCELLED, intent.cancelRequested ? "cancelled" : "cancelled by the venue",
                        "A", ExecutionStage.CANCEL);
            }
        }
    }

    /** Reports the part of the venue's matched size not reported yet, as Rail A fills. */
    private void takeVenueFills(Intent intent, VenueOrder v) {
        long delta = v.sizeMatchedMicros() - intent.railAShares;
        if (delta <= 0) {
            return;
        }
        long price = v.priceE4() > 0 ? v.priceE4() : intent.order.priceE4();
        // Resting orders fill as makers (no fee); marketable ones only ever take.
        long fee = intent.marketable()
                ? TakerFee.micros(delta, price / 1e4, intent.request.feeRate(), intent.request.feeExponent()) : 0;
        fill(intent, "A", delta, price, fee);
    }

    private void finishAfterStatus(Intent intent, VenueOrder v, String path) {
        intent.path = path;
        if (v.status().equals("MATCHED") || intent.reportedShares >= intent.order.shareAmount()) {
            done(intent);
        } else if (v.status().equals("EXPIRED")) {
            finish(intent, ExecutionReport.Kind.EXPIRED, "expired", "A", ExecutionStage.CANCEL);
        } else {
            finish(intent, ExecutionReport.Kind.CANCELLED, intent.cancelRequested ? "cancelled"
                    : "cancelled by the venue (" + v.status().toLowerCase(Locale.ROOT) + ")", "A", ExecutionStage.CANCEL);
        }
    }

    // ------------------------------------------------------------------ heartbeats

    private void onHeartbeatTick() {
        if (heartbeatInFlight || byClientId.values().stream().noneMatch(i -> i.phase == Phase.A_LIVE)) {
            return;
        }
        heartbeatInFlight = true;
        railA.heartbeat(heartbeatId).whenComplete((reply, error) -> post(() -> onHeartbeat(reply != null ? reply : crash(error))));
    }

    private void onHeartbeat(ClobReply<String> reply) {
        heartbeatInFlight = false;
        if (reply.ok()) {
            heartbeatId = reply.value() == null ? "" : reply.value();
            if (missedHeartbeats > 0) {
                log.info("heartbeats restored after {} missed", missedHeartbeats);
            }
            missedHeartbeats = 0;
            health.report(HEALTH_HEARTBEAT, HealthState.UP, "heartbeats acknowledged");
            return;
        }
        missedHeartbeats++;
        log.warn("heartbeat {} of {} failed: {}", missedHeartbeats, settings.maxMissedHeartbeats(), reply.describe());
        health.report(HEALTH_HEARTBEAT, HealthState.DEGRADED, missedHeartbeats + " heartbeat(s) missed: " + reply.describe());
        if (missedHeartbeats == settings.maxMissedHeartbeats()) {
            heartbeatsLost(reply.describe());
        }
    }

    private void heartbeatsLost(String why) {
        log.error("ALERT heartbeats lost ({}): the venue cancels resting orders; cancelling them all now", why);
        health.report(HEALTH_HEARTBEAT, HealthState.DOWN, "heartbeats lost: " + why);
        heartbeatId = "";
        railA.cancelAll().whenComplete((reply, error) -> post(() -> {
            ClobReply<CancelResult> r = reply != null ? reply : crash(error);
            for (Intent intent : List.copyOf(byClientId.values())) {
                if (intent.phase != Phase.A_LIVE) {
                    continue;
                }
                if (r.ok() && r.value().confirmed(intent.orderId)) {
                    finish(intent, ExecutionReport.Kind.CANCELLED, "heartbeats lost: cancelled", "A", ExecutionStage.CANCEL);
                } else {
                    // Counted by the engine's rail-failure guard, which halts and cancels through us again.
                    report(intent, ExecutionReport.Kind.RAIL_FAILURE, 0, 0, 0, "A", "ALERT heartbeats lost (" + why
                            + ") and cancel-all not confirmed (" + r.describe() + "); the venue cancels resting orders", 0);
                }
            }
        }));
    }

    // ------------------------------------------------------------------ reporting

    private void fill(Intent intent, String rail, long shares, long priceE4, long fee) {
        long room = intent.order.shareAmount() - intent.reportedShares;
        long size = Math.min(shares, Math.max(0, room));
        if (rail.equals("A")) {
            intent.railAShares += shares;
        } else {
            intent.railBShares += shares;
        }
        if (intent.railAShares > 0 && intent.railBShares > 0) {
            log.error("ALERT order {} ({}): fills on both rails (A {} shares, B {} shares)", intent.request.clientOrderId(),
                    intent.orderId, intent.railAShares / 1e6, intent.railBShares / 1e6);
        }
        if (size <= 0) {
            return;
        }
        if (!intent.acked) {
            // A fill learned from a status check (the POST answer never came, or came late): the
            // engine binds the venue id on the ACK, so it still gets one first.
            intent.acked = true;
            report(intent, ExecutionReport.Kind.ACK, 0, 0, 0, rail, "acknowledged by its fill",
                    Math.max(0, clock.nanoTime() - intent.request.createdNanos()));
        }
        intent.reportedShares += size;
        report(intent, ExecutionReport.Kind.FILL, priceE4, size, fee, rail, "", 0);
        step(intent, ExecutionStage.FILL, rail, priceE4, size, fee, 0, Math.max(0, clock.nanoTime() - intent.sentNanos) / 1_000,
                "filled");
    }

    private void finish(Intent intent, ExecutionReport.Kind kind, String detail, String rail, ExecutionStage stage) {
        report(intent, kind, 0, 0, 0, rail, detail, 0);
        step(intent, stage, rail, intent.order.priceE4(), intent.order.shareAmount(), 0, 0,
                Math.max(0, clock.nanoTime() - intent.sentNanos) / 1_000, detail);
        done(intent);
    }

    private void done(Intent intent) {
        cancelTimer(intent);
        intent.phase = Phase.DONE;
        byClientId.remove(intent.request.clientOrderId());
        byOrderId.remove(intent.orderId);
        finished.put(intent.orderId, intent);
    }

    private void reject(OrderRequest r, String detail, String rail) {
        listener.onReport(new ExecutionReport(r.clientOrderId(), ExecutionReport.Kind.REJECT, "", 0, 0, 0, rail, detail, 0));
        tradeLog.record(new ExecutionStep(r.traceId(), 1, clock.epochMillis(), ExecutionStage.REJECT, r.clientOrderId(),
                r.conditionId(), r.tokenId(), r.buy(), r.tif().marketable(), r.priceE4(), r.sizeMicros(), 0, 0, rail, rail, 0,
                detail));
    }

    private void report(Intent intent, ExecutionReport.Kind kind, long priceE4, long size, long fee, String rail,
                        String detail, long latencyNanos) {
        listener.onReport(new ExecutionReport(intent.request.clientOrderId(), kind, intent.order.orderId(), priceE4, size,
                fee, rail, detail, latencyNanos));
    }

    private void step(Intent intent, ExecutionStage stage, String rail, long priceE4, long sizeMicros, long feeMicros,
                      long gasMicros, long latencyMicros, String outcome) {
        OrderRequest r = intent.request;
        try {
            tradeLog.record(new ExecutionStep(r.traceId(), ++intent.step, clock.epochMillis(), stage, r.clientOrderId(),
                    r.conditionId(), r.tokenId(), r.buy(), r.tif().marketable(), priceE4, sizeMicros, feeMicros, gasMicros,
                    rail, intent.path,
                    latencyMicros, outcome));
        } catch (RuntimeException e) {
            log.warn("trade log refused step {} of {}: {}", intent.step, r.traceId(), e.getMessage());
        }
    }

    private static void cancelTimer(Intent intent) {
        if (intent.ackTimer != null) {
            intent.ackTimer.cancel();
            intent.ackTimer = null;
        }
    }

    private static <T> ClobReply<T> crash(Throwable error) {
        Throwable cause = error != null && error.getCause() != null ? error.getCause() : error;
        return ClobReply.railFailure(io.velocity.execution.clob.RailFailure.CONNECTION_LOST, 0,
                cause == null ? "unknown failure" : cause.toString(), 0);
    }

    @Override
    public void close() {
        running = false;
        for (Deadlines.Timer t : timers) {
            t.cancel();
        }
        thread.interrupt();
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
