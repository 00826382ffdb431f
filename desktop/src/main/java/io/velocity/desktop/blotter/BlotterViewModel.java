package io.velocity.desktop.blotter;

import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.FillRow;
import io.velocity.engine.OrderRow;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The blotter's state: every order seen this session (updated in place by client order id, kept
 * after the engine forgets finished ones, up to {@link #MAX_ROWS}) and every fill and
 * redemption, newest first. The engine's fill list is newest-first and bounded, so new fills are
 * exactly those in front of the newest one already shown.
 */
public final class BlotterViewModel {
    public static final int MAX_ROWS = 5_000;

    private final ObservableList<OrderItem> orders = FXCollections.observableArrayList(i -> new Observable[]{i.rowProperty()});
    private final Map<Long, OrderItem> byId = new HashMap<>();
    private final ObservableList<FillItem> fills = FXCollections.observableArrayList();
    private FillRow newestFill;
    private final StringProperty query = new SimpleStringProperty("");
    private final BooleanProperty workingOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Predicate<OrderItem>> orderFilter = new ReadOnlyObjectWrapper<>(o -> true);
    private final ReadOnlyObjectWrapper<Predicate<FillItem>> fillFilter = new ReadOnlyObjectWrapper<>(f -> true);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public BlotterViewModel() {
        query.addListener((o, a, b) -> rebuildFilters());
        workingOnly.addListener((o, a, b) -> rebuildFilters());
    }

    public void apply(EngineSnapshot s) {
        for (OrderRow r : s.orders()) {
            OrderItem item = byId.get(r.clientOrderId());
            if (item == null) {
                item = new OrderItem(r);
                byId.put(r.clientOrderId(), item);
                orders.add(item);
            } else {
                item.update(keepSlug(item.row(), r));
            }
        }
        if (orders.size() > MAX_ROWS) {
            // Oldest first out: client order ids increase with time.
            List<OrderItem> sorted = new ArrayList<>(orders);
            sorted.sort(java.util.Comparator.comparingLong(OrderItem::clientOrderId));
            List<OrderItem> drop = sorted.subList(0, orders.size() - MAX_ROWS);
            drop.forEach(d -> byId.remove(d.clientOrderId()));
            orders.removeAll(List.copyOf(drop));
        }
        addNewFills(s.fills());
        long working = orders.stream().filter(o -> isWorking(o.row().state())).count();
        long redemptions = fills.stream().filter(f -> "REDEMPTION".equals(f.row().kind())).count();
        summary.set(String.format(Locale.ROOT, "%d orders (%d working) · %d fills · %d redemptions",
                orders.size(), working, fills.size() - redemptions, redemptions));
    }

    private void addNewFills(List<FillRow> newestFirst) {
        if (newestFirst.isEmpty()) {
            return;
        }
        int fresh = newestFill == null ? newestFirst.size() : newestFirst.indexOf(newestFill);
        if (fresh < 0) {
            // The newest one we showed fell off the engine's bounded list: everything there is new to us.
            fresh = newestFirst.size();
        }
        if (fresh == 0) {
            return;
        }
        List<FillItem> add = new ArrayList<>(fresh);
        for (int i = 0; i < fresh; i++) {
            add.add(new FillItem(newestFirst.get(i)));
        }
        fills.addAll(0, add);
        newestFill = newestFirst.get(0);
        if (fills.size() > MAX_ROWS) {
            fills.remove(MAX_ROWS, fills.size());
        }
    }

    /**
     * Once a market is delisted the engine names it by condition id; keep the slug the trader saw.
     */
    static OrderRow keepSlug(OrderRow old, OrderRow next) {
        if (!next.slug().equals(next.conditionId()) || old.slug().equals(old.conditionId())) {
            return next;
        }
        return new OrderRow(next.clientOrderId(), next.venueOrderId(), next.traceId(), next.conditionId(), old.slug(),
                next.outcome(), next.side(), next.intent(), next.tif(), next.priceE4(), next.sizeMicros(),
                next.filledMicros(), next.avgPriceE4(), next.feesMicros(), next.state(), next.settlement(), next.rail(),
                next.latencyMicros(), next.detail(), next.updatedMillis());
    }

    static boolean isWorking(String state) {
        return switch (state) {
            case "NEW", "SENT", "ACKED", "PARTIALLY_FILLED", "CANCEL_REQUESTED" -> true;
            default -> false;
        };
    }

    private void rebuildFilters() {
        String q = query.get() == null ? "" : query.get().trim().toLowerCase(Locale.ROOT);
        boolean working = workingOnly.get();
        orderFilter.set(o -> {
            OrderRow r = o.row();
            if (working && !isWorking(r.state())) {
                return false;
            }
            return matches(q, r.slug() + " " + r.traceId() + " " + r.clientOrderId() + " " + r.venueOrderId() + " "
                    + r.state() + " " + r.settlement() + " " + r.rail() + " " + r.intent() + " " + r.outcome() + " " + r.detail());
        });
        fillFilter.set(f -> {
            FillRow r = f.row();
            return matches(q, r.slug() + " " + r.traceId() + " " + r.clientOrderId() + " " + r.kind() + " "
                    + r.outcome() + " " + r.rail());
        });
    }

    private static boolean matches(String q, String hay) {
        if (q.isEmpty()) {
            return true;
        }
        String h = hay.toLowerCase(Locale.ROOT);
        for (String word : q.split("\\s+")) {
            if (!h.contains(word)) {
                return false;
            }
        }
        return true;
    }

    public ObservableList<OrderItem> orders() {
        return orders;
    }

    public ObservableList<FillItem> fills() {
        return fills;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty workingOnlyProperty() {
        return workingOnly;
    }

    public ReadOnlyObjectProperty<Predicate<OrderItem>> orderFilterProperty() {
        return orderFilter.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Predicate<FillItem>> fillFilterProperty() {
        return fillFilter.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
