package io.velocity.orders;

import io.velocity.strategy.Outcome;

/**
 * One order as the engine tracks it. Mutable and owned by the engine thread; snapshots copy it.
 * Prices in 1e-4 units, sizes in micro-shares, money in micro-USD.
 */
public final class ManagedOrder {
    public final long clientOrderId;
    public final String traceId;
    public final String conditionId;
    public final String tokenId;
    public final Outcome outcome;
    public final boolean buy;
    public final IntentType intent;
    public final TimeInForce tif;
    public final long priceE4;
    public final long sizeMicros;
    /** Fair probability of the outcome when the order was decided (for the ladder cancel policy). */
    public final double fairAtPlacement;
    public final long createdNanos;

    OrderState state = OrderState.NEW;
    SettlementState settlement = SettlementState.NONE;
    String venueOrderId = "";
    String rail = "";
    String detail = "";
    long filledMicros;
    long filledNotionalMicros;
    long feesMicros;
    long sentNanos;
    long ackNanos;
    long cancelDecidedNanos;
    CancelReason cancelReason;
    long updatedMillis;

    public ManagedOrder(long clientOrderId, String traceId, String conditionId, String tokenId, Outcome outcome,
                        boolean buy, IntentType intent, TimeInForce tif, long priceE4, long sizeMicros,
                        double fairAtPlacement, long createdNanos) {
        this.clientOrderId = clientOrderId;
        this.traceId = traceId;
        this.conditionId = conditionId;
        this.tokenId = tokenId;
        this.outcome = outcome;
        this.buy = buy;
        this.intent = intent;
        this.tif = tif;
        this.priceE4 = priceE4;
        this.sizeMicros = sizeMicros;
        this.fairAtPlacement = fairAtPlacement;
        this.createdNanos = createdNanos;
    }

    public OrderState state() {
        return state;
    }

    public SettlementState settlement() {
        return settlement;
    }

    public String venueOrderId() {
        return venueOrderId;
    }

    public String rail() {
        return rail;
    }

    public String detail() {
        return detail;
    }

    public long filledMicros() {
        return filledMicros;
    }

    public long remainingMicros() {
        return Math.max(0, sizeMicros - filledMicros);
    }

    public long filledNotionalMicros() {
        return filledNotionalMicros;
    }

    public long feesMicros() {
        return feesMicros;
    }

    /** Average fill price in 1e-4 units, 0 before the first fill. */
    public long averagePriceE4() {
        return filledMicros == 0 ? 0 : filledNotionalMicros * 10_000 / filledMicros;
    }

    public long sentNanos() {
        return sentNanos;
    }

    public long ackNanos() {
        return ackNanos;
    }

    public CancelReason cancelReason() {
        return cancelReason;
    }

    public long cancelDecidedNanos() {
        return cancelDecidedNanos;
    }

    public long updatedMillis() {
        return updatedMillis;
    }

    /** Money still committed to the unfilled part of a buy. */
    public long openNotionalMicros() {
        return state.working() && buy ? remainingMicros() * priceE4 / 10_000 : 0;
    }
}
