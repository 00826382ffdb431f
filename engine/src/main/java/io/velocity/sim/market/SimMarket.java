package io.velocity.sim.market;

import java.util.List;

/**
 * One binary market (a Gamma market, a CLOB condition with two tokens). Identity fields are
 * fixed; trading state (tick, open/close prices, resolution, last trade) is mutated only on the
 * simulator loop thread.
 */
public final class SimMarket {
    /** CLOB prices are kept in units of 1e-4 (the finest tick any market can have). */
    public static final long PRICE_ONE = 10_000L;

    private final int index;
    private final SimEvent event;
    private final String asset;
    private final WindowSpec window;
    private final long startMillis;
    private final long endMillis;
    private final String slug;
    private final String question;
    private final String marketId;
    private final String conditionId;
    private final String questionId;
    private final List<String> tokenIds;
    private final List<String> outcomes;
    private final boolean negRisk;
    private final boolean negRiskOther;
    private final double liquidityUsd;
    private final boolean quoted;

    private long tickUnits;
    private long minSizeMicros;
    private double openPrice = Double.NaN;
    private double closePrice = Double.NaN;
    private boolean closed;
    private boolean resolved;
    private int winner = -1;
    private long closedAt;
    private long resolvedAt;
    private double volumeUsd;
    private long lastTradeUnits = -1;
    private long bestBidUnits = -1;
    private long bestAskUnits = -1;

    SimMarket(int index, SimEvent event, String asset, WindowSpec window, long startMillis, long endMillis, String slug,
              String question, String marketId, String conditionId, String questionId, List<String> tokenIds,
              List<String> outcomes, boolean negRisk, boolean negRiskOther, double liquidityUsd, boolean quoted,
              long tickUnits, long minSizeMicros) {
        this.index = index;
        this.event = event;
        this.asset = asset;
        this.window = window;
        this.startMillis = startMillis;
        this.endMillis = endMillis;
        this.slug = slug;
        this.question = question;
        this.marketId = marketId;
        this.conditionId = conditionId;
        this.questionId = questionId;
        this.tokenIds = List.copyOf(tokenIds);
        this.outcomes = List.copyOf(outcomes);
        this.negRisk = negRisk;
        this.negRiskOther = negRiskOther;
        this.liquidityUsd = liquidityUsd;
        this.quoted = quoted;
        this.tickUnits = tickUnits;
        this.minSizeMicros = minSizeMicros;
    }

    /** Dense index, also the order-book index. */
    public int index() {
        return index;
    }

    public SimEvent event() {
        return event;
    }

    /** Lower-case asset, e.g. btc. */
    public String asset() {
        return asset;
    }

    /** The window, or null for a decoy market. */
    public WindowSpec window() {
        return window;
    }

    public long startMillis() {
        return startMillis;
    }

    public long endMillis() {
        return endMillis;
    }

    public String slug() {
        return slug;
    }

    public String question() {
        return question;
    }

    public String marketId() {
        return marketId;
    }

    public String conditionId() {
        return conditionId;
    }

    public String questionId() {
        return questionId;
    }

    /** Token ids in outcome order (Up then Down). */
    public List<String> tokenIds() {
        return tokenIds;
    }

    public String tokenId(int outcome) {
        return tokenIds.get(outcome);
    }

    /** Outcome labels in token order. */
    public List<String> outcomes() {
        return outcomes;
    }

    public boolean negRisk() {
        return negRisk;
    }

    public boolean negRiskOther() {
        return negRiskOther;
    }

    public double liquidityUsd() {
        return liquidityUsd;
    }

    /** Whether the simulated liquidity providers quote this market. */
    public boolean quoted() {
        return quoted;
    }

    /** Up/Down window market (as opposed to a decoy). */
    public boolean upDown() {
        return window != null;
    }

    public long tickUnits() {
        return tickUnits;
    }

    public void tickUnits(long units) {
        this.tickUnits = units;
    }

    public long minSizeMicros() {
        return minSizeMicros;
    }

    /** Window open price (the reference, "price to beat"), NaN before the window starts. */
    public double openPrice() {
        return openPrice;
    }

    public void openPrice(double p) {
        this.openPrice = p;
    }

    public double closePrice() {
        return closePrice;
    }

    public boolean closed() {
        return closed;
    }

    public boolean resolved() {
        return resolved;
    }

    /** Winning outcome index, -1 until resolved. */
    public int winner() {
        return winner;
    }

    public long closedAt() {
        return closedAt;
    }

    public long resolvedAt() {
        return resolvedAt;
    }

    /** Stops trading at the window's end, recording the close price. */
    public void close(long at, double close) {
        this.closed = true;
        this.closedAt = at;
        this.closePrice = close;
    }

    /** Records the resolution. */
    public void resolve(long at, int winningOutcome) {
        this.resolved = true;
        this.resolvedAt = at;
        this.winner = winningOutcome;
    }

    public boolean acceptingOrders() {
        return !closed;
    }

    public double volumeUsd() {
        return volumeUsd;
    }

    public void addVolume(double usd) {
        volumeUsd += usd;
    }

    /** Last trade price of the first (Up) token in 1e-4 units, -1 if none. */
    public long lastTradeUnits() {
        return lastTradeUnits;
    }

    public void lastTradeUnits(long units) {
        this.lastTradeUnits = units;
    }

    /** Best bid of the first token in 1e-4 units, -1 when the side is empty. */
    public long bestBidUnits() {
        return bestBidUnits;
    }

    /** Best ask of the first token in 1e-4 units, -1 when the side is empty. */
    public long bestAskUnits() {
        return bestAskUnits;
    }

    public void bestPrices(long bid, long ask) {
        this.bestBidUnits = bid;
        this.bestAskUnits = ask;
    }

    @Override
    public String toString() {
        return "SimMarket[" + slug + ", " + conditionId + "]";
    }
}
