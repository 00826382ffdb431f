package io.velocity.execution;

import io.velocity.storage.journal.AppendResult;
import io.velocity.storage.journal.IntentType;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.Rail;
import io.velocity.storage.journal.TradeLogRecord;
import io.velocity.storage.journal.TradeSide;
import io.velocity.storage.journal.TradeStage;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the orchestrator's steps to {@code trade_logs} through the durable journal (disk first,
 * then PostgreSQL). Never blocks: a record the journal cannot take is counted, logged and reported
 * as storage health, because a trading system that cannot record what it did must be noticed.
 */
public final class JournalTradeLog implements TradeLogSink {
    private static final Logger log = LoggerFactory.getLogger(JournalTradeLog.class);
    static final String HEALTH = "trade-log";
    private static final int MAX_OUTCOME = TradeLogRecord.MAX_OUTCOME_CHARS;

    private final Journal journal;
    private final HealthRegistry health;
    private final AtomicLong refused = new AtomicLong();

    public JournalTradeLog(Journal journal, HealthRegistry health) {
        this.journal = journal;
        this.health = health;
    }

    @Override
    public void record(ExecutionStep s) {
        TradeLogRecord record = toRecord(s);
        AppendResult result = journal.tryAppend(record);
        if (result != AppendResult.ACCEPTED) {
            long n = refused.incrementAndGet();
            log.error("trade log: journal refused step {} of {} ({}); {} refused so far", s.step(), s.traceId(), result, n);
            health.report(HEALTH, HealthState.DEGRADED, "journal refused " + n + " execution step(s): " + result);
        }
    }

    /** Rows the journal refused since start. */
    public long refused() {
        return refused.get();
    }

    static TradeLogRecord toRecord(ExecutionStep s) {
        String outcome = "path=" + s.path() + "; order " + s.clientOrderId() + "; " + s.outcome();
        if (outcome.length() > MAX_OUTCOME) {
            outcome = outcome.substring(0, MAX_OUTCOME - 1) + "…";
        }
        return TradeLogRecord.builder(s.traceId(), s.step(), stage(s.stage()), s.epochMillis())
                .market(s.conditionId(), s.tokenId())
                .order(s.buy() ? TradeSide.BUY : TradeSide.SELL, s.marketable() ? IntentType.SNIPE : IntentType.LADDER,
                        s.priceE4() * 100, s.sizeMicros())
                .costs(s.feeMicros(), s.gasMicros())
                .rail(switch (s.rail()) {
                    case "A" -> Rail.A;
                    case "B" -> Rail.B;
                    default -> Rail.NONE;
                })
                .latencyMicros(s.latencyMicros())
                .outcome(outcome)
                .build();
    }

    private static TradeStage stage(ExecutionStage stage) {
        return switch (stage) {
            case SUBMIT -> TradeStage.SUBMIT;
            case ACK -> TradeStage.ACK;
            case FILL -> TradeStage.FILL;
            case CANCEL -> TradeStage.CANCEL;
            case REJECT -> TradeStage.REJECT;
            case FAILOVER -> TradeStage.FAILOVER;
        };
    }
}
