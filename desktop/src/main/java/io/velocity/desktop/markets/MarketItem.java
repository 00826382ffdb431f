package io.velocity.desktop.markets;

import io.velocity.engine.MarketRow;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.Locale;

/**
 * One market row of the table. The item lives as long as the market is listed and is updated in
 * place from each snapshot, so the table keeps its selection and scroll position.
 */
public final class MarketItem {
    private final String conditionId;
    private final ReadOnlyObjectWrapper<MarketRow> row;
    private final ReadOnlyLongWrapper secondsLeft = new ReadOnlyLongWrapper();

    MarketItem(MarketRow row, long nowMillis) {
        this.conditionId = row.conditionId();
        this.row = new ReadOnlyObjectWrapper<>(row);
        this.secondsLeft.set(secondsLeft(row, nowMillis));
    }

    /** Applies the latest values; returns true when anything visible changed. */
    boolean update(MarketRow next, long nowMillis) {
        boolean changed = false;
        if (!next.equals(row.get())) {
            row.set(next);
            changed = true;
        }
        long left = secondsLeft(next, nowMillis);
        if (left != secondsLeft.get()) {
            secondsLeft.set(left);
            changed = true;
        }
        return changed;
    }

    private static long secondsLeft(MarketRow r, long nowMillis) {
        // Round up: the window has not ended while a fraction of a second is left.
        return Math.max(0, (r.windowEndMillis() - nowMillis + 999) / 1000);
    }

    public String conditionId() {
        return conditionId;
    }

    public MarketRow row() {
        return row.get();
    }

    public ReadOnlyObjectProperty<MarketRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty secondsLeftProperty() {
        return secondsLeft.getReadOnlyProperty();
    }

    /** "BTC 5m". */
    public String label() {
        MarketRow r = row.get();
        return r.asset().toUpperCase(Locale.ROOT) + " " + r.duration();
    }

    /** Has a trade decision or an open position: what a trader scans for first. */
    public boolean actionable() {
        MarketRow r = row.get();
        return !"NONE".equals(r.decision()) || r.upSharesMicros() != 0 || r.downSharesMicros() != 0;
    }

    @Override
    public String toString() {
        return label() + " " + conditionId;
    }
}
