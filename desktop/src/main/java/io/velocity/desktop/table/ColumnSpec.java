package io.velocity.desktop.table;

import javafx.beans.value.ObservableValue;

import java.util.Comparator;
import java.util.function.Function;

/**
 * One column of a live table: which observable of the row item it shows, how the value reads,
 * how it is coloured, sorted and exported. Cells observe that one observable, so a row update
 * repaints text in place: no row is recreated and nothing flickers.
 *
 * @param <T> row item
 * @param <V> cell value
 */
public final class ColumnSpec<T, V> {
    private final String id;
    private final String title;
    private final Function<T, ObservableValue<V>> cell;
    private Function<? super V, String> text = String::valueOf;
    private Function<? super V, String> csv;
    private Function<? super V, String> style = v -> null;
    private Comparator<? super V> comparator;
    private String tooltip = "";
    private double width = 90;
    private boolean numeric;
    private boolean visibleByDefault = true;

    private ColumnSpec(String id, String title, Function<T, ObservableValue<V>> cell) {
        this.id = id;
        this.title = title;
        this.cell = cell;
    }

    /** A column with a stable id (used for workspace persistence) and a header. */
    public static <T, V> ColumnSpec<T, V> of(String id, String title, Function<T, ObservableValue<V>> cell) {
        return new ColumnSpec<>(id, title, cell);
    }

    public ColumnSpec<T, V> text(Function<? super V, String> f) {
        this.text = f;
        return this;
    }

    /** Value written to CSV files (defaults to the displayed text). */
    public ColumnSpec<T, V> csv(Function<? super V, String> f) {
        this.csv = f;
        return this;
    }

    /** A style class for the cell (e.g. {@code pos}, {@code neg}), or null. */
    public ColumnSpec<T, V> style(Function<? super V, String> f) {
        this.style = f;
        return this;
    }

    public ColumnSpec<T, V> sortBy(Comparator<? super V> c) {
        this.comparator = c;
        return this;
    }

    public ColumnSpec<T, V> tooltip(String t) {
        this.tooltip = t;
        return this;
    }

    public ColumnSpec<T, V> width(double w) {
        this.width = w;
        return this;
    }

    /** Right-aligned, monospaced digits. */
    public ColumnSpec<T, V> numeric() {
        this.numeric = true;
        return this;
    }

    /** Hidden until the trader shows it from the header menu. */
    public ColumnSpec<T, V> hidden() {
        this.visibleByDefault = false;
        return this;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String tooltipText() {
        return tooltip;
    }

    public double width() {
        return width;
    }

    public boolean isNumeric() {
        return numeric;
    }

    public boolean visibleByDefault() {
        return visibleByDefault;
    }

    ObservableValue<V> cellValue(T item) {
        return cell.apply(item);
    }

    /** The value of this column for {@code item} right now. */
    public V valueOf(T item) {
        return cell.apply(item).getValue();
    }

    public String format(V v) {
        return v == null ? "" : text.apply(v);
    }

    /** The CSV text of this column for {@code item}. */
    public String csvOf(T item) {
        V v = valueOf(item);
        if (v == null) {
            return "";
        }
        return csv != null ? csv.apply(v) : text.apply(v);
    }

    String styleOf(V v) {
        return v == null ? null : style.apply(v);
    }

    Comparator<? super V> comparator() {
        return comparator;
    }
}
