package io.velocity.storage;

import io.velocity.storage.journal.AuditRecord;
import io.velocity.storage.journal.IntentType;
import io.velocity.storage.journal.Rail;
import io.velocity.storage.journal.TradeLogRecord;
import io.velocity.storage.journal.TradeSide;
import io.velocity.storage.journal.TradeStage;

/** Realistic journal records for tests and the benchmark. */
public final class TestRecords {
    /** A plausible condition id (66 chars) and token id (77 digits). */
    public static final String MARKET = "0x5f1a3c0e9b0e9d7a4c6a1d2b3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f";
    public static final String TOKEN = "71321045679252212594626385532706912750332728571942532289631379312455583992563";

    private TestRecords() {
    }

    /** Step {@code step} of trace {@code trace}, stamped {@code epochMillis}. */
    public static TradeLogRecord trade(String trace, int step, long epochMillis) {
        return TradeLogRecord.builder(trace, step, step == 0 ? TradeStage.DECISION : TradeStage.FILL, epochMillis)
                .market(MARKET, TOKEN)
                .order(TradeSide.BUY, step % 2 == 0 ? IntentType.SNIPE : IntentType.LADDER, 540_000, 120_000_000)
                .model(0.5731, 0.0331, 64_800_000)
                .costs(1_203_000, 4_100)
                .rail(step == 0 ? Rail.NONE : Rail.A)
                .latencyMicros(850 + step)
                .outcome(step == 0 ? "snipe: edge 3.3% > fee+gas+2%" : "filled 120 @ 0.54")
                .build();
    }

    /** Record number {@code i} of a run: trace i/4, step i%4, one millisecond apart. */
    public static TradeLogRecord numbered(String run, long i, long baseMillis) {
        return trade(run + "-" + (i / 4), (int) (i % 4), baseMillis + i);
    }

    public static AuditRecord audit(long epochMillis, String action) {
        return AuditRecord.of(epochMillis, "trader", action, "testing the audit trail", "{\"layer\":\"manual\"}");
    }
}
