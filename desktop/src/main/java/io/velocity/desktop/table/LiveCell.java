package io.velocity.desktop.table;

import javafx.geometry.Pos;
import javafx.scene.control.TableCell;

/** A cell that formats and colours its value; it keeps one dynamic style class and swaps it only on change. */
final class LiveCell<T, V> extends TableCell<T, V> {
    private final ColumnSpec<T, V> spec;
    private String dynamicClass;

    LiveCell(ColumnSpec<T, V> spec) {
        this.spec = spec;
        if (spec.isNumeric()) {
            setAlignment(Pos.CENTER_RIGHT);
            getStyleClass().add("num");
        }
    }

    @Override
    protected void updateItem(V value, boolean empty) {
        super.updateItem(value, empty);
        if (empty || value == null) {
            setText(null);
            swapClass(null);
            return;
        }
        String text = spec.format(value);
        if (!text.equals(getText())) {
            setText(text);
        }
        swapClass(spec.styleOf(value));
    }

    private void swapClass(String next) {
        if (next == null ? dynamicClass == null : next.equals(dynamicClass)) {
            return;
        }
        if (dynamicClass != null) {
            getStyleClass().remove(dynamicClass);
        }
        if (next != null) {
            getStyleClass().add(next);
        }
        dynamicClass = next;
    }
}
