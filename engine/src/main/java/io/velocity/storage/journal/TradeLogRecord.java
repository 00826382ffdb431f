package io.velocity.storage.journal;

/**
 * One row of {@code trade_logs}: a trade decision or one execution step of it. The pair
 * ({@link #traceId}, {@link #step}) identifies the row; the producer numbers the steps of a
 * trace 0, 1, 2 … so a replay of the same record is recognised and skipped.
 *
 * <p>Money and sizes are integer micro-units: {@code priceMicros} is micro-USD per share,
 * {@code sizeMicros} is shares × 10⁶, fees/gas/Kelly stake are micro-USD. Probabilities
 * ({@code fairValue}, {@code edge}) are plain doubles from the models.
 *
 * @param traceId       the trade's trace id (DESIGN.md §5), at most 64 characters
 * @param step          step number within the trace, from 0
 * @param epochMillis   when the step happened
 * @param stage         what the step was
 * @param market        market condition id ("" when not yet known)
 * @param tokenId       outcome token id ("" when not applicable)
 * @param side          order side
 * @param intent        Snipe or Ladder
 * @param fairValue     model probability of the token's outcome
 * @param edge          fair value minus the price, in probability points
 * @param priceMicros   price per share in micro-USD (0 when no order)
 * @param sizeMicros    shares × 10⁶ (0 when no order)
 * @param feeMicros     taker fee in micro-USD
 * @param gasMicros     gas in micro-USD
 * @param kellyMicros   Kelly stake in micro-USD
 * @param rail          rail used
 * @param latencyMicros latency of the step (tick-to-intent for a decision, send-to-ack …)
 * @param outcome       short result text, e.g. "placed", "filled", "rejected: min size"
 */
public record TradeLogRecord(String traceId, int step, long epochMillis, TradeStage stage, String market,
                             String tokenId, TradeSide side, IntentType intent, double fairValue, double edge,
                             long priceMicros, long sizeMicros, long feeMicros, long gasMicros, long kellyMicros,
                             Rail rail, long latencyMicros, String outcome) implements JournalRecord {

    /** Longest trace id accepted. */
    public static final int MAX_ID_CHARS = 64;
    /** Longest market or token id accepted (token ids are 78-digit decimals). */
    public static final int MAX_MARKET_CHARS = 128;
    /** Longest outcome text accepted. */
    public static final int MAX_OUTCOME_CHARS = 1024;

    public TradeLogRecord {
        RecordFields.id("traceId", traceId, MAX_ID_CHARS);
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0: " + step);
        }
        RecordFields.present("stage", stage);
        RecordFields.text("market", market, MAX_MARKET_CHARS);
        RecordFields.text("tokenId", tokenId, MAX_MARKET_CHARS);
        RecordFields.present("side", side);
        RecordFields.present("intent", intent);
        RecordFields.finite("fairValue", fairValue);
        RecordFields.finite("edge", edge);
        RecordFields.nonNegative("priceMicros", priceMicros);
        RecordFields.nonNegative("sizeMicros", sizeMicros);
        RecordFields.nonNegative("feeMicros", feeMicros);
        RecordFields.nonNegative("gasMicros", gasMicros);
        RecordFields.nonNegative("kellyMicros", kellyMicros);
        RecordFields.present("rail", rail);
        RecordFields.nonNegative("latencyMicros", latencyMicros);
        RecordFields.text("outcome", outcome, MAX_OUTCOME_CHARS);
    }

    @Override
    public String key() {
        return traceId + "/" + step;
    }

    /** A builder for the step {@code step} of trace {@code traceId}; unset numbers are 0, texts "". */
    public static Builder builder(String traceId, int step, TradeStage stage, long epochMillis) {
        return new Builder(traceId, step, stage, epochMillis);
    }

    /** Names every field at the call site; {@link #build()} validates. */
    public static final class Builder {
        private final String traceId;
        private final int step;
        private final TradeStage stage;
        private final long epochMillis;
        private String market = "";
        private String tokenId = "";
        private TradeSide side = TradeSide.BUY;
        private IntentType intent = IntentType.SNIPE;
        private double fairValue;
        private double edge;
        private long priceMicros;
        private long sizeMicros;
        private long feeMicros;
        private long gasMicros;
        private long kellyMicros;
        private Rail rail = Rail.NONE;
        private long latencyMicros;
        private String outcome = "";

        private Builder(String traceId, int step, TradeStage stage, long epochMillis) {
            this.traceId = traceId;
            this.step = step;
            this.stage = stage;
            this.epochMillis = epochMillis;
        }

        public Builder market(String conditionId, String tokenId) {
            this.market = conditionId;
            this.tokenId = tokenId;
            return this;
        }

        public Builder order(TradeSide side, IntentType intent, long priceMicros, long sizeMicros) {
            this.side = side;
            this.intent = intent;
            this.priceMicros = priceMicros;
            this.sizeMicros = sizeMicros;
            return this;
        }

        public Builder model(double fairValue, double edge, long kellyMicros) {
            this.fairValue = fairValue;
            this.edge = edge;
            this.kellyMicros = kellyMicros;
            return this;
        }

        public Builder costs(long feeMicros, long gasMicros) {
            this.feeMicros = feeMicros;
            this.gasMicros = gasMicros;
            return this;
        }

        public Builder rail(Rail rail) {
            this.rail = rail;
            return this;
        }

        public Builder latencyMicros(long latencyMicros) {
            this.latencyMicros = latencyMicros;
            return this;
        }

        public Builder outcome(String outcome) {
            this.outcome = outcome;
            return this;
        }

        public TradeLogRecord build() {
            return new TradeLogRecord(traceId, step, epochMillis, stage, market, tokenId, side, intent, fairValue,
                    edge, priceMicros, sizeMicros, feeMicros, gasMicros, kellyMicros, rail, latencyMicros, outcome);
        }
    }
}
