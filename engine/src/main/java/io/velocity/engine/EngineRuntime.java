package io.velocity.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.velocity.config.EngineConfig;
import io.velocity.core.Clock;
import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.BookTop;
import io.velocity.marketdata.FeedStatus;
import io.velocity.marketdata.LastTrade;
import io.velocity.marketdata.MarketDataSink;
import io.velocity.marketdata.MarketInfo;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.UserOrderEvent;
import io.velocity.marketdata.UserTradeEvent;
import io.velocity.marketdata.WindowOpen;
import io.velocity.orders.ExecutionListener;
import io.velocity.orders.ExecutionReport;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the {@link Engine} on its own thread behind an LMAX Disruptor ring and is the only way in:
 * feeds call it as a {@link MarketDataSink}, rails as an {@link ExecutionListener}, the UI and CLI
 * through {@link #command}. It publishes the latest {@link EngineSnapshot} into an atomic
 * reference that readers poll.
 *
 * <p>Back-pressure per producer: spot updates and book tops are conflatable: when the ring is full
 * the newest per instrument waits in a side map and is applied at the next batch end (older
 * arrivals are ignored by receive time). Everything else (markets, signals, user events, feed
 * states, execution reports, commands) is never dropped: the producer waits for a free slot.
 * Timer ticks are skipped when the ring is full (the next one comes soon).
 */
public final class EngineRuntime implements MarketDataSink, ExecutionListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EngineRuntime.class);

    private final Engine engine;
    private final Clock clock;
    private final KillSwitch killSwitch;
    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final ScheduledExecutorService timer;
    private final AtomicReference<EngineSnapshot> latest = new AtomicReference<>();
    private final Map<String, SpotUpdate> conflatedSpot = new ConcurrentHashMap<>();
    private final Map<String, BookTop> conflatedBooks = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<MarketDataSink> bookObservers = new CopyOnWriteArrayList<>();
    private final AtomicLong conflations = new AtomicLong();
    private final AtomicLong handlerErrors = new AtomicLong();
    private final long snapshotIntervalNanos;
    private final int levels;
    private final EngineExceptionHandler exceptionHandler = new EngineExceptionHandler();
    private volatile Thread engineThread;
    private long lastSnapshotNanos;

    public EngineRuntime(Engine engine, Clock clock, KillSwitch killSwitch, EngineConfig cfg) {
        this.engine = engine;
        this.clock = clock;
        this.killSwitch = killSwitch;
        this.levels = cfg.bookLevels();
        this.snapshotIntervalNanos = cfg.snapshotInterval().toNanos();
        this.disruptor = new Disruptor<>(() -> new EngineEvent(levels), cfg.ringSize(),
                r -> {
                    Thread t = Thread.ofPlatform().name("engine").daemon().unstarted(r);
                    t.setPriority(Thread.MAX_PRIORITY);
                    return t;
                }, ProducerType.MULTI, waitStrategy(cfg.waitStrategy()));
        this.disruptor.handleEventsWith(new Handler());
        this.disruptor.setDefaultExceptionHandler(exceptionHandler);
        this.ring = disruptor.getRingBuffer();
        long tickMillis = Math.max(5, Math.min(cfg.snapshotInterval().toMillis(), cfg.evaluationInterval().toMillis()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("engine-timer").daemon().unstarted(r));
        this.timer.scheduleAtFixedRate(this::publishTimer, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    private static WaitStrategy waitStrategy(EngineConfig.WaitStrategyKind kind) {
        return switch (kind) {
            case BLOCKING -> new BlockingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }

    /** Starts the engine thread. */
    public EngineRuntime start() {
        disruptor.start();
        return this;
    }

    /** The latest snapshot, or null before the first one. Never blocks. */
    public EngineSnapshot snapshot() {
        return latest.get();
    }

    /** Also delivers book tops to {@code observer} (the paper gateway fills against them). */
    public void addBookObserver(MarketDataSink observer) {
        bookObservers.add(observer);
    }

    /**
     * Engages the manual kill switch at once (the rails see the flag before the engine thread
     * even wakes), then asks the engine to cancel resting orders.
     */
    public void halt(String reason) {
        killSwitch.engage(HaltLayer.MANUAL, reason);
        command(new EngineCommand.Halt(reason));
    }

    /** Queues a command; never dropped. */
    public void command(EngineCommand c) {
        publishPayload(EventType.COMMAND, c);
    }

    /**
     * Releases a kill-switch layer (null = all). The reason and actor are checked here, on the
     * caller's thread, so a bad request is refused to the trader instead of reaching the engine.
     *
     * @throws io.velocity.core.InputException when the reason or actor is blank
     */
    public void release(HaltLayer layer, String reason, String actor) {
        if (reason == null || reason.isBlank()) {
            throw new io.velocity.core.InputException("releasing the kill switch needs a reason");
        }
        if (actor == null || actor.isBlank()) {
            throw new io.velocity.core.InputException("releasing the kill switch needs to say who releases it");
        }
        command(new EngineCommand.Release(layer, reason, actor));
    }

    /** Times the conflation policy kicked in (for health and tests). */
    public long conflations() {
        return conflations.get();
    }

    public long handlerErrors() {
        return handlerErrors.get();
    }

    // ------------------------------------------------------------------ producers

    @Override
    public void onSpot(SpotUpdate u) {
        if (!ring.tryPublishEvent((e, seq, x) -> {
            e.type = EventType.SPOT;
            e.publishedNanos = clock.nanoTime();
            e.asset = x.asset();
            e.bid = x.bid();
            e.ask = x.ask();
            e.last = x.lastTradePrice();
            e.vol = x.volPerSqrtSecond();
            e.exchangeMillis = x.exchangeTimeMillis();
            e.receivedNanos = x.receivedNanos();
        }, u)) {
            conflatedSpot.put(u.asset(), u);
            conflations.incrementAndGet();
        }
    }

    @Override
    public void onBookTop(BookTop top) {
        for (MarketDataSink o : bookObservers) {
            o.onBookTop(top);
        }
        if (!ring.tryPublishEvent(EngineRuntime::copyBook, top)) {
            conflatedBooks.put(top.tokenId(), top);
            conflations.incrementAndGet();
        }
    }

    private static void copyBook(EngineEvent e, long seq, BookTop t) {
        e.type = EventType.BOOK_TOP;
        e.publishedNanos = System.nanoTime();
        e.tokenId = t.tokenId();
        int bids = Math.min(t.bidDepth(), e.bidPrices.length);
        int asks = Math.min(t.askDepth(), e.askPrices.length);
        System.arraycopy(t.bidPrices(), 0, e.bidPrices, 0, bids);
        System.arraycopy(t.bidSizes(), 0, e.bidSizes, 0, bids);
        System.arraycopy(t.askPrices(), 0, e.askPrices, 0, asks);
        System.arraycopy(t.askSizes(), 0, e.askSizes, 0, asks);
        e.bidDepth = bids;
        e.askDepth = asks;
        e.tickE4 = t.tickE4();
        e.receivedNanos = t.receivedNanos();
    }

    @Override
    public void onWindowOpen(WindowOpen open) {
        publishPayload(EventType.WINDOW_OPEN, open);
    }

    @Override
    public void onSignal(AlloraSignal signal) {
        publishPayload(EventType.SIGNAL, signal);
    }

    /**
     * @throws IllegalArgumentException when the market lacks an id, asset or token ids (the feed
     *                                  counts and logs it; the engine never sees it)
     */
    @Override
    public void onMarket(MarketInfo market) {
        if (market.conditionId() == null || market.asset() == null || market.upTokenId() == null
                || market.downTokenId() == null || market.slug() == null || market.tickE4() <= 0) {
            throw new IllegalArgumentException("market without id, asset, slug, token ids or tick: " + market.conditionId());
        }
        publishPayload(EventType.MARKET, market);
    }

    @Override
    public void onMarketExpired(String conditionId, String reason) {
        publishPayload(EventType.MARKET_EXPIRED, new String[]{conditionId, reason});
    }

    @Override
    public void onLastTrade(LastTrade trade) {
        for (MarketDataSink o : bookObservers) {
            o.onLastTrade(trade);
        }
    }

    @Override
    public void onUserOrder(UserOrderEvent event) {
        publishPayload(EventType.USER_ORDER, event);
    }

    @Override
    public void onUserTrade(UserTradeEvent event) {
        publishPayload(EventType.USER_TRADE, event);
    }

    @Override
    public void onFeedState(FeedStatus status) {
        publishPayload(EventType.FEED_STATE, status);
    }

    @Override
    public void onReport(ExecutionReport report) {
        publishPayload(EventType.EXECUTION, report);
    }

    /** An answer of the Python strategy bridge (or its Java fallback); never dropped. */
    public void onStrategyResult(io.velocity.strategy.StrategyResult result) {
        publishPayload(EventType.STRATEGY_RESULT, result);
    }

    private void publishPayload(EventType type, Object payload) {
        // publishEvent waits for a free slot: these events are never dropped.
        ring.publishEvent((e, seq, t, p) -> {
            e.type = t;
            e.publishedNanos = System.nanoTime();
            e.payload = p;
        }, type, payload);
    }

    private void publishTimer() {
        ring.tryPublishEvent((e, seq) -> {
            e.type = EventType.TIMER;
            e.publishedNanos = System.nanoTime();
        });
    }

    // ------------------------------------------------------------------ consumer

    private final class Handler implements EventHandler<EngineEvent> {
        @Override
        public void onStart() {
            engineThread = Thread.currentThread();
            lastSnapshotNanos = System.nanoTime();
            latest.set(engine.snapshot());
        }

        @Override
        public void onEvent(EngineEvent e, long sequence, boolean endOfBatch) {
            try {
                dispatch(e);
            } finally {
                e.clear();
            }
            if (endOfBatch) {
                try {
                    drainConflated();
                    engine.onBatchEnd();
                } catch (RuntimeException ex) {
                    // Evaluation failed: halt (via the handler) but still publish, so the trader sees why.
                    exceptionHandler.handleEventException(ex, sequence, e);
                }
                // Snapshot pacing is real time even when business time is simulated.
                long now = System.nanoTime();
                if (now - lastSnapshotNanos >= snapshotIntervalNanos) {
                    lastSnapshotNanos = now;
                    latest.set(engine.snapshot());
                }
            }
        }

        private void dispatch(EngineEvent e) {
            switch (e.type) {
                case SPOT -> engine.onSpot(e.asset, e.bid, e.ask, e.vol, e.receivedNanos);
                case BOOK_TOP -> engine.onBookTop(e);
                case WINDOW_OPEN -> engine.onWindowOpen((WindowOpen) e.payload);
                case SIGNAL -> engine.onSignal((AlloraSignal) e.payload);
                case MARKET -> engine.onMarket((MarketInfo) e.payload);
                case MARKET_EXPIRED -> {
                    String[] p = (String[]) e.payload;
                    engine.onMarketExpired(p[0], p[1]);
                }
                case USER_TRADE -> engine.onUserTrade((UserTradeEvent) e.payload);
                case USER_ORDER, LAST_TRADE -> {
                    // order state comes from execution reports; user order events confirm them (settlement via trades)
                }
                case FEED_STATE -> engine.onFeedState((FeedStatus) e.payload);
                case EXECUTION -> engine.onExecution((ExecutionReport) e.payload);
                case COMMAND -> engine.onCommand((EngineCommand) e.payload);
                case STRATEGY_RESULT -> engine.onStrategyResult((io.velocity.strategy.StrategyResult) e.payload);
                case TIMER -> engine.onTimer();
            }
        }

        private void drainConflated() {
            if (!conflatedSpot.isEmpty()) {
                for (String key : List.copyOf(conflatedSpot.keySet())) {
                    SpotUpdate u = conflatedSpot.remove(key);
                    if (u != null) {
                        engine.onSpot(u.asset(), u.bid(), u.ask(), u.volPerSqrtSecond(), u.receivedNanos());
                    }
                }
            }
            if (!conflatedBooks.isEmpty()) {
                EngineEvent scratch = new EngineEvent(levels);
                for (String key : List.copyOf(conflatedBooks.keySet())) {
                    BookTop t = conflatedBooks.remove(key);
                    if (t != null) {
                        copyBook(scratch, 0, t);
                        engine.onBookTop(scratch);
                    }
                }
            }
        }

        @Override
        public void onShutdown() {
            latest.set(engine.snapshot());
        }
    }

    /** Logs, counts and steps past a bad event; an unexpected exception halts trading rather than wedging it. */
    private final class EngineExceptionHandler implements ExceptionHandler<EngineEvent> {
        @Override
        public void handleEventException(Throwable ex, long sequence, EngineEvent event) {
            handlerErrors.incrementAndGet();
            log.error("engine failed on {} event at sequence {}; trading halted", event.type, sequence, ex);
            killSwitch.engage(HaltLayer.ENGINE_ERROR, ex.getClass().getSimpleName() + " on " + event.type + " event: " + ex.getMessage());
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            log.error("engine failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            log.error("engine failed to stop cleanly", ex);
        }
    }

    /** The engine thread's id (allocation measurements), or -1 before start. */
    public long engineThreadId() {
        Thread t = engineThread;
        return t == null ? -1 : t.threadId();
    }

    /** True when called on the engine thread (for assertions). */
    public boolean onEngineThread() {
        return Thread.currentThread() == engineThread;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            disruptor.shutdown(2, TimeUnit.SECONDS);
        } catch (com.lmax.disruptor.TimeoutException e) {
            log.warn("engine ring did not drain within 2 s; halting anyway");
            disruptor.halt();
        }
    }
}
