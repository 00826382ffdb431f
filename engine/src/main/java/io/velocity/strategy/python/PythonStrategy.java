package io.velocity.strategy.python;

import io.velocity.core.Clock;
import io.velocity.strategy.AnswerSource;
import io.velocity.strategy.FallbackReason;
import io.velocity.strategy.StrategyAnswer;
import io.velocity.strategy.StrategyRequest;
import io.velocity.strategy.StrategyResult;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import jep.Interpreter;
import jep.JepException;
import jep.SharedInterpreter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The bridge to {@code python/strategy.py}. The engine {@linkplain #submit submits} requests
 * without ever blocking and receives exactly one {@link StrategyResult} per accepted request on
 * the result callback (which publishes it onto the engine's ring).
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>{@code python-strategy}: the one platform thread that touches Python. It starts Jep, creates
 *       a {@link SharedInterpreter}, imports the module, answers requests in submission order and
 *       closes the interpreter on exit. A Jep interpreter must only be used on the thread that
 *       created it, which is why nothing else calls into it.</li>
 *   <li>{@code python-strategy-deadline}: a watchdog that answers with the Java fallback
 *       ({@link FallbackReason#TIMEOUT}) any request Python has not answered by its deadline
 *       (submission + {@code pythonBudget}). It has to be a second thread: the Python thread may be
 *       stuck inside a slow call and cannot answer anything itself.</li>
 * </ul>
 * Whoever answers first wins (an atomic claim per request): a Python answer that arrives after
 * the watchdog's is dropped and counted, never delivered twice. When Python raises, the Java
 * fallback answers with {@link FallbackReason#ERROR} (logged at most once a minute with the Python
 * exception text). When Jep or the venv is missing at start the {@code python} health component
 * turns DOWN and every request is answered by Java with {@link FallbackReason#UNAVAILABLE}.
 * Results are delivered on these two threads (or, for a request that raced with {@link #close},
 * on the submitting thread); the callback must be quick and must not block.
 *
 * <h2>Hot path</h2>
 * {@link #submit} is lock-free: two {@link ConcurrentLinkedQueue} offers, an atomic counter for
 * the bound and, only when the Python thread is idle, one {@link LockSupport#unpark}.
 */
public final class PythonStrategy implements AutoCloseable {
    /** Health component name. */
    public static final String HEALTH_COMPONENT = "python";

    private static final Logger log = LoggerFactory.getLogger(PythonStrategy.class);
    private static final long ERROR_LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final long HEALTH_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** The Python thread re-checks its queue at least this often even if nobody wakes it. */
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long CLOSE_WAIT_MILLIS = 2_000;
    private static final int MAX_DETAIL_CHARS = 300;

    private final PythonSettings settings;
    private final HealthRegistry health;
    private final Clock clock;
    private final Consumer<StrategyResult> results;

    /** Requests for the Python thread, in submission order. */
    private final ConcurrentLinkedQueue<Pending> work = new ConcurrentLinkedQueue<>();
    /** Every unanswered request, for the watchdog; answered ones are removed on its next pass. */
    private final ConcurrentLinkedQueue<Pending> unanswered = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch started = new CountDownLatch(1);
    private final Thread pythonThread;
    private final Thread watchdogThread;
    private volatile long budgetNanos;
    private volatile boolean running = true;
    private volatile boolean pythonThreadParked;
    private volatile boolean pythonAvailable;
    private volatile String unavailableReason = "";
    private volatile HealthState reportedState = HealthState.UNKNOWN;

    private final LongAdder answeredByPython = new LongAdder();
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder unavailableAnswers = new LongAdder();
    private final LongAdder lateAnswersDropped = new LongAdder();
    private final LongAdder expiredBeforeCall = new LongAdder();
    private final LongAdder refusedQueueFull = new LongAdder();

    // Owned by the Python thread.
    private boolean errorEverLogged;
    private long lastErrorLogNanos;
    private int errorsSinceLastLog;
    private long lastUpReportNanos;
    private boolean latencyReported;

    private PythonStrategy(PythonSettings settings, Duration budget, HealthRegistry health, Clock clock,
                           Consumer<StrategyResult> results) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.health = Objects.requireNonNull(health, "health");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.results = Objects.requireNonNull(results, "results");
        this.budgetNanos = budgetNanos(budget);
        this.pythonThread = new Thread(this::runPythonThread, "python-strategy");
        this.watchdogThread = new Thread(this::runWatchdog, "python-strategy-deadline");
        // Daemons: a Python call that never returns must not keep the process alive after close().
        pythonThread.setDaemon(true);
        watchdogThread.setDaemon(true);
    }

    /**
     * Starts the bridge: both threads begin at once, Python loads in the background (requests
     * submitted meanwhile are queued and, if loading outlasts their budget, answered by Java).
     *
     * @param settings where the venv and the module are
     * @param budget   how long Python may take per request, from submission ({@code strategies.json pythonBudget})
     * @param health   receives the {@value #HEALTH_COMPONENT} component
     * @param clock    time source for deadlines and latencies (waiting happens in real time, so use a real clock)
     * @param results  called once per accepted request, on a bridge thread; must not block
     */
    public static PythonStrategy start(PythonSettings settings, Duration budget, HealthRegistry health, Clock clock,
                                       Consumer<StrategyResult> results) {
        PythonStrategy bridge = new PythonStrategy(settings, budget, health, clock, results);
        bridge.report(HealthState.DEGRADED, "starting Python from " + settings.venv(), -1);
        bridge.pythonThread.start();
        bridge.watchdogThread.start();
        return bridge;
    }

    /**
     * Queues a request without blocking.
     *
     * @return false, and nothing will be delivered, when the bridge is closed or its queue is full
     *         (Python stuck); the caller then uses {@link StrategyRequest#answerInJava()} itself
     */
    public boolean submit(long requestId, StrategyRequest request) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            return false;
        }
        if (queued.incrementAndGet() > settings.queueCapacity()) {
            queued.decrementAndGet();
            refusedQueueFull.increment();
            return false;
        }
        long now = clock.nanoTime();
        Pending pending = new Pending(requestId, request, now, now + budgetNanos);
        unanswered.offer(pending);
        work.offer(pending);
        if (pythonThreadParked) {
            LockSupport.unpark(pythonThread);
        }
        // close() drains what it finds; a request that slipped in after that drain is answered here.
        if (closed.get() && pending.claim()) {
            answerInJava(pending, FallbackReason.UNAVAILABLE);
        }
        return true;
    }

    /** Changes the budget for requests submitted from now on (a config hot reload). */
    public void setBudget(Duration budget) {
        this.budgetNanos = budgetNanos(budget);
    }

    /** The current budget. */
    public Duration budget() {
        return Duration.ofNanos(budgetNanos);
    }

    /**
     * Waits until Python is loaded or known to be unavailable (not for the engine thread).
     *
     * @return true when start-up finished within the timeout
     */
    public boolean awaitStarted(Duration timeout) throws InterruptedException {
        return started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** True once Python is loaded and answering; false while starting, when unavailable and after close. */
    public boolean isPythonAvailable() {
        return pythonAvailable;
    }

    /** Why Python is unavailable, "" when it is not. */
    public String unavailableReason() {
        return unavailableReason;
    }

    /** Requests waiting for the Python thread (not counting the one it is running). */
    public int queueDepth() {
        return queued.get();
    }

    /** Counters since start. */
    public Stats stats() {
        return new Stats(answeredByPython.sum(), timeouts.sum(), errors.sum(), unavailableAnswers.sum(),
                lateAnswersDropped.sum(), expiredBeforeCall.sum(), refusedQueueFull.sum());
    }

    /**
     * What the bridge has done since start.
     *
     * @param answeredByPython   results Python delivered in time
     * @param timeouts           results the Java fallback delivered because Python was late
     * @param errors             Python calls that raised or returned a malformed answer
     * @param unavailable        results the Java fallback delivered because Python was not available
     * @param lateAnswersDropped Python answers that came after the fallback had already answered
     * @param expiredBeforeCall  requests whose deadline passed before Python could start them (not sent to Python)
     * @param refusedQueueFull   submissions refused because the queue was full
     */
    public record Stats(long answeredByPython, long timeouts, long errors, long unavailable, long lateAnswersDropped,
                        long expiredBeforeCall, long refusedQueueFull) {
    }

    /**
     * Stops both threads, closes the interpreter on its own thread and answers whatever is still
     * pending with the Java fallback ({@link FallbackReason#UNAVAILABLE}). Waits up to 2 s for a
     * Python call in progress; a call that takes longer is abandoned (its thread is a daemon and
     * its answer will be dropped).
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        LockSupport.unpark(pythonThread);
        LockSupport.unpark(watchdogThread);
        join(watchdogThread);
        join(pythonThread);
        if (pythonThread.isAlive()) {
            log.warn("the python-strategy thread is still inside a Python call after {} ms; abandoning it",
                    CLOSE_WAIT_MILLIS);
        }
        Pending pending;
        while ((pending = unanswered.poll()) != null) {
            if (pending.claim()) {
                answerInJava(pending, FallbackReason.UNAVAILABLE);
            }
        }
        work.clear();
        pythonAvailable = false;
        report(HealthState.DOWN, "stopped", -1);
    }

    // ---------------------------------------------------------------- the Python thread

    private void runPythonThread() {
        Interpreter interp = null;
        PythonFunctions functions = null;
        try {
            PythonEnvironment env = PythonEnvironment.resolve(settings);
            JepRuntime.configure(env);
            interp = new SharedInterpreter();
            functions = PythonFunctions.load(interp, settings.modulePath(), settings.module());
            pythonAvailable = true;
            log.info("python strategy ready: {}.py on Python {} via Jep {} from {}", settings.module(),
                    functions.pythonVersion(), env.jepVersion(), env.venv());
            report(HealthState.UP, settings.module() + ".py on Python " + functions.pythonVersion(), -1);
        } catch (RuntimeException | LinkageError e) {
            // JepException (the module failed to import), IllegalStateException (venv or Jep set-up), ...
            markUnavailable(describe(e));
        } catch (Error e) {
            // Jep reports a CPython that failed to start as a plain java.lang.Error.
            if (e instanceof VirtualMachineError) {
                throw e;
            }
            markUnavailable("Python failed to start: " + describe(e));
        } finally {
            started.countDown();
        }
        try {
            serve(functions);
        } finally {
            closeInterpreter(interp);
        }
    }

    private void markUnavailable(String reason) {
        unavailableReason = reason;
        log.warn("python strategy unavailable, every request is answered by the Java fallback: {}", reason);
        report(HealthState.DOWN, "unavailable, serving the Java fallback: " + reason, -1);
    }

    private void serve(PythonFunctions functions) {
        while (running) {
            Pending pending = work.poll();
            if (pending == null) {
                idle();
                continue;
            }
            queued.decrementAndGet();
            if (pending.isAnswered()) {
                expiredBeforeCall.increment();
            } else if (functions == null) {
                if (pending.claim()) {
                    answerInJava(pending, FallbackReason.UNAVAILABLE);
                }
            } else if (clock.nanoTime() - pending.deadlineNanos >= 0) {
                // Past its deadline already: do not start a call whose answer would be dropped.
                expiredBeforeCall.increment();
                if (pending.claim()) {
                    timedOut(pending);
                }
            } else {
                callPython(functions, pending);
            }
        }
    }

    private void idle() {
        pythonThreadParked = true;
        // Re-check after publishing the flag: a submit that missed the flag has already queued.
        if (running && work.isEmpty()) {
            LockSupport.parkNanos(this, IDLE_PARK_NANOS);
        }
        pythonThreadParked = false;
    }

    private void callPython(PythonFunctions functions, Pending pending) {
        assert Thread.currentThread() == pythonThread : "Jep interpreters are confined to their own thread";
        StrategyAnswer answer;
        try {
            answer = functions.call(pending.request);
        } catch (RuntimeException e) {
            // JepException (Python raised) or IllegalStateException/IllegalArgumentException (a malformed answer).
            errors.increment();
            String text = describe(e);
            logPythonError(text);
            report(HealthState.DEGRADED, "python failed, the Java fallback answered: " + text, -1);
            if (pending.claim()) {
                answerInJava(pending, FallbackReason.ERROR);
            } else {
                lateAnswersDropped.increment();
            }
            return;
        }
        if (pending.claim()) {
            long latency = clock.nanoTime() - pending.submittedNanos;
            answeredByPython.increment();
            deliver(pending, answer, AnswerSource.PYTHON, FallbackReason.NONE, latency);
            reportUp(latency);
        } else {
            lateAnswersDropped.increment();
        }
    }

    private void reportUp(long latencyNanos) {
        long now = clock.nanoTime();
        if (reportedState != HealthState.UP || !latencyReported || now - lastUpReportNanos >= HEALTH_REFRESH_NANOS) {
            lastUpReportNanos = now;
            latencyReported = true;
            report(HealthState.UP, "answering within the " + budget().toMillis() + " ms budget",
                    TimeUnit.NANOSECONDS.toMicros(latencyNanos));
        }
    }

    private void logPythonError(String text) {
        long now = clock.nanoTime();
        if (!errorEverLogged || now - lastErrorLogNanos >= ERROR_LOG_INTERVAL_NANOS) {
            log.warn("python strategy call failed, the Java fallback answered: {}{}", text,
                    errorsSinceLastLog == 0 ? "" : " (" + errorsSinceLastLog + " more failures since the last report)");
            errorEverLogged = true;
            lastErrorLogNanos = now;
            errorsSinceLastLog = 0;
        } else {
            errorsSinceLastLog++;
        }
    }

    private void closeInterpreter(Interpreter interp) {
        if (interp == null) {
            return;
        }
        try {
            interp.close();
        } catch (JepException e) {
            log.warn("closing the Python interpreter failed: {}", describe(e));
        }
    }

    // ---------------------------------------------------------------- the deadline watchdog

    private void runWatchdog() {
        while (running) {
            long now = clock.nanoTime();
            long budget = budgetNanos;
            // Sleeping at most one budget catches any request submitted meanwhile, whose deadline
            // is at least one budget away.
            long wait = budget;
            for (Iterator<Pending> it = unanswered.iterator(); it.hasNext(); ) {
                Pending pending = it.next();
                long left = pending.deadlineNanos - now;
                if (pending.isAnswered()) {
                    it.remove();
                } else if (left <= 0) {
                    it.remove();
                    if (pending.claim()) {
                        timedOut(pending);
                    }
                } else if (left < wait) {
                    wait = left;
                }
            }
            LockSupport.parkNanos(this, wait);
        }
    }

    private void timedOut(Pending pending) {
        timeouts.increment();
        answerInJava(pending, FallbackReason.TIMEOUT);
        // DOWN (unavailable or stopped) says more than a missed budget; do not mask it.
        if (reportedState != HealthState.DOWN) {
            report(HealthState.DEGRADED, "python missed its " + budget().toMillis()
                    + " ms budget, the Java fallback answered", -1);
        }
    }

    // ---------------------------------------------------------------- shared

    private void answerInJava(Pending pending, FallbackReason reason) {
        if (reason == FallbackReason.UNAVAILABLE) {
            unavailableAnswers.increment();
        }
        StrategyAnswer answer = pending.request.answerInJava();
        deliver(pending, answer, AnswerSource.JAVA_FALLBACK, reason, clock.nanoTime() - pending.submittedNanos);
    }

    private void deliver(Pending pending, StrategyAnswer answer, AnswerSource source, FallbackReason reason,
                         long latencyNanos) {
        try {
            results.accept(new StrategyResult(pending.requestId, pending.request, answer, source, reason,
                    latencyNanos));
        } catch (RuntimeException e) {
            // The callback is the engine's; a bug there must not kill the bridge's threads.
            log.error("the strategy result callback failed for request {}", pending.requestId, e);
        }
    }

    private void report(HealthState state, String detail, long latencyMicros) {
        reportedState = state;
        health.report(HEALTH_COMPONENT, state, truncate(detail), latencyMicros);
    }

    private static String describe(Throwable e) {
        // A JepException's message is Python's own "<class 'ValueError'>: text".
        String message = e.getMessage();
        String text = e instanceof JepException || e instanceof IllegalStateException
                ? String.valueOf(message)
                : e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return truncate(text);
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL_CHARS ? text : text.substring(0, MAX_DETAIL_CHARS) + "...";
    }

    private static long budgetNanos(Duration budget) {
        if (budget == null || budget.isNegative() || budget.isZero()) {
            throw new IllegalArgumentException("the Python budget must be positive, got " + budget);
        }
        return budget.toNanos();
    }

    private static void join(Thread thread) {
        try {
            thread.join(CLOSE_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One submitted request; answered exactly once, by whoever {@link #claim claims} it first. */
    private static final class Pending {
        private static final VarHandle ANSWERED;

        static {
            try {
                ANSWERED = MethodHandles.lookup().findVarHandle(Pending.class, "answered", boolean.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final long requestId;
        final StrategyRequest request;
        final long submittedNanos;
        final long deadlineNanos;
        @SuppressWarnings("unused") // accessed through ANSWERED
        private volatile boolean answered;

        Pending(long requestId, StrategyRequest request, long submittedNanos, long deadlineNanos) {
            this.requestId = requestId;
            this.request = request;
            this.submittedNanos = submittedNanos;
            this.deadlineNanos = deadlineNanos;
        }

        boolean isAnswered() {
            return answered;
        }

        /** True for exactly one caller: the one that gets to answer. */
        boolean claim() {
            return !answered && ANSWERED.compareAndSet(this, false, true);
        }
    }
}
