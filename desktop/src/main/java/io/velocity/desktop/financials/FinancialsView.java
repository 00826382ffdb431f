package io.velocity.desktop.financials;

import io.velocity.desktop.export.ChartPanel;
import io.velocity.desktop.export.ExportActions;
import io.velocity.desktop.export.TimeSeriesChart;
import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.table.ColumnSpec;
import io.velocity.desktop.table.LiveTable;
import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.PnlPoint;
import io.velocity.engine.WindowResult;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Bankroll, PnL, fees and redemptions; equity and PnL over time; PnL by window; per-window results. */
public final class FinancialsView extends BorderPane {
    private static final long CHART_REFRESH_NANOS = 1_000_000_000L;

    private final FinancialsViewModel vm;
    private final Map<String, Label> kpiValues = new HashMap<>();
    private final Map<String, String> kpiStyles = new HashMap<>();
    private final HBox kpiRow = new HBox(10);
    private final TimeSeriesChart equity = new TimeSeriesChart("equity", "Equity (intraday)", "USD", v -> Formats.usd(Math.round(v * 1e6)));
    private final TimeSeriesChart pnl = new TimeSeriesChart("pnl", "PnL (intraday)", "USD", v -> Formats.signedUsd(Math.round(v * 1e6)));
    private final TimeSeriesChart.Series equityLine = equity.addLine("Equity", "series-equity");
    private final TimeSeriesChart.Series realizedLine = pnl.addLine("Realized", "series-realized");
    private final TimeSeriesChart.Series unrealizedLine = pnl.addLine("Unrealized", "series-unrealized");
    private final TimeSeriesChart.Series totalLine = pnl.addLine("Total", "series-total");
    private final WindowPnlChart windows = new WindowPnlChart();
    private final LiveTable<WindowResultItem> results;
    private final SplitPane split = new SplitPane();
    private final SplitPane lower = new SplitPane();
    private long lastChartNanos;

    public FinancialsView(FinancialsViewModel vm, ExportActions exports) {
        this.vm = vm;
        setId("financials-view");
        getStyleClass().add("financials-view");
        kpiRow.getStyleClass().add("kpi-row");
        kpiRow.setId("kpi-row");
        vm.kpisProperty().addListener((o, a, list) -> showKpis(list));
        equity.setEmptyMessage("The equity curve starts with the first point (every 5 s of engine time)");
        pnl.setEmptyMessage("No PnL points yet");

        results = new LiveTable<>("results-table", vm.results(), columns());
        results.setPlaceholder("No window has resolved with a position yet.");

        HBox charts = new HBox(8, new ChartPanel(equity, exports), new ChartPanel(pnl, exports));
        charts.getChildren().forEach(n -> HBox.setHgrow(n, Priority.ALWAYS));
        charts.getStyleClass().add("chart-row");
        ChartPanel windowsPanel = new ChartPanel(windows, exports);

        Label title = new Label("Per-window results");
        title.getStyleClass().add("panel-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button csv = new Button("CSV");
        csv.setId("results-export-csv");
        csv.getStyleClass().addAll("flat", "small");
        csv.setTooltip(new Tooltip("Export the per-window results"));
        csv.setOnAction(e -> exports.table("window-results", "Per-window results", results::rows));
        HBox header = new HBox(8, title, spacer, csv);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        VBox table = new VBox(header, results.view());
        table.getStyleClass().add("table-panel");
        VBox.setVgrow(results.view(), Priority.ALWAYS);

        lower.setId("financials-lower-split");
        lower.getItems().addAll(windowsPanel, table);
        lower.setDividerPositions(0.45);
        split.setId("financials-split");
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().addAll(charts, lower);
        split.setDividerPositions(0.5);
        setTop(kpiRow);
        setCenter(split);
    }

    private static ColumnSpec<WindowResultItem, WindowResult> c(String id, String title) {
        return ColumnSpec.of(id, title, WindowResultItem::rowProperty);
    }

    private static List<ColumnSpec<WindowResultItem, ?>> columns() {
        return List.of(
                c("close", "Window close").width(100).text(r -> Formats.time(r.windowEndMillis()))
                        .csv(r -> Formats.iso(r.windowEndMillis())).sortBy(Comparator.comparingLong(WindowResult::windowEndMillis)),
                c("market", "Market").width(212).text(WindowResult::slug).sortBy(Comparator.comparing(WindowResult::slug)),
                c("asset", "Asset").width(56).text(r -> r.asset().toUpperCase(Locale.ROOT)).sortBy(Comparator.comparing(WindowResult::asset)),
                c("resolved", "Resolved").width(72).text(r -> r.resolvedUp() ? "UP" : "DOWN")
                        .style(r -> r.resolvedUp() ? "side-up" : "side-down").sortBy(Comparator.comparing(WindowResult::resolvedUp)),
                c("cost", "Cost").width(80).numeric().text(r -> Formats.usd(r.costMicros()))
                        .csv(r -> Double.toString(r.costMicros() / 1e6)).sortBy(Comparator.comparingLong(WindowResult::costMicros)),
                c("payout", "Payout").width(80).numeric().text(r -> Formats.usd(r.payoutMicros()))
                        .csv(r -> Double.toString(r.payoutMicros() / 1e6)).sortBy(Comparator.comparingLong(WindowResult::payoutMicros)),
                c("pnl", "PnL").width(80).numeric().text(r -> Formats.signedUsd(r.pnlMicros()))
                        .csv(r -> Double.toString(r.pnlMicros() / 1e6))
                        .style(r -> r.pnlMicros() > 0 ? "pos" : r.pnlMicros() < 0 ? "neg" : null)
                        .sortBy(Comparator.comparingLong(WindowResult::pnlMicros)),
                c("fees", "Fees").width(70).numeric().text(r -> Formats.usd(r.feesMicros()))
                        .csv(r -> Double.toString(r.feesMicros() / 1e6)).sortBy(Comparator.comparingLong(WindowResult::feesMicros)));
    }

    private void showKpis(List<Kpi> list) {
        for (Kpi k : list) {
            Label value = kpiValues.get(k.id());
            if (value == null) {
                Label caption = new Label(k.label());
                caption.getStyleClass().add("kpi-label");
                value = new Label();
                value.setId("kpi-" + k.id());
                value.getStyleClass().add("kpi-value");
                VBox card = new VBox(2, caption, value);
                card.getStyleClass().add("kpi-card");
                Tooltip.install(card, new Tooltip(k.hint()));
                HBox.setHgrow(card, Priority.ALWAYS);
                card.setMaxWidth(Double.MAX_VALUE);
                kpiRow.getChildren().add(card);
                kpiValues.put(k.id(), value);
            }
            if (!k.value().equals(value.getText())) {
                value.setText(k.value());
            }
            String old = kpiStyles.get(k.id());
            if (!java.util.Objects.equals(old, k.style())) {
                if (old != null) {
                    value.getStyleClass().remove(old);
                }
                if (k.style() != null) {
                    value.getStyleClass().add(k.style());
                }
                kpiStyles.put(k.id(), k.style());
            }
        }
    }

    public void onSnapshot(EngineSnapshot s) {
        vm.apply(s);
        long now = System.nanoTime();
        if (now - lastChartNanos < CHART_REFRESH_NANOS) {
            return;
        }
        lastChartNanos = now;
        for (PnlPoint p : vm.drainNewPoints()) {
            equityLine.add(p.timeMillis(), p.equityMicros() / 1e6);
            realizedLine.add(p.timeMillis(), p.realizedMicros() / 1e6);
            unrealizedLine.add(p.timeMillis(), p.unrealizedMicros() / 1e6);
            totalLine.add(p.timeMillis(), (p.realizedMicros() + p.unrealizedMicros()) / 1e6);
        }
        if (vm.takeResultsChanged()) {
            windows.show(vm.windowBars());
        }
    }

    public SplitPane split() {
        return split;
    }

    public SplitPane lowerSplit() {
        return lower;
    }

    public LiveTable<WindowResultItem> resultsTable() {
        return results;
    }
}
