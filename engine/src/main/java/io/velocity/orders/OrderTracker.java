package io.velocity.orders;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every order the engine knows, keyed by our client id and by the venue's id, with the lifecycle
 * applied in one place. Engine thread only. Illegal transitions are refused, logged and counted.
 */
public final class OrderTracker {
    private static final Logger log = LoggerFactory.getLogger(OrderTracker.class);
    private static final int KEEP_FINISHED = 500;

    private final Map<Long, ManagedOrder> byClientId = new HashMap<>();
    private final Map<String, ManagedOrder> byVenueId = new HashMap<>();
    private final java.util.ArrayDeque<ManagedOrder> finished = new java.util.ArrayDeque<>();
    private final List<ManagedOrder> workingScratch = new ArrayList<>();
    private long nextClientId = 1;
    private long illegalTransitions;

    /** A fresh client order id. */
    public long nextClientOrderId() {
        return nextClientId++;
    }

    public void add(ManagedOrder order) {
        byClientId.put(order.clientOrderId, order);
    }

    public ManagedOrder byClientId(long id) {
        return byClientId.get(id);
    }

    public ManagedOrder byVenueId(String venueId) {
        return venueId == null ? null : byVenueId.get(venueId);
    }

    /**
     * Orders still working on the venue. Returns a list reused by every call, so the engine's hot
     * path allocates nothing: it is valid until the next call and must not be kept or nested.
     */
    public List<ManagedOrder> working() {
        workingScratch.clear();
        for (ManagedOrder o : byClientId.values()) {
            if (o.state.working() || o.state == OrderState.NEW) {
                workingScratch.add(o);
            }
        }
        return workingScratch;
    }

    /** Working orders plus the most recent finished ones, for the blotter. */
    public Collection<ManagedOrder> all() {
        List<ManagedOrder> out = new ArrayList<>(byClientId.values());
        out.addAll(finished);
        return out;
    }

    public long illegalTransitions() {
        return illegalTransitions;
    }

    /**
     * Applies a lifecycle event. Returns false (and changes nothing) when it is illegal in the
     * order's current state.
     */
    public boolean apply(ManagedOrder o, OrderEvent event, long nowMillis) {
        OrderState next = OrderLifecycle.next(o.state, event);
        if (next == null) {
            illegalTransitions++;
            log.warn("order {} ({}): ignored {} in state {}", o.clientOrderId, o.venueOrderId, event, o.state);
            return false;
        }
        o.state = next;
        o.updatedMillis = nowMillis;
        if (next.terminal()) {
            retire(o);
        }
        return true;
    }

    /** Records the venue id once known (ack). */
    public void bindVenueId(ManagedOrder o, String venueOrderId) {
        if (venueOrderId != null && !venueOrderId.isEmpty()) {
            o.venueOrderId = venueOrderId;
            byVenueId.put(venueOrderId, o);
        }
    }

    /** Marks the order sent on a rail. */
    public void markSent(ManagedOrder o, String rail, long nowNanos, long nowMillis) {
        o.rail = rail;
        o.sentNanos = nowNanos;
        apply(o, OrderEvent.SEND, nowMillis);
    }

    public void markAck(ManagedOrder o, String venueOrderId, long nowNanos, long nowMillis) {
        bindVenueId(o, venueOrderId);
        if (o.ackNanos == 0) {
            o.ackNanos = nowNanos;
        }
        if (o.state == OrderState.SENT) {
            apply(o, OrderEvent.ACK, nowMillis);
        }
    }

    public void markRejected(ManagedOrder o, String detail, long nowMillis) {
        o.detail = detail;
        apply(o, OrderEvent.REJECT, nowMillis);
    }

    /** Records a fill; the state follows from the filled size. */
    public boolean recordFill(ManagedOrder o, long sizeMicros, long priceE4, long feeMicros, long nowMillis) {
        long size = Math.min(sizeMicros, Math.max(0, o.sizeMicros - o.filledMicros));
        if (size <= 0) {
            illegalTransitions++;
            log.warn("order {}: fill of {} beyond its size ignored", o.clientOrderId, sizeMicros);
            return false;
        }
        OrderEvent ev = o.filledMicros + size >= o.sizeMicros ? OrderEvent.FULL_FILL : OrderEvent.PARTIAL_FILL;
        if (OrderLifecycle.next(o.state, ev) == null) {
            illegalTransitions++;
            log.warn("order {}: fill in state {} ignored", o.clientOrderId, o.state);
            return false;
        }
        o.filledMicros += size;
        o.filledNotionalMicros += size * priceE4 / 10_000;
        o.feesMicros += feeMicros;
        apply(o, ev, nowMillis);
        return true;
    }

    /** Marks that we decided to cancel (for the 250 ms cancel metric) and asked the venue. */
    public boolean requestCancel(ManagedOrder o, CancelReason reason, long decidedNanos, long nowMillis) {
        if (o.state == OrderState.CANCEL_REQUESTED || !o.state.working()) {
            return false;
        }
        o.cancelReason = reason;
        o.cancelDecidedNanos = decidedNanos;
        return apply(o, OrderEvent.CANCEL_REQUEST, nowMillis);
    }

    /** Applies a settlement status of one of the order's trades; the order shows the least settled. */
    public boolean recordSettlement(ManagedOrder o, SettlementState status) {
        if (!o.settlement.canMoveTo(status)) {
            illegalTransitions++;
            log.warn("order {}: settlement {} -> {} ignored", o.clientOrderId, o.settlement, status);
            return false;
        }
        o.settlement = status;
        return true;
    }

    private void retire(ManagedOrder o) {
        byClientId.remove(o.clientOrderId);
        finished.addFirst(o);
        while (finished.size() > KEEP_FINISHED) {
            ManagedOrder old = finished.removeLast();
            if (!old.venueOrderId.isEmpty()) {
                byVenueId.remove(old.venueOrderId);
            }
        }
    }
}
