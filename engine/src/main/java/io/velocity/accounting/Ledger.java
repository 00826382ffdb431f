package io.velocity.accounting;

import io.velocity.strategy.Outcome;

import java.util.HashMap;
import java.util.Map;

/**
 * Bankroll, positions and PnL. Engine thread only. Every amount is an integer in micro-units:
 * a fill of {@code s} micro-shares at {@code p} (1e-4 units) moves {@code s × p / 10⁴} micro-USD.
 */
public final class Ledger {
    private final Map<String, MarketPosition> positions = new HashMap<>();
    private long bankrollMicros;
    private long realizedMicros;
    private long feesMicros;
    private long redeemedMicros;

    public Ledger(long startingBankrollMicros) {
        this.bankrollMicros = startingBankrollMicros;
    }

    /** Replaces the cash balance with what the chain or venue reports (live mode, reconciliation). */
    public void setBankroll(long micros) {
        this.bankrollMicros = micros;
    }

    public long bankrollMicros() {
        return bankrollMicros;
    }

    public long realizedMicros() {
        return realizedMicros;
    }

    public long feesMicros() {
        return feesMicros;
    }

    public long redeemedMicros() {
        return redeemedMicros;
    }

    /** The position in a market (created empty on first use). */
    public MarketPosition position(String conditionId) {
        return positions.computeIfAbsent(conditionId, id -> new MarketPosition());
    }

    /** The position if any, else null. */
    public MarketPosition positionOrNull(String conditionId) {
        return positions.get(conditionId);
    }

    /** Applies a fill. */
    public void onFill(String conditionId, Outcome outcome, boolean buy, long sizeMicros, long priceE4, long feeMicros) {
        MarketPosition p = position(conditionId);
        long notional = sizeMicros * priceE4 / 10_000;
        long signedShares = buy ? sizeMicros : -sizeMicros;
        if (outcome == Outcome.UP) {
            p.upSharesMicros += signedShares;
        } else {
            p.downSharesMicros += signedShares;
        }
        long cash = buy ? -(notional + feeMicros) : notional - feeMicros;
        p.costMicros -= cash;
        p.feesMicros += feeMicros;
        bankrollMicros += cash;
        feesMicros += feeMicros;
    }

    /**
     * Settles a resolved market: winning shares pay $1, the position is closed and its PnL realized.
     *
     * @return the realized PnL of the market, or 0 when nothing was held
     */
    public long resolve(String conditionId, boolean resolvedUp) {
        MarketPosition p = positions.remove(conditionId);
        if (p == null) {
            return 0;
        }
        long payout = p.payoutMicros(resolvedUp);
        long pnl = payout - p.costMicros;
        bankrollMicros += payout;
        redeemedMicros += payout;
        realizedMicros += pnl;
        return pnl;
    }

    /** Money in open positions. */
    public long openCostMicros() {
        long total = 0;
        for (MarketPosition p : positions.values()) {
            total += p.costMicros;
        }
        return total;
    }

    /** Open positions at fair value minus cost, given fair P(up) per market. */
    public long unrealizedMicros(java.util.function.ToDoubleFunction<String> fairUpByMarket) {
        long total = 0;
        for (Map.Entry<String, MarketPosition> e : positions.entrySet()) {
            total += e.getValue().unrealizedMicros(fairUpByMarket.applyAsDouble(e.getKey()));
        }
        return total;
    }

    /** Markets with a position. */
    public java.util.Set<String> marketsHeld() {
        return java.util.Set.copyOf(positions.keySet());
    }
}
