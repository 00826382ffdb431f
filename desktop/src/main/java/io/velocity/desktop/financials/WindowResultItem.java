package io.velocity.desktop.financials;

import io.velocity.engine.WindowResult;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One resolved market in the per-window results table. */
public final class WindowResultItem {
    private final ReadOnlyObjectWrapper<WindowResult> row;

    WindowResultItem(WindowResult r) {
        this.row = new ReadOnlyObjectWrapper<>(r);
    }

    public WindowResult row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<WindowResult> rowProperty() {
        return row.getReadOnlyProperty();
    }
}
