package io.velocity.app;

import io.velocity.core.Clock;
import io.velocity.engine.DecisionListener;
import io.velocity.orders.OrderRequest;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitch;
import io.velocity.storage.journal.AppendResult;
import io.velocity.storage.journal.IntentType;
import io.velocity.storage.journal.Journal;
import io.velocity.storage.journal.Rail;
import io.velocity.storage.journal.TradeLogRecord;
import io.velocity.storage.journal.TradeSide;
import io.velocity.storage.journal.TradeStage;
import io.velocity.strategy.Analysis;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every engine decision (step 0 of its trace) to the durable journal, from which the
 * shipper copies it to {@code trade_logs}. Runs on the engine thread, so it only uses the journal's
 * non-blocking {@link Journal#tryAppend}; when the journal refuses a record, new risk is halted
 * (kill-switch layer JOURNAL) until an append succeeds again, because trading without a record of
 * it is not acceptable.
 */
public final class JournalDecisions implements DecisionListener {
    private static final Logger log = LoggerFactory.getLogger(JournalDecisions.class);

    private final Journal journal;
    private final KillSwitch killSwitch;
    private final Clock clock;
    private long refused;

    public JournalDecisions(Journal journal, KillSwitch killSwitch, Clock clock) {
        this.journal = journal;
        this.killSwitch = killSwitch;
        this.clock = clock;
    }

    @Override
    public void onIntent(OrderRequest r, String intentType, Analysis an, String slug) {
        double fair = r.outcome() == io.velocity.strategy.Outcome.UP ? an.fairUp : 1.0 - an.fairUp;
        TradeLogRecord rec = TradeLogRecord.builder(r.traceId(), 0, TradeStage.DECISION, clock.epochMillis())
                .market(r.conditionId(), r.tokenId())
                .order(r.buy() ? TradeSide.BUY : TradeSide.SELL, intent(intentType), r.priceE4() * 100, r.sizeMicros())
                .model(finite(fair), finite(an.edge), Math.max(0, an.stakeMicros))
                .costs(feeMicros(r, an), Math.max(0, Math.round(an.gasPerShare * r.sizeMicros())))
                .rail(Rail.NONE)
                .latencyMicros(Math.max(0, (clock.nanoTime() - r.createdNanos()) / 1000))
                .outcome(slug + " " + r.outcome() + " " + r.tif() + (r.postOnly() ? " post-only" : ""))
                .build();
        append(rec);
    }

    @Override
    public void onRiskRejected(String traceId, String conditionId, String intentType, String rule) {
        TradeLogRecord rec = TradeLogRecord.builder(traceId, 0, TradeStage.REJECT, clock.epochMillis())
                .market(conditionId, "")
                .order(TradeSide.BUY, intent(intentType), 0, 0)
                .model(0, 0, 0)
                .costs(0, 0)
                .rail(Rail.NONE)
                .outcome("risk: " + rule)
                .build();
        append(rec);
    }

    private void append(TradeLogRecord rec) {
        AppendResult result = journal.tryAppend(rec);
        if (result == AppendResult.ACCEPTED) {
            if (killSwitch.isEngaged(HaltLayer.JOURNAL)) {
                killSwitch.clearGuard(HaltLayer.JOURNAL, "journal accepting records again");
            }
            return;
        }
        refused++;
        killSwitch.engage(HaltLayer.JOURNAL, "trade journal refused a record (" + result + ")");
        log.error("journal refused trade-log record {} ({}); {} refused so far", rec.traceId(), result, refused);
    }

    private static IntentType intent(String type) {
        return "LADDER".equals(type) ? IntentType.LADDER : IntentType.SNIPE;
    }

    private static long feeMicros(OrderRequest r, Analysis an) {
        return Double.isNaN(an.takerFee) || r.postOnly() ? 0 : Math.round(an.takerFee * r.sizeMicros());
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
