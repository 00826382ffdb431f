package io.velocity.desktop.financials;

import io.velocity.desktop.export.ExportableChart;
import io.velocity.desktop.fx.Formats;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.List;

/** PnL per window close as bars, green above zero and red below. */
final class WindowPnlChart implements ExportableChart {
    private final BarChart<String, Number> chart = newChart();
    private final Label empty = new Label("No window has resolved with a position yet");
    private final StackPane node = new StackPane(chart, empty);
    private List<FinancialsViewModel.WindowBar> bars = List.of();

    WindowPnlChart() {
        empty.getStyleClass().add("chart-empty");
        empty.setMouseTransparent(true);
    }

    private static BarChart<String, Number> newChart() {
        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel("USD");
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.signedUsd(Math.round(n.doubleValue() * 1e6));
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        BarChart<String, Number> c = new BarChart<>(x, y);
        c.setAnimated(false);
        c.setLegendVisible(false);
        c.setCategoryGap(3);
        c.getStyleClass().add("window-pnl-chart");
        return c;
    }

    void show(List<FinancialsViewModel.WindowBar> next) {
        bars = List.copyOf(next);
        fill(chart, bars);
        empty.setVisible(bars.isEmpty());
    }

    private static void fill(BarChart<String, Number> c, List<FinancialsViewModel.WindowBar> bars) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName("PnL per window");
        List<XYChart.Data<String, Number>> data = new ArrayList<>();
        for (FinancialsViewModel.WindowBar b : bars) {
            data.add(new XYChart.Data<>(b.label(), b.pnlMicros() / 1e6));
        }
        s.getData().setAll(data);
        c.getData().setAll(List.of(s));
        for (int i = 0; i < data.size(); i++) {
            Node n = data.get(i).getNode();
            if (n != null) {
                FinancialsViewModel.WindowBar b = bars.get(i);
                n.getStyleClass().add(b.pnlMicros() >= 0 ? "bar-pos" : "bar-neg");
                Tooltip.install(n, new Tooltip(b.label() + ": " + Formats.signedUsd(b.pnlMicros()) + " over "
                        + b.markets() + " market" + (b.markets() == 1 ? "" : "s")));
            }
        }
    }

    @Override
    public String id() {
        return "window-pnl";
    }

    @Override
    public String title() {
        return "PnL by window";
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public Region renderCopy() {
        BarChart<String, Number> c = newChart();
        c.setTitle(title());
        fill(c, bars);
        return c;
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("window_close_utc", "window", "markets", "pnl_usd"));
        for (FinancialsViewModel.WindowBar b : bars) {
            rows.add(List.of(Formats.iso(b.windowEndMillis()), b.label(), Integer.toString(b.markets()),
                    Double.toString(b.pnlMicros() / 1e6)));
        }
        return rows;
    }
}
