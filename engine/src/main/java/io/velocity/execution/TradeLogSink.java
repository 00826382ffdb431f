package io.velocity.execution;

/**
 * Where the orchestrator writes its {@code trade_logs} rows. The storage journal implements it
 * (disk first, then the database); it must not block: the orchestrator calls it on its own
 * thread between orders.
 */
@FunctionalInterface
public interface TradeLogSink {
    /** Discards every row (tests, benchmarks). */
    TradeLogSink NONE = step -> {
    };

    void record(ExecutionStep step);
}
