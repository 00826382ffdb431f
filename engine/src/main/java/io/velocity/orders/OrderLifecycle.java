package io.velocity.orders;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The order state machine as a transition table. An event that is illegal in the current state is
 * refused (the caller logs and counts it; the order is unchanged), so a duplicated or reordered
 * venue message can never corrupt an order.
 *
 * <p>Deliberate allowances for real venues: a fill may arrive after a cancel was requested (the
 * match raced the cancel), after the cancel was confirmed, after an expiry, or after a rail
 * failure whose order did reach the venue; the state then stays as it was while the fill is still
 * recorded by the caller.
 */
public final class OrderLifecycle {
    private static final Map<OrderState, Map<OrderEvent, OrderState>> TABLE = new EnumMap<>(OrderState.class);

    static {
        on(OrderState.NEW, OrderEvent.SEND, OrderState.SENT);
        on(OrderState.NEW, OrderEvent.REJECT, OrderState.REJECTED);

        on(OrderState.SENT, OrderEvent.ACK, OrderState.ACKED);
        on(OrderState.SENT, OrderEvent.REJECT, OrderState.REJECTED);
        on(OrderState.SENT, OrderEvent.PARTIAL_FILL, OrderState.PARTIALLY_FILLED);
        on(OrderState.SENT, OrderEvent.FULL_FILL, OrderState.FILLED);
        on(OrderState.SENT, OrderEvent.CANCEL_REQUEST, OrderState.CANCEL_REQUESTED);
        on(OrderState.SENT, OrderEvent.CANCELLED, OrderState.CANCELLED);
        on(OrderState.SENT, OrderEvent.EXPIRE, OrderState.EXPIRED);

        on(OrderState.ACKED, OrderEvent.PARTIAL_FILL, OrderState.PARTIALLY_FILLED);
        on(OrderState.ACKED, OrderEvent.FULL_FILL, OrderState.FILLED);
        on(OrderState.ACKED, OrderEvent.CANCEL_REQUEST, OrderState.CANCEL_REQUESTED);
        on(OrderState.ACKED, OrderEvent.CANCELLED, OrderState.CANCELLED);
        on(OrderState.ACKED, OrderEvent.EXPIRE, OrderState.EXPIRED);
        on(OrderState.ACKED, OrderEvent.ACK, OrderState.ACKED);

        on(OrderState.PARTIALLY_FILLED, OrderEvent.PARTIAL_FILL, OrderState.PARTIALLY_FILLED);
        on(OrderState.PARTIALLY_FILLED, OrderEvent.FULL_FILL, OrderState.FILLED);
        on(OrderState.PARTIALLY_FILLED, OrderEvent.CANCEL_REQUEST, OrderState.CANCEL_REQUESTED);
        on(OrderState.PARTIALLY_FILLED, OrderEvent.CANCELLED, OrderState.CANCELLED);
        on(OrderState.PARTIALLY_FILLED, OrderEvent.EXPIRE, OrderState.EXPIRED);

        on(OrderState.CANCEL_REQUESTED, OrderEvent.CANCELLED, OrderState.CANCELLED);
        on(OrderState.CANCEL_REQUESTED, OrderEvent.PARTIAL_FILL, OrderState.CANCEL_REQUESTED);
        on(OrderState.CANCEL_REQUESTED, OrderEvent.FULL_FILL, OrderState.FILLED);
        on(OrderState.CANCEL_REQUESTED, OrderEvent.EXPIRE, OrderState.EXPIRED);
        on(OrderState.CANCEL_REQUESTED, OrderEvent.ACK, OrderState.CANCEL_REQUESTED);
        // A cancel the venue refused (already gone, or unknown) leaves the order to its fills/expiry.
        on(OrderState.CANCEL_REQUESTED, OrderEvent.REJECT, OrderState.CANCEL_REQUESTED);

        on(OrderState.CANCELLED, OrderEvent.PARTIAL_FILL, OrderState.CANCELLED);
        on(OrderState.CANCELLED, OrderEvent.FULL_FILL, OrderState.CANCELLED);
        on(OrderState.CANCELLED, OrderEvent.CANCELLED, OrderState.CANCELLED);
        on(OrderState.EXPIRED, OrderEvent.PARTIAL_FILL, OrderState.EXPIRED);
        on(OrderState.EXPIRED, OrderEvent.FULL_FILL, OrderState.EXPIRED);
        // A rail failure whose order did reach the venue and trade there reports the fill later:
        // the order stays rejected, the fill is still recorded (never lose a real position).
        on(OrderState.REJECTED, OrderEvent.PARTIAL_FILL, OrderState.REJECTED);
        on(OrderState.REJECTED, OrderEvent.FULL_FILL, OrderState.REJECTED);
    }

    private static void on(OrderState from, OrderEvent event, OrderState to) {
        TABLE.computeIfAbsent(from, f -> new EnumMap<>(OrderEvent.class)).put(event, to);
    }

    private OrderLifecycle() {
    }

    /** The state after {@code event}, or null when the event is illegal in {@code from}. */
    public static OrderState next(OrderState from, OrderEvent event) {
        Map<OrderEvent, OrderState> row = TABLE.get(from);
        return row == null ? null : row.get(event);
    }

    /** Events that are legal in {@code state} (for tests and diagnostics). */
    public static Set<OrderEvent> legalEvents(OrderState state) {
        Map<OrderEvent, OrderState> row = TABLE.get(state);
        return row == null ? EnumSet.noneOf(OrderEvent.class) : EnumSet.copyOf(row.keySet());
    }
}
