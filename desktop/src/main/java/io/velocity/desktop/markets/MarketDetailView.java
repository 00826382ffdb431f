package io.velocity.desktop.markets;

import io.velocity.desktop.export.ChartPanel;
import io.velocity.desktop.export.ExportActions;
import io.velocity.desktop.export.TimeSeriesChart;
import io.velocity.desktop.fx.Formats;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The selected market over its window: Binance price against the window open, and fair against
 * implied P(up) with our orders and fills as markers. Redrawn from {@link MarketHistory}: a new
 * selection loads the whole track, later frames append only the new points.
 */
final class MarketDetailView extends HBox {
    private final TimeSeriesChart price = new TimeSeriesChart("market-price", "Binance price vs open", "USD", Formats::price);
    private final TimeSeriesChart prob = new TimeSeriesChart("market-probability", "Fair vs implied P(up)", "P(up)",
            v -> String.format(java.util.Locale.ROOT, "%.0f%%", v * 100));
    private final TimeSeriesChart.Series spot = price.addLine("Binance", "series-spot");
    private final TimeSeriesChart.Series open = price.addLine("Window open", "series-open");
    private final TimeSeriesChart.Series fair = prob.addLine("Fair P(up)", "series-fair");
    private final TimeSeriesChart.Series implied = prob.addLine("Implied P(up) · Up mid", "series-implied");
    private final TimeSeriesChart.Series orders = prob.addMarkers("Our orders", "marker-order");
    private final TimeSeriesChart.Series fills = prob.addMarkers("Fills", "marker-fill");
    private final ChartPanel pricePanel;
    private final ChartPanel probPanel;
    private MarketHistory.Track shown;
    private long shownVersion = -1;
    private int renderedPoints;
    private int renderedMarkers;

    MarketDetailView(ExportActions exports) {
        getStyleClass().add("market-detail");
        setSpacing(8);
        pricePanel = new ChartPanel(price, exports);
        probPanel = new ChartPanel(prob, exports);
        prob.setYRange(0, 1);
        price.setEmptyMessage("Select a market to see its window");
        prob.setEmptyMessage("Select a market to see its window");
        getChildren().addAll(pricePanel, probPanel);
        HBox.setHgrow(pricePanel, Priority.ALWAYS);
        HBox.setHgrow(probPanel, Priority.ALWAYS);
        pricePanel.setPrefWidth(400);
        probPanel.setPrefWidth(400);
    }

    /** Shows {@code track} (null clears). */
    void show(MarketItem item, MarketHistory.Track track) {
        if (track != shown) {
            shown = track;
            shownVersion = -1;
        }
        if (item == null || track == null) {
            clear();
            return;
        }
        String sub = item.label() + " · " + Formats.hourMinute(track.windowStart()) + "–" + Formats.hourMinute(track.windowEnd());
        pricePanel.setSubtitle(sub);
        probPanel.setSubtitle(sub);
        if (track.version() == shownVersion) {
            return;
        }
        boolean reload = shownVersion < 0 || track.version() - shownVersion >= MarketHistory.MAX_POINTS
                || renderedPoints > track.size() || renderedMarkers > track.markers().size();
        if (reload) {
            reload(track);
        } else {
            append(track);
        }
        shownVersion = track.version();
    }

    private void clear() {
        shown = null;
        shownVersion = -1;
        renderedPoints = 0;
        renderedMarkers = 0;
        for (TimeSeriesChart.Series s : new TimeSeriesChart.Series[]{spot, open, fair, implied, orders, fills}) {
            s.clear();
        }
        pricePanel.setSubtitle("");
        probPanel.setSubtitle("");
        price.setXRange(Double.NaN, Double.NaN);
        prob.setXRange(Double.NaN, Double.NaN);
    }

    private void reload(MarketHistory.Track t) {
        int n = t.size();
        double[] x = new double[n];
        double[] s = new double[n];
        double[] f = new double[n];
        double[] im = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = t.time(i);
            s[i] = t.spot(i);
            f[i] = t.fairUp(i);
            im[i] = t.impliedUp(i);
        }
        spot.setAll(x, s, null, n);
        fair.setAll(x, f, null, n);
        implied.setAll(x, im, null, n);
        renderedPoints = n;
        orders.clear();
        fills.clear();
        renderedMarkers = 0;
        appendMarkers(t);
        drawOpen(t);
        price.setXRange(t.windowStart(), t.windowEnd());
        prob.setXRange(t.windowStart(), t.windowEnd());
    }

    private void append(MarketHistory.Track t) {
        for (int i = renderedPoints; i < t.size(); i++) {
            spot.add(t.time(i), t.spot(i));
            fair.add(t.time(i), t.fairUp(i));
            implied.add(t.time(i), t.impliedUp(i));
        }
        renderedPoints = t.size();
        appendMarkers(t);
        if (open.size() == 0) {
            drawOpen(t);
        }
    }

    private void appendMarkers(MarketHistory.Track t) {
        var list = t.markers();
        for (int i = renderedMarkers; i < list.size(); i++) {
            MarketHistory.Marker m = list.get(i);
            (m.kind() == MarketHistory.MarkerKind.FILL ? fills : orders).add(m.timeMillis(), m.pUp(), m.label());
        }
        renderedMarkers = list.size();
    }

    private void drawOpen(MarketHistory.Track t) {
        if (t.open() > 0) {
            open.setAll(new double[]{t.windowStart(), t.windowEnd()}, new double[]{t.open(), t.open()}, null, 2);
        } else {
            open.clear();
        }
    }
}
