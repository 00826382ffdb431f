package io.velocity.desktop.blotter;

import io.velocity.engine.FillRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One fill or redemption in the blotter (immutable once seen). */
public final class FillItem {
    private final ReadOnlyObjectWrapper<FillRow> row;

    FillItem(FillRow row) {
        this.row = new ReadOnlyObjectWrapper<>(row);
    }

    public FillRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<FillRow> rowProperty() {
        return row.getReadOnlyProperty();
    }
}
