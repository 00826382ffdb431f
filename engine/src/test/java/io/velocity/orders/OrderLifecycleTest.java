package io.velocity.orders;

import io.velocity.strategy.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderLifecycleTest {

    private static ManagedOrder order(long size) {
        return new ManagedOrder(1, "t", "c", "tok", Outcome.UP, true, IntentType.LADDER, TimeInForce.GTC, 5_000, size, 0.55, 0);
    }

    @Test
    void theHappyPathOfARestingOrder() {
        OrderTracker t = new OrderTracker();
        ManagedOrder o = order(10_000_000);
        t.add(o);
        t.markSent(o, "A", 1, 1);
        assertThat(o.state()).isEqualTo(OrderState.SENT);
        t.markAck(o, "0xabc", 2, 2);
        assertThat(o.state()).isEqualTo(OrderState.ACKED);
        assertThat(t.byVenueId("0xabc")).isSameAs(o);
        assertThat(t.recordFill(o, 4_000_000, 5_000, 0, 3)).isTrue();
        assertThat(o.state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(t.recordFill(o, 6_000_000, 4_900, 0, 4)).isTrue();
        assertThat(o.state()).isEqualTo(OrderState.FILLED);
        assertThat(o.filledMicros()).isEqualTo(10_000_000);
        assertThat(o.averagePriceE4()).isEqualTo(4_940);
        assertThat(t.working()).isEmpty();
    }

    @Test
    void aFillRacingACancelIsKeptAndTheCancelCompletes() {
        OrderTracker t = new OrderTracker();
        ManagedOrder o = order(10_000_000);
        t.add(o);
        t.markSent(o, "A", 1, 1);
        t.markAck(o, "v1", 2, 2);
        assertThat(t.requestCancel(o, CancelReason.EDGE_DEGRADED, 5, 5)).isTrue();
        assertThat(t.requestCancel(o, CancelReason.EDGE_DEGRADED, 6, 6)).isFalse(); // no double cancel
        assertThat(t.recordFill(o, 3_000_000, 5_000, 0, 7)).isTrue();
        assertThat(o.state()).isEqualTo(OrderState.CANCEL_REQUESTED);
        assertThat(t.apply(o, OrderEvent.CANCELLED, 8)).isTrue();
        assertThat(o.state()).isEqualTo(OrderState.CANCELLED);
        assertThat(t.recordFill(o, 1_000_000, 5_000, 0, 9)).isTrue(); // a late fill is still recorded
        assertThat(o.filledMicros()).isEqualTo(4_000_000);
        assertThat(o.cancelReason()).isEqualTo(CancelReason.EDGE_DEGRADED);
    }

    @ParameterizedTest
    @EnumSource(OrderState.class)
    void illegalEventsAreIgnoredAndLeaveTheOrderUnchanged(OrderState state) {
        Set<OrderEvent> legal = OrderLifecycle.legalEvents(state);
        for (OrderEvent e : EnumSet.complementOf(EnumSet.copyOf(legal.isEmpty() ? EnumSet.of(OrderEvent.SEND) : legal))) {
            if (legal.contains(e)) {
                continue;
            }
            assertThat(OrderLifecycle.next(state, e)).as(state + " + " + e).isNull();
        }
        OrderTracker t = new OrderTracker();
        ManagedOrder o = order(1_000_000);
        t.add(o);
        driveTo(t, o, state);
        assertThat(o.state()).isEqualTo(state);
        long before = t.illegalTransitions();
        for (OrderEvent e : OrderEvent.values()) {
            if (!legal.contains(e)) {
                assertThat(t.apply(o, e, 99)).isFalse();
                assertThat(o.state()).isEqualTo(state);
            }
        }
        assertThat(t.illegalTransitions() - before).isEqualTo(OrderEvent.values().length - legal.size());
    }

    @Test
    void terminalStatesAreTerminalAndWorkingStatesWork() {
        assertThat(EnumSet.allOf(OrderState.class).stream().filter(OrderState::terminal))
                .containsExactlyInAnyOrder(OrderState.FILLED, OrderState.CANCELLED, OrderState.REJECTED, OrderState.EXPIRED);
        assertThat(OrderLifecycle.legalEvents(OrderState.FILLED)).isEmpty();
        assertThat(OrderLifecycle.legalEvents(OrderState.REJECTED))
                .containsExactlyInAnyOrder(OrderEvent.PARTIAL_FILL, OrderEvent.FULL_FILL);
    }

    @Test
    void aFillReportedAfterARailFailureIsStillRecorded() {
        OrderTracker t = new OrderTracker();
        ManagedOrder o = order(2_000_000);
        t.add(o);
        t.markSent(o, "A", 1, 1);
        t.markRejected(o, "rail failure: timeout", 2);
        assertThat(o.state()).isEqualTo(OrderState.REJECTED);
        assertThat(t.recordFill(o, 2_000_000, 5_000, 0, 3)).isTrue();
        assertThat(o.state()).isEqualTo(OrderState.REJECTED);
        assertThat(o.filledMicros()).isEqualTo(2_000_000);
    }

    @Test
    void aFillBeyondTheSizeIsRefused() {
        OrderTracker t = new OrderTracker();
        ManagedOrder o = order(1_000_000);
        t.add(o);
        t.markSent(o, "A", 1, 1);
        assertThat(t.recordFill(o, 1_000_000, 5_000, 0, 2)).isTrue();
        assertThat(t.recordFill(o, 1, 5_000, 0, 3)).isFalse();
    }

    @Test
    void settlementOnlyMovesForward() {
        assertThat(SettlementState.NONE.canMoveTo(SettlementState.MATCHED)).isTrue();
        assertThat(SettlementState.MATCHED.canMoveTo(SettlementState.MINED)).isTrue();
        assertThat(SettlementState.MINED.canMoveTo(SettlementState.CONFIRMED)).isTrue();
        assertThat(SettlementState.MATCHED.canMoveTo(SettlementState.RETRYING)).isTrue();
        assertThat(SettlementState.RETRYING.canMoveTo(SettlementState.FAILED)).isTrue();
        assertThat(SettlementState.CONFIRMED.canMoveTo(SettlementState.MATCHED)).isFalse();
        assertThat(SettlementState.MINED.canMoveTo(SettlementState.MATCHED)).isFalse();
        assertThat(SettlementState.FAILED.canMoveTo(SettlementState.CONFIRMED)).isFalse();
        OrderTracker t = new OrderTracker();
        ManagedOrder o = order(1_000_000);
        assertThat(t.recordSettlement(o, SettlementState.MINED)).isTrue();
        assertThat(t.recordSettlement(o, SettlementState.MATCHED)).isFalse();
        assertThat(o.settlement()).isEqualTo(SettlementState.MINED);
        assertThat(SettlementState.fromVenue("CONFIRMED")).isEqualTo(SettlementState.CONFIRMED);
    }

    private static void driveTo(OrderTracker t, ManagedOrder o, OrderState target) {
        switch (target) {
            case NEW -> {
            }
            case SENT -> t.apply(o, OrderEvent.SEND, 1);
            case ACKED -> {
                t.apply(o, OrderEvent.SEND, 1);
                t.apply(o, OrderEvent.ACK, 2);
            }
            case PARTIALLY_FILLED -> {
                t.apply(o, OrderEvent.SEND, 1);
                t.apply(o, OrderEvent.PARTIAL_FILL, 2);
            }
            case CANCEL_REQUESTED -> {
                t.apply(o, OrderEvent.SEND, 1);
                t.apply(o, OrderEvent.CANCEL_REQUEST, 2);
            }
            case FILLED -> {
                t.apply(o, OrderEvent.SEND, 1);
                t.apply(o, OrderEvent.FULL_FILL, 2);
            }
            case CANCELLED -> {
                t.apply(o, OrderEvent.SEND, 1);
                t.apply(o, OrderEvent.CANCELLED, 2);
            }
            case REJECTED -> t.apply(o, OrderEvent.REJECT, 1);
            case EXPIRED -> {
                t.apply(o, OrderEvent.SEND, 1);
                t.apply(o, OrderEvent.EXPIRE, 2);
            }
        }
    }
}
