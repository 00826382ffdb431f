package io.velocity.desktop.table;

import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A {@link TableView} over a list of long-lived row items that update in place: source list →
 * filter → sort → table. The source list must fire update events (an extractor) so live sorting
 * re-orders rows with a permutation, which keeps the selection and the scroll position.
 *
 * @param <T> row item
 */
public final class LiveTable<T> {
    private final TableView<T> table = new TableView<>();
    private final List<ColumnSpec<T, ?>> specs;
    private final FilteredList<T> filtered;
    private final SortedList<T> sorted;
    private final Label placeholder = new Label();

    public LiveTable(String id, ObservableList<T> source, List<ColumnSpec<T, ?>> specs) {
        this.specs = List.copyOf(specs);
        this.filtered = new FilteredList<>(source, x -> true);
        this.sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId(id);
        table.getStyleClass().add("live-table");
        table.setItems(sorted);
        table.setTableMenuButtonVisible(true);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setFixedCellSize(24);
        placeholder.getStyleClass().add("placeholder");
        placeholder.setWrapText(true);
        table.setPlaceholder(placeholder);
        for (ColumnSpec<T, ?> spec : this.specs) {
            table.getColumns().add(column(spec));
        }
        table.setOnKeyPressed(e -> {
            if (COPY.match(e)) {
                copySelection();
                e.consume();
            }
        });
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private static <T, V> TableColumn<T, V> column(ColumnSpec<T, V> spec) {
        TableColumn<T, V> c = new TableColumn<>(spec.title());
        c.setId(spec.id());
        c.setPrefWidth(spec.width());
        c.setVisible(spec.visibleByDefault());
        c.setCellValueFactory(cd -> spec.cellValue(cd.getValue()));
        c.setCellFactory(col -> new LiveCell<>(spec));
        if (spec.comparator() != null) {
            c.setComparator(nullsLast(spec.comparator()));
        } else {
            c.setSortable(false);
        }
        if (!spec.tooltipText().isEmpty()) {
            // The header shows the graphic only (CSS class has-tip); the text stays for the column menu.
            Label header = new Label(spec.title());
            header.setTooltip(new Tooltip(spec.tooltipText()));
            c.setGraphic(header);
            c.getStyleClass().add("has-tip");
        }
        if (spec.isNumeric()) {
            c.getStyleClass().add("num");
        }
        return c;
    }

    private static <V> Comparator<V> nullsLast(Comparator<? super V> c) {
        return Comparator.nullsLast(c);
    }

    public TableView<T> view() {
        return table;
    }

    public void setFilter(Predicate<T> p) {
        filtered.setPredicate(p);
    }

    /** The text shown when no row is visible. */
    public void setPlaceholder(String text) {
        if (!text.equals(placeholder.getText())) {
            placeholder.setText(text);
        }
    }

    /** The column specs in their current on-screen order, visible ones only. */
    public List<ColumnSpec<T, ?>> visibleColumns() {
        List<ColumnSpec<T, ?>> out = new ArrayList<>();
        for (TableColumn<T, ?> c : table.getColumns()) {
            if (c.isVisible()) {
                for (ColumnSpec<T, ?> s : specs) {
                    if (s.id().equals(c.getId())) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** Rows as shown (filtered and sorted), with a header line; for CSV export. */
    public List<List<String>> rows() {
        List<ColumnSpec<T, ?>> cols = visibleColumns();
        List<List<String>> out = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (ColumnSpec<T, ?> s : cols) {
            header.add(s.title());
        }
        out.add(header);
        for (T item : sorted) {
            out.add(row(cols, item));
        }
        return out;
    }

    private static <T> List<String> row(List<ColumnSpec<T, ?>> cols, T item) {
        List<String> r = new ArrayList<>(cols.size());
        for (ColumnSpec<T, ?> s : cols) {
            r.add(s.csvOf(item));
        }
        return r;
    }

    /** Copies the selected rows as tab-separated text (pastes into a spreadsheet). */
    public void copySelection() {
        List<ColumnSpec<T, ?>> cols = visibleColumns();
        StringBuilder sb = new StringBuilder();
        for (ColumnSpec<T, ?> s : cols) {
            sb.append(s.title()).append('\t');
        }
        sb.setLength(Math.max(0, sb.length() - 1));
        sb.append('\n');
        for (T item : table.getSelectionModel().getSelectedItems()) {
            sb.append(String.join("\t", row(cols, item))).append('\n');
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(sb.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
