package io.velocity.engine;

import io.velocity.accounting.Ledger;
import io.velocity.accounting.MarketPosition;
import io.velocity.config.Config;
import io.velocity.config.Mode;
import io.velocity.core.Clock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.FeedState;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.WindowOpen;
import io.velocity.orders.CancelReason;
import io.velocity.orders.ExecutionReport;
import io.velocity.orders.IntentType;
import io.velocity.orders.LadderCancelPolicy;
import io.velocity.orders.ManagedOrder;
import io.velocity.orders.OrderEvent;
import io.velocity.orders.OrderGateway;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.OrderState;
import io.velocity.orders.OrderTracker;
import io.velocity.orders.SettlementState;
import io.velocity.orders.TimeInForce;
import io.velocity.risk.AutoHaltGuards;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.risk.OrderCheck;
import io.velocity.risk.PreTradeRisk;
import io.velocity.risk.RiskRule;
import io.velocity.strategy.Analysis;
import io.velocity.strategy.Decision;
import io.velocity.strategy.NoTradeReason;
import io.velocity.strategy.Outcome;
import io.velocity.strategy.KellyRequest;
import io.velocity.strategy.KellyStake;
import io.velocity.strategy.Sizer;
import io.velocity.strategy.StrategyMath;
import io.velocity.strategy.StrategyResult;
import io.velocity.strategy.python.PythonStrategy;
import io.velocity.strategy.TradeDecider;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.Metrics;
import io.velocity.telemetry.TraceContext;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The single writer of all trading state. Every method runs on the engine thread, called by
 * {@link EngineRuntime} for each event taken from the ring; nothing here blocks or performs I/O:
 * orders leave through the non-blocking {@link OrderGateway}, decisions through the
 * {@link DecisionListener}'s hand-off, and the outside world sees the state only through
 * {@link EngineSnapshot}s.
 *
 * <p>Pipeline per market: inputs (spot, book tops, window open, signal) → {@link TradeDecider}
 * → ladder cancel policy → {@link PreTradeRisk} → gateway. Execution reports and user-channel
 * events drive the {@link OrderTracker}; fills move the {@link Ledger}.
 */
public final class Engine {
    private static final Logger log = LoggerFactory.getLogger(Engine.class);
    private static final long RESOLVE_GRACE_MILLIS = 2_000;
    private static final int MAX_FILL_ROWS = 500;
    private static final int MAX_PNL_POINTS = 2_000;
    private static final long PNL_POINT_EVERY_MILLIS = 5_000;

    private final Clock clock;
    private final KillSwitch killSwitch;
    private final OrderGateway gateway;
    private final DecisionListener decisions;
    private final HealthRegistry health;
    private final Metrics metrics;
    private final Sizer sizer;
    private final PythonStrategy python;
    private final Map<Long, PendingSizing> pendingSizing = new HashMap<>();
    private long nextSizingRequest = 1;
    private Config config;
    private final boolean paperResolution;

    private final TradeDecider decider;
    private final LadderCancelPolicy ladderPolicy;
    private final PreTradeRisk risk;
    private final AutoHaltGuards guards;
    private final OrderTracker orders = new OrderTracker();
    private final Ledger ledger;
    private final OrderCheck check = new OrderCheck();

    private final Map<String, MarketState> markets = new LinkedHashMap<>();
    private final Map<String, MarketState> byToken = new HashMap<>();
    private final Map<String, AssetState> assets = new HashMap<>();
    private final Map<String, FeedStatus> feedStates = new TreeMap<>();
    private final List<MarketState> dirty = new ArrayList<>();

    private final EnumMap<Decision, long[]> decisionCounts = new EnumMap<>(Decision.class);
    private final EnumMap<NoTradeReason, long[]> reasonCounts = new EnumMap<>(NoTradeReason.class);
    private final EnumMap<RiskRule, long[]> riskCounts = new EnumMap<>(RiskRule.class);
    private final Histogram tickToIntent = new Histogram(60_000_000_000L, 3);
    private final Histogram ladderCancel = new Histogram(60_000_000_000L, 3);
    private final Histogram tickToDecision = new Histogram(60_000_000_000L, 3);
    private final java.util.ArrayDeque<FillRow> fills = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<PnlPoint> pnl = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<WindowResult> results = new java.util.ArrayDeque<>();
    private final long[] sendTimes = new long[4096];
    private int sendHead;
    private long lastPnlPointMillis;
    private long lastEvaluateAllMillis;
    private long snapshotSequence;
    private long ordersSent;
    private long fillsSeen;

    /** Everything the engine needs; built by the app wiring. */
    /**
     * @param sizer  synchronous sizing used on the engine thread; null for the production Kelly
     *               ({@link StrategyMath#kellyStakeMicros} on the live bankroll and limits)
     * @param python the Python strategy bridge, or null to size in Java only
     */
    public record Dependencies(Clock clock, Config config, KillSwitch killSwitch, OrderGateway gateway,
                               DecisionListener decisions, HealthRegistry health, Metrics metrics, Sizer sizer,
                               PythonStrategy python) {
        /** Without the Python bridge. */
        public Dependencies(Clock clock, Config config, KillSwitch killSwitch, OrderGateway gateway,
                            DecisionListener decisions, HealthRegistry health, Metrics metrics, Sizer sizer) {
            this(clock, config, killSwitch, gateway, decisions, health, metrics, sizer, null);
        }
    }

    /** A trade waiting for its Python-sized stake. */
    private record PendingSizing(MarketState market, Decision decision, Outcome outcome, long triggerNanos,
                                 double price, double feePerShare) {
    }

    public Engine(Dependencies d) {
        this.clock = d.clock();
        this.config = d.config();
        this.killSwitch = d.killSwitch();
        this.gateway = d.gateway();
        this.decisions = d.decisions();
        this.health = d.health();
        this.metrics = d.metrics();
        this.python = d.python();
        this.sizer = d.sizer() != null ? d.sizer() : this::javaKelly;
        this.paperResolution = config.app().mode() == Mode.PAPER;
        this.decider = new TradeDecider(this.sizer, config.strategy(), config.app().engine().gasPerTradeUsd());
        this.ladderPolicy = new LadderCancelPolicy(config.strategy());
        this.risk = new PreTradeRisk(killSwitch, config.app().risk());
        this.guards = new AutoHaltGuards(killSwitch, config.app().risk());
        this.ledger = new Ledger(config.app().engine().paperBankrollUsd());
        for (Decision x : Decision.values()) {
            decisionCounts.put(x, new long[1]);
        }
        for (NoTradeReason x : NoTradeReason.values()) {
            reasonCounts.put(x, new long[1]);
        }
        for (RiskRule x : RiskRule.values()) {
            riskCounts.put(x, new long[1]);
        }
    }

    // ------------------------------------------------------------------ market data

    void onSpot(String asset, double bid, double ask, double vol, long receivedNanos) {
        AssetState a = assets.computeIfAbsent(asset, k -> new AssetState());
        if (receivedNanos < a.lastSpotNanos) {
            return; // an older conflated update overtaken by a newer one
        }
        a.lastSpotNanos = receivedNanos;
        a.mid = (bid + ask) / 2.0;
        if (vol > 0) {
            a.vol = Math.max(vol, config.strategy().volatilityFloor());
            guards.onVolatility(asset, vol, clock.epochMillis());
        }
        for (MarketState m : markets.values()) {
            if (m.info.asset().equals(asset)) {
                markDirty(m, receivedNanos);
            }
        }
    }

    void onBookTop(EngineEvent e) {
        MarketState m = byToken.get(e.tokenId);
        if (m == null) {
            return;
        }
        boolean up = e.tokenId.equals(m.info.upTokenId());
        long last = up ? m.lastUpBookNanos : m.lastDownBookNanos;
        if (e.receivedNanos < last) {
            return;
        }
        var in = m.inputs;
        int levels = in.levels();
        int bids = Math.min(e.bidDepth, levels);
        int asks = Math.min(e.askDepth, levels);
        if (up) {
            m.lastUpBookNanos = e.receivedNanos;
            System.arraycopy(e.bidPrices, 0, in.upBidPrices, 0, bids);
            System.arraycopy(e.bidSizes, 0, in.upBidSizes, 0, bids);
            System.arraycopy(e.askPrices, 0, in.upAskPrices, 0, asks);
            System.arraycopy(e.askSizes, 0, in.upAskSizes, 0, asks);
            in.upBidDepth = bids;
            in.upAskDepth = asks;
        } else {
            m.lastDownBookNanos = e.receivedNanos;
            System.arraycopy(e.bidPrices, 0, in.downBidPrices, 0, bids);
            System.arraycopy(e.bidSizes, 0, in.downBidSizes, 0, bids);
            System.arraycopy(e.askPrices, 0, in.downAskPrices, 0, asks);
            System.arraycopy(e.askSizes, 0, in.downAskSizes, 0, asks);
            in.downBidDepth = bids;
            in.downAskDepth = asks;
        }
        if (e.tickE4 > 0) {
            in.tickE4 = e.tickE4;
        }
        markDirty(m, e.receivedNanos);
    }

    void onWindowOpen(WindowOpen open) {
        assets.computeIfAbsent(open.asset(), k -> new AssetState()).opens.put(open.windowStartMillis(), open.openPrice());
        for (MarketState m : markets.values()) {
            if (m.info.asset().equals(open.asset()) && m.info.windowStartMillis() == open.windowStartMillis()) {
                m.inputs.open = open.openPrice();
                markDirty(m, clock.nanoTime());
            }
        }
    }

    void onSignal(AlloraSignal signal) {
        if (!signal.accepted()) {
            return;
        }
        assets.computeIfAbsent(signal.asset(), k -> new AssetState()).signal = signal;
    }

    void onMarket(MarketInfo info) {
        MarketState m = markets.get(info.conditionId());
        if (m == null) {
            m = new MarketState(info, config.app().engine().bookLevels());
            markets.put(info.conditionId(), m);
            log.info("market added: {} ({} {} window {}–{})", info.slug(), info.asset(), info.duration(),
                    java.time.Instant.ofEpochMilli(info.windowStartMillis()), java.time.Instant.ofEpochMilli(info.windowEndMillis()));
        } else {
            m.apply(info);
        }
        byToken.put(info.upTokenId(), m);
        byToken.put(info.downTokenId(), m);
        AssetState a = assets.get(info.asset());
        if (a != null && a.opens.containsKey(info.windowStartMillis())) {
            m.inputs.open = a.opens.get(info.windowStartMillis());
        }
        markDirty(m, clock.nanoTime());
    }

    void onMarketExpired(String conditionId, String reason) {
        MarketState m = markets.get(conditionId);
        if (m == null) {
            return;
        }
        m.expired = true;
        cancelMarketOrders(m, CancelReason.MARKET_EXPIRED, clock.nanoTime());
        if (ledger.positionOrNull(conditionId) == null) {
            removeMarket(m);
        }
        log.info("market expired: {} ({})", m.info.slug(), reason);
    }

    void onFeedState(FeedStatus s) {
        feedStates.put(s.feed(), s);
        guards.onFeedHealth(s.feed(), s.state() == FeedState.LIVE, s.state() + " " + s.detail());
    }

    void onUserTrade(UserTradeEvent t) {
        ManagedOrder o = orders.byVenueId(t.takerOrderId());
        if (o == null) {
            for (String maker : t.makerOrderIds()) {
                o = orders.byVenueId(maker);
                if (o != null) {
                    break;
                }
            }
        }
        if (o == null) {
            return;
        }
        try {
            orders.recordSettlement(o, SettlementState.fromVenue(t.status()));
        } catch (IllegalArgumentException e) {
            log.warn("order {}: {}", o.clientOrderId, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ execution

    void onExecution(ExecutionReport r) {
        ManagedOrder o = orders.byClientId(r.clientOrderId());
        if (o == null) {
            for (ManagedOrder f : orders.all()) {
                if (f.clientOrderId == r.clientOrderId()) {
                    o = f;
                    break;
                }
            }
        }
        if (o == null) {
            log.warn("execution report for unknown order {}: {}", r.clientOrderId(), r.kind());
            return;
        }
        long nowMillis = clock.epochMillis();
        long nowNanos = clock.nanoTime();
        try (TraceContext.Scope ignored = TraceContext.open(o.traceId)) {
            switch (r.kind()) {
                case ACK -> {
                    orders.markAck(o, r.venueOrderId(), nowNanos, nowMillis);
                    guards.onRailResult(true, "");
                    if (r.latencyNanos() > 0) {
                        metrics.recordLatencyMillis("rail_" + r.rail(), r.latencyNanos() / 1e6);
                    }
                }
                case REJECT -> {
                    orders.markRejected(o, r.detail(), nowMillis);
                    log.info("order {} rejected by {}: {}", o.clientOrderId, r.rail(), r.detail());
                }
                case FILL -> onFill(o, r, nowMillis);
                case CANCELLED -> {
                    if (o.cancelDecidedNanos() > 0) {
                        ladderCancel.recordValue(Math.max(0, Math.min(nowNanos - o.cancelDecidedNanos(), ladderCancel.getHighestTrackableValue())));
                        metrics.recordLatencyMillis("ladder_cancel", (nowNanos - o.cancelDecidedNanos()) / 1e6);
                    }
                    orders.apply(o, OrderEvent.CANCELLED, nowMillis);
                }
                case CANCEL_REJECTED -> orders.apply(o, OrderEvent.REJECT, nowMillis);
                case EXPIRED -> orders.apply(o, OrderEvent.EXPIRE, nowMillis);
                case RAIL_FAILURE -> {
                    guards.onRailResult(false, r.detail());
                    orders.markRejected(o, "rail failure: " + r.detail(), nowMillis);
                    log.warn("order {}: rail failure on {}: {}", o.clientOrderId, r.rail(), r.detail());
                }
            }
        }
    }

    private void onFill(ManagedOrder o, ExecutionReport r, long nowMillis) {
        if (!orders.recordFill(o, r.fillSizeMicros(), r.fillPriceE4(), r.feeMicros(), nowMillis)) {
            return;
        }
        fillsSeen++;
        metrics.orderFilled();
        ledger.onFill(o.conditionId, o.outcome, o.buy, r.fillSizeMicros(), r.fillPriceE4(), r.feeMicros());
        MarketState m = markets.get(o.conditionId);
        fills.addFirst(new FillRow(nowMillis, o.traceId, o.clientOrderId, m == null ? o.conditionId : m.info.slug(),
                o.outcome.name(), "FILL", r.fillPriceE4(), r.fillSizeMicros(), r.feeMicros(), r.rail()));
        trimFills();
        log.info("fill: {} {} {} shares at {} fee ${}", o.buy ? "BUY" : "SELL", o.outcome, r.fillSizeMicros() / 1e6,
                r.fillPriceE4() / 1e4, r.feeMicros() / 1e6);
    }

    // ------------------------------------------------------------------ commands and timers

    void onCommand(EngineCommand c) {
        long nowNanos = clock.nanoTime();
        switch (c) {
            case EngineCommand.Halt h -> {
                killSwitch.engage(HaltLayer.MANUAL, h.reason());
                cancelAll(CancelReason.KILL_SWITCH, nowNanos);
            }
            case EngineCommand.Release rel -> {
                try {
                    if (rel.layer() == null) {
                        killSwitch.releaseAll(rel.reason(), rel.actor());
                    } else {
                        killSwitch.release(rel.layer(), rel.reason(), rel.actor());
                    }
                } catch (io.velocity.core.InputException e) {
                    log.warn("kill-switch release refused: {}", e.getMessage());
                }
            }
            case EngineCommand.CancelAll ca -> {
                log.warn("cancel all: {}", ca.reason());
                cancelAll(CancelReason.TRADER, nowNanos);
            }
            case EngineCommand.Flatten f -> flatten(f.reason(), nowNanos);
            case EngineCommand.ApplyConfig ac -> applyConfig(ac.config());
            case EngineCommand.Resolve res -> resolve(res.conditionId(), res.resolvedUp(), res.source());
            case EngineCommand.SetBankroll sb -> ledger.setBankroll(sb.micros());
            case EngineCommand.ResetLatencyStats ignored -> {
                tickToIntent.reset();
                tickToDecision.reset();
                ladderCancel.reset();
            }
        }
    }

    private void applyConfig(Config next) {
        this.config = next;
        decider.configure(next.strategy(), next.app().engine().gasPerTradeUsd());
        if (python != null) {
            python.setBudget(next.strategy().pythonBudget());
        }
        ladderPolicy.configure(next.strategy());
        risk.configure(next.app().risk());
        guards.configure(next.app().risk());
        log.info("engine now on config generation {}", next.generation());
        for (MarketState m : markets.values()) {
            markDirty(m, clock.nanoTime());
        }
    }

    /** Periodic work: time-decay re-evaluation, window ends, paper resolution. */
    void onTimer() {
        long now = clock.epochMillis();
        if (now - lastEvaluateAllMillis >= config.app().engine().evaluationInterval().toMillis()) {
            lastEvaluateAllMillis = now;
            long nanos = clock.nanoTime();
            for (MarketState m : markets.values()) {
                if (!m.expired) {
                    markDirty(m, nanos);
                }
            }
        }
        if (paperResolution) {
            resolveEndedWindowsFromSpot(now);
        }
        if (now - lastPnlPointMillis >= PNL_POINT_EVERY_MILLIS) {
            lastPnlPointMillis = now;
            Financials f = financials();
            pnl.addLast(new PnlPoint(now, f.equityMicros(), f.realizedMicros(), f.unrealizedMicros()));
            while (pnl.size() > MAX_PNL_POINTS) {
                pnl.removeFirst();
            }
        }
    }

    private void resolveEndedWindowsFromSpot(long now) {
        List<MarketState> ended = null;
        for (MarketState m : markets.values()) {
            AssetState a = assets.get(m.info.asset());
            if (now >= m.info.windowEndMillis() && Double.isNaN(m.closePrice) && a != null && !Double.isNaN(a.mid)) {
                m.closePrice = a.mid; // the first price seen at or after the close
            }
            if (now >= m.info.windowEndMillis() + RESOLVE_GRACE_MILLIS && !Double.isNaN(m.closePrice)
                    && !Double.isNaN(m.inputs.open)) {
                if (ended == null) {
                    ended = new ArrayList<>();
                }
                ended.add(m);
            }
        }
        if (ended != null) {
            for (MarketState m : ended) {
                resolve(m.info.conditionId(), m.closePrice >= m.inputs.open, "paper (Binance close vs open)");
            }
        }
    }

    private void resolve(String conditionId, boolean up, String source) {
        MarketState m = markets.get(conditionId);
        MarketPosition p = ledger.positionOrNull(conditionId);
        long cost = p == null ? 0 : p.costMicros();
        long fees = p == null ? 0 : p.feesMicros();
        long payout = p == null ? 0 : p.payoutMicros(up);
        long pnlMicros = ledger.resolve(conditionId, up);
        if (m != null) {
            cancelMarketOrders(m, CancelReason.MARKET_EXPIRED, clock.nanoTime());
            removeMarket(m);
        }
        if (p != null) {
            String slug = m == null ? conditionId : m.info.slug();
            long now = clock.epochMillis();
            results.addFirst(new WindowResult(slug, m == null ? "" : m.info.asset(),
                    m == null ? now : m.info.windowEndMillis(), up, cost, payout, pnlMicros, fees));
            while (results.size() > 500) {
                results.removeLast();
            }
            if (payout > 0) {
                fills.addFirst(new FillRow(now, "", 0, slug, up ? "UP" : "DOWN", "REDEMPTION", 10_000, payout, 0, "chain"));
                trimFills();
            }
            guards.onTradeResult(pnlMicros, now);
            log.info("resolved {} {} via {}: cost ${} payout ${} pnl ${}", slug, up ? "UP" : "DOWN", source,
                    cost / 1e6, payout / 1e6, pnlMicros / 1e6);
        }
    }

    // ------------------------------------------------------------------ evaluation

    private void markDirty(MarketState m, long nanos) {
        if (m.dirtySinceNanos == 0) {
            dirty.add(m);
        }
        m.markDirty(nanos);
    }

    /** Evaluates every market touched since the last batch end. */
    void onBatchEnd() {
        if (dirty.isEmpty()) {
            return;
        }
        long now = clock.epochMillis();
        for (int i = 0; i < dirty.size(); i++) {
            MarketState m = dirty.get(i);
            long since = m.dirtySinceNanos;
            m.dirtySinceNanos = 0;
            if (!m.expired && markets.get(m.info.conditionId()) == m) {
                evaluate(m, now, since);
            }
        }
        dirty.clear();
    }

    private void evaluate(MarketState m, long now, long triggerNanos) {
        var in = m.inputs;
        AssetState a = assets.get(m.info.asset());
        if (a != null) {
            in.spot = a.mid;
            in.volPerSqrtSecond = a.vol;
            applySignal(in, a.signal, now);
        }
        Analysis an = m.analysis;
        decider.evaluate(in, now, an);
        if (killSwitch.isHalted() && an.decision != Decision.NONE) {
            an.decision = Decision.NONE;
            an.reason = NoTradeReason.HALTED;
        }
        decisionCounts.get(an.decision)[0]++;
        reasonCounts.get(an.reason)[0]++;

        if (triggerNanos > 1) {
            long latency = clock.nanoTime() - triggerNanos;
            tickToDecision.recordValue(Math.max(0, Math.min(latency, tickToDecision.getHighestTrackableValue())));
        }
        policeLadders(m, now, triggerNanos);
        if (an.decision == Decision.NONE) {
            return;
        }
        if (usePython()) {
            requestSizing(m, an, triggerNanos);
        } else {
            act(m, an, now, triggerNanos);
        }
    }

    private void act(MarketState m, Analysis an, long now, long triggerNanos) {
        if (an.decision == Decision.SNIPE) {
            snipe(m, an, now, triggerNanos);
        } else if (an.decision == Decision.LADDER) {
            ladder(m, an, now, triggerNanos);
        }
    }

    /** The production Kelly on the engine thread: the Java twin of strategy.calculate_kelly. */
    private long javaKelly(double price, double winProb, double feePerShare) {
        return StrategyMath.kellyStakeMicros(price, winProb, ledger.bankrollMicros(), config.strategy().kellyFraction(),
                config.strategy().maxBankrollFraction(), config.app().risk().maxOrderUsd(), feePerShare);
    }

    private boolean usePython() {
        return python != null && config.app().engine().sizing() == io.velocity.config.EngineConfig.SizingKind.PYTHON;
    }

    /**
     * Asks the Python strategy for the stake; the trade continues in {@link #onStrategyResult} when
     * the answer (or the Java fallback at the budget) comes back through the ring.
     */
    private void requestSizing(MarketState m, Analysis an, long triggerNanos) {
        if (m.pendingSizing != 0) {
            reasonCounts.get(NoTradeReason.ALREADY_WORKING)[0]++;
            return;
        }
        if (an.decision == Decision.SNIPE && hasWorking(m, IntentType.SNIPE)) {
            reasonCounts.get(NoTradeReason.ALREADY_WORKING)[0]++;
            return;
        }
        boolean up = an.outcome == Outcome.UP;
        double q = up ? an.fairUp : 1.0 - an.fairUp;
        double price = an.decision == Decision.SNIPE ? an.implied : an.ladderPriceE4 / 1e4;
        double fee = an.decision == Decision.SNIPE ? an.takerFee : 0.0;
        long id = nextSizingRequest++;
        KellyRequest req = new KellyRequest(price, q, ledger.bankrollMicros(), config.strategy().kellyFraction(),
                config.strategy().maxBankrollFraction(), config.app().risk().maxOrderUsd(), fee);
        if (!python.submit(id, req)) {
            act(m, an, clock.epochMillis(), triggerNanos); // bridge full or closed: size in Java now
            return;
        }
        m.pendingSizing = id;
        pendingSizing.put(id, new PendingSizing(m, an.decision, an.outcome, triggerNanos, price, fee));
    }

    /** The Python (or fallback) stake arrived: re-check the market and trade if the decision still holds. */
    void onStrategyResult(StrategyResult r) {
        PendingSizing p = pendingSizing.remove(r.requestId());
        if (p == null) {
            return;
        }
        MarketState m = p.market();
        m.pendingSizing = 0;
        metrics.recordLatencyMillis(r.isFallback() ? "sizing_java_fallback" : "sizing_python", r.latencyNanos() / 1e6);
        if (!(r.answer() instanceof KellyStake stake) || m.expired || markets.get(m.info.conditionId()) != m) {
            return;
        }
        long now = clock.epochMillis();
        Analysis an = m.analysis;
        decider.evaluate(m.inputs, now, an);
        if (killSwitch.isHalted() || an.decision != p.decision() || an.outcome != p.outcome()) {
            reasonCounts.get(NoTradeReason.EDGE_BELOW_THRESHOLD)[0]++;
            return;
        }
        double cost = p.price() + p.feePerShare();
        long pythonShares = cost > 0 ? (long) (stake.stakeMicros() / cost) / 10_000 * 10_000 : 0;
        an.sharesMicros = Math.min(an.sharesMicros, pythonShares);
        an.stakeMicros = stake.stakeMicros();
        if (an.sharesMicros <= 0) {
            reasonCounts.get(NoTradeReason.KELLY_SIZE_ZERO)[0]++;
            return;
        }
        act(m, an, now, p.triggerNanos());
    }

    /** Staleness decay of the Allora signal: full weight when fresh, zero past the staleness limit. */
    private void applySignal(io.velocity.strategy.MarketInputs in, AlloraSignal s, long now) {
        in.signalWeight = 0;
        if (s == null) {
            return;
        }
        long remaining = in.windowEndMillis - now;
        double maxRatio = config.app().venues().allora().maxStalenessRatio();
        if (remaining <= 0) {
            return;
        }
        double ratio = Math.max(0, now - s.signalTimeMillis()) / (double) remaining;
        if (ratio > maxRatio) {
            return;
        }
        in.signalLogReturn = s.value();
        in.signalHorizonSeconds = horizonSeconds(s.horizon());
        in.signalWeight = decider.alloraWeight() * (1.0 - ratio / maxRatio);
    }

    private static double horizonSeconds(String horizon) {
        var d = io.velocity.config.schema.RecordBinder.parseDuration(horizon);
        return d == null ? 0 : d.toMillis() / 1000.0;
    }

    private void policeLadders(MarketState m, long now, long triggerNanos) {
        long millisLeft = m.info.windowEndMillis() - now;
        for (ManagedOrder o : orders.working()) {
            if (o.intent != IntentType.LADDER || !o.conditionId.equals(m.info.conditionId())
                    || o.state() == OrderState.CANCEL_REQUESTED || o.state() == OrderState.NEW) {
                continue;
            }
            double fair = o.outcome == Outcome.UP ? m.analysis.fairUp : 1.0 - m.analysis.fairUp;
            CancelReason why = killSwitch.isHalted() ? CancelReason.KILL_SWITCH
                    : ladderPolicy.evaluate(o, fair, m.inputs.tickE4, millisLeft);
            if (why != null) {
                cancel(o, why, triggerNanos, now);
            }
        }
    }

    private void snipe(MarketState m, Analysis an, long now, long triggerNanos) {
        if (hasWorking(m, IntentType.SNIPE)) {
            reasonCounts.get(NoTradeReason.ALREADY_WORKING)[0]++;
            return;
        }
        boolean up = an.outcome == Outcome.UP;
        long[] prices = up ? m.inputs.upAskPrices : m.inputs.downAskPrices;
        long[] sizes = up ? m.inputs.upAskSizes : m.inputs.downAskSizes;
        int depth = up ? m.inputs.upAskDepth : m.inputs.downAskDepth;
        long limit = worstPriceFor(prices, sizes, depth, an.sharesMicros);
        TimeInForce tif = gateway.supportsNativeFok() ? TimeInForce.FOK : TimeInForce.FAK;
        send(m, an, IntentType.SNIPE, tif, false, limit, an.sharesMicros, now, triggerNanos);
    }

    private static long worstPriceFor(long[] prices, long[] sizes, int depth, long size) {
        long remaining = size;
        long price = depth > 0 ? prices[0] : 0;
        for (int i = 0; i < depth && remaining > 0; i++) {
            price = prices[i];
            remaining -= sizes[i];
        }
        return price;
    }

    private void ladder(MarketState m, Analysis an, long now, long triggerNanos) {
        var strategy = config.strategy().ladder();
        int levels = strategy.levels();
        long tick = m.inputs.tickE4;
        long perLevel = an.sharesMicros / levels / 10_000 * 10_000;
        if (perLevel < m.info.minOrderSizeMicros()) {
            levels = 1;
            perLevel = an.sharesMicros;
        }
        int working = 0;
        for (ManagedOrder o : orders.working()) {
            if (o.intent == IntentType.LADDER && o.conditionId.equals(m.info.conditionId())) {
                working++;
            }
        }
        for (int k = 0; k < levels && working < levels; k++) {
            long price = an.ladderPriceE4 - (long) k * strategy.levelSpacingTicks() * tick;
            if (price < tick || restingAt(m, an.outcome, price)) {
                continue;
            }
            if (!send(m, an, IntentType.LADDER, TimeInForce.GTC, true, price, perLevel, now, triggerNanos)) {
                return;
            }
            working++;
        }
    }

    private boolean restingAt(MarketState m, Outcome outcome, long price) {
        for (ManagedOrder o : orders.working()) {
            if (o.conditionId.equals(m.info.conditionId()) && o.outcome == outcome && o.priceE4 == price) {
                return true;
            }
        }
        return false;
    }

    private boolean hasWorking(MarketState m, IntentType type) {
        for (ManagedOrder o : orders.working()) {
            if (o.intent == type && o.conditionId.equals(m.info.conditionId())) {
                return true;
            }
        }
        return false;
    }

    private boolean send(MarketState m, Analysis an, IntentType type, TimeInForce tif, boolean postOnly, long priceE4,
                         long sizeMicros, long now, long triggerNanos) {
        boolean up = an.outcome == Outcome.UP;
        double fairOfOutcome = up ? an.fairUp : 1.0 - an.fairUp;
        fillCheck(m, up, priceE4, sizeMicros, tif.marketable(), fairOfOutcome, an.secondsLeft);
        RiskRule verdict = risk.check(check, now);
        String traceId = TraceContext.newTraceId();
        if (verdict != RiskRule.PASS) {
            riskCounts.get(verdict)[0]++;
            reasonCounts.get(NoTradeReason.RISK_REJECTED)[0]++;
            decisions.onRiskRejected(traceId, m.info.conditionId(), type.name(), verdict.name());
            return false;
        }
        long nowNanos = clock.nanoTime();
        long clientId = orders.nextClientOrderId();
        String token = up ? m.info.upTokenId() : m.info.downTokenId();
        ManagedOrder o = new ManagedOrder(clientId, traceId, m.info.conditionId(), token, an.outcome, true, type, tif,
                priceE4, sizeMicros, fairOfOutcome, nowNanos);
        orders.add(o);
        OrderRequest req = new OrderRequest(clientId, traceId, m.info.conditionId(), token, an.outcome, true, priceE4,
                sizeMicros, tif, postOnly, m.inputs.tickE4, m.info.negRisk(), m.info.feeRate(), m.info.feeExponent(), nowNanos);
        if (triggerNanos > 1) {
            long latency = nowNanos - triggerNanos;
            tickToIntent.recordValue(Math.max(0, Math.min(latency, tickToIntent.getHighestTrackableValue())));
            guards.onTickToIntent(latency, now);
        }
        orders.markSent(o, gateway.name(), nowNanos, now);
        risk.recordSend(now);
        recordSendTime(now);
        ordersSent++;
        metrics.orderSent();
        gateway.submit(req);
        try (TraceContext.Scope ignored = TraceContext.open(traceId)) {
            log.info("intent {} {} {} {} shares at {} (fair {}, edge {}, fee {}) via {}", type, m.info.slug(), an.outcome,
                    sizeMicros / 1e6, priceE4 / 1e4, fmt(fairOfOutcome), fmt(an.edge), fmt(an.takerFee), gateway.name());
        }
        decisions.onIntent(req, type.name(), an, m.info.slug());
        return true;
    }

    private void fillCheck(MarketState m, boolean up, long priceE4, long sizeMicros, boolean marketable, double fair,
                           double secondsLeft) {
        check.priceE4 = priceE4;
        check.sizeMicros = sizeMicros;
        check.marketable = marketable;
        check.tickE4 = m.inputs.tickE4;
        check.minOrderSizeMicros = m.info.minOrderSizeMicros();
        check.fairProbability = fair;
        check.secondsLeft = secondsLeft;
        long marketExposure = 0;
        long windowExposure = 0;
        long opposite = 0;
        Outcome other = up ? Outcome.DOWN : Outcome.UP;
        for (ManagedOrder o : orders.working()) {
            MarketState om = markets.get(o.conditionId);
            long open = o.openNotionalMicros();
            if (o.conditionId.equals(m.info.conditionId())) {
                marketExposure += open;
                if (o.outcome == other && o.buy) {
                    opposite = Math.max(opposite, o.priceE4);
                }
            }
            if (om != null && om.info.windowEndMillis() == m.info.windowEndMillis()) {
                windowExposure += open;
            }
        }
        for (MarketState om : markets.values()) {
            MarketPosition p = ledger.positionOrNull(om.info.conditionId());
            if (p == null) {
                continue;
            }
            long cost = Math.max(0, p.costMicros());
            if (om == m) {
                marketExposure += cost;
            }
            if (om.info.windowEndMillis() == m.info.windowEndMillis()) {
                windowExposure += cost;
            }
        }
        check.marketExposureMicros = marketExposure;
        check.windowExposureMicros = windowExposure;
        check.oppositeRestingBuyE4 = opposite;
    }

    private void cancel(ManagedOrder o, CancelReason why, long decidedNanos, long now) {
        if (orders.requestCancel(o, why, decidedNanos, now)) {
            gateway.cancel(o.clientOrderId, o.venueOrderId());
            try (TraceContext.Scope ignored = TraceContext.open(o.traceId)) {
                log.info("cancel {} order {} at {}: {}", o.intent, o.clientOrderId, o.priceE4 / 1e4, why);
            }
        }
    }

    private void cancelMarketOrders(MarketState m, CancelReason why, long decidedNanos) {
        long now = clock.epochMillis();
        for (ManagedOrder o : orders.working()) {
            if (o.conditionId.equals(m.info.conditionId())) {
                cancel(o, why, decidedNanos, now);
            }
        }
    }

    private void cancelAll(CancelReason why, long decidedNanos) {
        long now = clock.epochMillis();
        for (ManagedOrder o : orders.working()) {
            cancel(o, why, decidedNanos, now);
        }
        gateway.cancelAll();
    }

    private void flatten(String reason, long nowNanos) {
        log.warn("flatten: {}", reason);
        cancelAll(CancelReason.TRADER, nowNanos);
        long now = clock.epochMillis();
        for (String id : ledger.marketsHeld()) {
            MarketState m = markets.get(id);
            MarketPosition p = ledger.positionOrNull(id);
            if (m == null || p == null) {
                continue;
            }
            for (Outcome outcome : Outcome.values()) {
                long shares = p.sharesMicros(outcome) / 10_000 * 10_000;
                boolean up = outcome == Outcome.UP;
                int bidDepth = up ? m.inputs.upBidDepth : m.inputs.downBidDepth;
                if (shares <= 0 || bidDepth == 0) {
                    continue;
                }
                long bid = up ? m.inputs.upBidPrices[0] : m.inputs.downBidPrices[0];
                long clientId = orders.nextClientOrderId();
                String traceId = TraceContext.newTraceId();
                String token = up ? m.info.upTokenId() : m.info.downTokenId();
                double fair = up ? m.analysis.fairUp : 1.0 - m.analysis.fairUp;
                ManagedOrder o = new ManagedOrder(clientId, traceId, id, token, outcome, false, IntentType.FLATTEN,
                        TimeInForce.FAK, bid, shares, fair, nowNanos);
                orders.add(o);
                orders.markSent(o, gateway.name(), nowNanos, now);
                gateway.submit(new OrderRequest(clientId, traceId, id, token, outcome, false, bid, shares, TimeInForce.FAK,
                        false, m.inputs.tickE4, m.info.negRisk(), m.info.feeRate(), m.info.feeExponent(), nowNanos));
            }
        }
    }

    private void removeMarket(MarketState m) {
        markets.remove(m.info.conditionId());
        byToken.remove(m.info.upTokenId());
        byToken.remove(m.info.downTokenId());
    }

    private void trimFills() {
        while (fills.size() > MAX_FILL_ROWS) {
            fills.removeLast();
        }
    }

    private void recordSendTime(long now) {
        sendTimes[sendHead] = now;
        sendHead = (sendHead + 1) % sendTimes.length;
    }

    private int ordersLastMinute(long now) {
        int n = 0;
        for (long t : sendTimes) {
            if (t > 0 && now - t < 60_000) {
                n++;
            }
        }
        return n;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "n/a" : String.format("%.4f", v);
    }

    // ------------------------------------------------------------------ snapshot

    private Financials financials() {
        long unrealized = ledger.unrealizedMicros(id -> {
            MarketState m = markets.get(id);
            return m == null ? Double.NaN : m.analysis.fairUp;
        });
        return new Financials(ledger.bankrollMicros(), ledger.realizedMicros(), unrealized, ledger.feesMicros(),
                ledger.redeemedMicros(), ledger.openCostMicros(), guards.dailyPnlMicros());
    }

    /** Builds an immutable snapshot of the whole engine (called at most every snapshot interval). */
    EngineSnapshot snapshot() {
        long now = clock.epochMillis();
        List<MarketRow> rows = new ArrayList<>(markets.size());
        for (MarketState m : markets.values()) {
            Analysis an = m.analysis;
            MarketPosition p = ledger.positionOrNull(m.info.conditionId());
            rows.add(new MarketRow(m.info.conditionId(), m.info.slug(), m.info.asset(), m.info.duration(),
                    m.info.windowStartMillis(), m.info.windowEndMillis(), m.inputs.spot, m.inputs.open,
                    m.inputs.volPerSqrtSecond, an.fairUp, an.bidUp, an.askUp, an.bidDown, an.askDown,
                    an.outcome.name(), an.implied, an.edge, an.takerFee, an.evPerDollar, an.decision.name(),
                    an.reason.name(), p == null ? 0 : p.upSharesMicros(), p == null ? 0 : p.downSharesMicros(),
                    p == null ? 0 : p.costMicros(), p == null ? 0 : p.unrealizedMicros(an.fairUp), an.signalWeight));
        }
        rows.sort(Comparator.comparingLong(MarketRow::windowEndMillis).thenComparing(MarketRow::asset));
        List<OrderRow> orderRows = new ArrayList<>();
        for (ManagedOrder o : orders.all()) {
            MarketState m = markets.get(o.conditionId);
            orderRows.add(new OrderRow(o.clientOrderId, o.venueOrderId(), o.traceId, o.conditionId,
                    m == null ? o.conditionId : m.info.slug(), o.outcome.name(), o.buy ? "BUY" : "SELL", o.intent.name(),
                    o.tif.name(), o.priceE4, o.sizeMicros, o.filledMicros(), o.averagePriceE4(), o.feesMicros(),
                    o.state().name(), o.settlement().name(), o.rail(),
                    o.ackNanos() > 0 ? (o.ackNanos() - o.sentNanos()) / 1000 : -1, o.detail(), o.updatedMillis()));
        }
        orderRows.sort(Comparator.comparingLong(OrderRow::clientOrderId).reversed());
        Map<String, Long> dc = new LinkedHashMap<>();
        decisionCounts.forEach((k, v) -> dc.put(k.name(), v[0]));
        Map<String, Long> rc = new LinkedHashMap<>();
        reasonCounts.forEach((k, v) -> {
            if (v[0] > 0) {
                rc.put(k.name(), v[0]);
            }
        });
        Map<String, Long> risks = new LinkedHashMap<>();
        riskCounts.forEach((k, v) -> {
            if (v[0] > 0) {
                risks.put(k.name(), v[0]);
            }
        });
        return new EngineSnapshot(++snapshotSequence, now, config.app().mode().name().toLowerCase(java.util.Locale.ROOT),
                config.app().feeds().name().toLowerCase(java.util.Locale.ROOT), killSwitch.state(), health.snapshot(),
                Map.copyOf(feedStates), List.copyOf(rows), List.copyOf(orderRows), List.copyOf(fills), financials(),
                List.copyOf(pnl), List.copyOf(results), dc, rc, risks, stats(tickToIntent), stats(tickToDecision), stats(ladderCancel),
                ordersLastMinute(now), config.generation());
    }

    private static LatencyStats stats(Histogram h) {
        if (h.getTotalCount() == 0) {
            return LatencyStats.EMPTY;
        }
        return new LatencyStats(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
    }

    /** Orders sent since start (tests and summaries). */
    long ordersSent() {
        return ordersSent;
    }

    long fillsSeen() {
        return fillsSeen;
    }
}
