package io.velocity.desktop.blotter;

import io.velocity.engine.OrderRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One order in the blotter, updated in place as its lifecycle moves. */
public final class OrderItem {
    private final long clientOrderId;
    private final ReadOnlyObjectWrapper<OrderRow> row;

    OrderItem(OrderRow row) {
        this.clientOrderId = row.clientOrderId();
        this.row = new ReadOnlyObjectWrapper<>(row);
    }

    void update(OrderRow next) {
        if (!next.equals(row.get())) {
            row.set(next);
        }
    }

    public long clientOrderId() {
        return clientOrderId;
    }

    public OrderRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<OrderRow> rowProperty() {
        return row.getReadOnlyProperty();
    }
}
