package io.velocity.desktop.export;

import io.velocity.desktop.fx.Formats;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A line chart over time (x in epoch milliseconds) whose data lives in a small model of primitive
 * arrays: the on-screen chart receives only appended points (no redraw of thousands of nodes per
 * frame), and an export builds a fresh chart from the same model at any size.
 */
public final class TimeSeriesChart implements ExportableChart {
    private final String id;
    private final String title;
    private final String yLabel;
    private final DoubleFunction<String> yFormat;
    private final List<Series> series = new ArrayList<>();
    private final LineChart<Number, Number> chart;
    private final Label empty = new Label();
    private final StackPane node;
    private double xLo = Double.NaN;
    private double xHi = Double.NaN;
    private double yLo = Double.NaN;
    private double yHi = Double.NaN;

    public TimeSeriesChart(String id, String title, String yLabel, DoubleFunction<String> yFormat) {
        this.id = id;
        this.title = title;
        this.yLabel = yLabel;
        this.yFormat = yFormat;
        this.chart = newChart();
        empty.getStyleClass().add("chart-empty");
        empty.setMouseTransparent(true);
        this.node = new StackPane(chart, empty);
        node.getStyleClass().add("time-chart");
        refreshEmpty();
    }

    /** One line or marker series; points are appended in time order. */
    public final class Series {
        private final String name;
        private final String cssClass;
        private final boolean markers;
        private double[] xs = new double[64];
        private double[] ys = new double[64];
        private String[] labels;
        private int size;
        private final XYChart.Series<Number, Number> live = new XYChart.Series<>();

        private Series(String name, String cssClass, boolean markers) {
            this.name = name;
            this.cssClass = cssClass;
            this.markers = markers;
            this.labels = markers ? new String[64] : null;
            live.setName(name);
        }

        /** Appends a point (a label shows as the marker's tooltip). */
        public void add(double x, double y, String label) {
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return;
            }
            if (size == xs.length) {
                xs = Arrays.copyOf(xs, size * 2);
                ys = Arrays.copyOf(ys, size * 2);
                if (labels != null) {
                    labels = Arrays.copyOf(labels, size * 2);
                }
            }
            xs[size] = x;
            ys[size] = y;
            if (labels != null) {
                labels[size] = label;
            }
            size++;
            live.getData().add(point(x, y, label));
            refreshEmpty();
        }

        public void add(double x, double y) {
            add(x, y, null);
        }

        /** Replaces every point (e.g. when another market is selected). */
        public void setAll(double[] x, double[] y, String[] pointLabels, int n) {
            size = 0;
            List<XYChart.Data<Number, Number>> data = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(x[i]) || Double.isNaN(y[i])) {
                    continue;
                }
                if (size == xs.length) {
                    xs = Arrays.copyOf(xs, Math.max(n, size * 2));
                    ys = Arrays.copyOf(ys, xs.length);
                    if (labels != null) {
                        labels = Arrays.copyOf(labels, xs.length);
                    }
                }
                xs[size] = x[i];
                ys[size] = y[i];
                String label = pointLabels == null ? null : pointLabels[i];
                if (labels != null) {
                    labels[size] = label;
                }
                size++;
                data.add(point(x[i], y[i], label));
            }
            live.getData().setAll(data);
            refreshEmpty();
        }

        public void clear() {
            size = 0;
            live.getData().clear();
            refreshEmpty();
        }

        public int size() {
            return size;
        }

        public String name() {
            return name;
        }

        private XYChart.Data<Number, Number> point(double x, double y, String label) {
            XYChart.Data<Number, Number> d = new XYChart.Data<>(x, y);
            if (markers) {
                d.setNode(markerNode(cssClass, label));
            }
            return d;
        }

        private XYChart.Series<Number, Number> copy() {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(name);
            for (int i = 0; i < size; i++) {
                s.getData().add(point(xs[i], ys[i], labels == null ? null : labels[i]));
            }
            return s;
        }
    }

    private static Node markerNode(String cssClass, String label) {
        Region r = new Region();
        r.getStyleClass().addAll("marker", cssClass);
        if (label != null) {
            Tooltip.install(r, new Tooltip(label));
        }
        return r;
    }

    /** Adds a line series; series order decides its colour (chart palette in the stylesheet). */
    public Series addLine(String name, String cssClass) {
        return add(new Series(name, cssClass, false));
    }

    /** Adds a series drawn as markers only (orders, fills). */
    public Series addMarkers(String name, String cssClass) {
        return add(new Series(name, cssClass, true));
    }

    private Series add(Series s) {
        series.add(s);
        attach(chart, s.live, s);
        return s;
    }

    private static void attach(LineChart<Number, Number> chart, XYChart.Series<Number, Number> fx, Series s) {
        chart.getData().add(fx);
        if (fx.getNode() != null) {
            fx.getNode().getStyleClass().add(s.cssClass);
            if (s.markers) {
                fx.getNode().getStyleClass().add("markers-only");
            }
        }
    }

    /** Fixed time range (e.g. a market's window); NaN for automatic. */
    public void setXRange(double lo, double hi) {
        xLo = lo;
        xHi = hi;
        applyRange(chart);
    }

    /** Fixed value range; NaN for automatic. */
    public void setYRange(double lo, double hi) {
        yLo = lo;
        yHi = hi;
        applyRange(chart);
    }

    /** Text shown over the chart while it has no data. */
    public void setEmptyMessage(String text) {
        empty.setText(text);
        refreshEmpty();
    }

    private void refreshEmpty() {
        boolean none = series.stream().allMatch(s -> s.size == 0);
        empty.setVisible(none && empty.getText() != null && !empty.getText().isEmpty());
        // An empty chart with made-up tick labels reads as data; show a clean frame instead.
        chart.getXAxis().setTickLabelsVisible(!none);
        chart.getYAxis().setTickLabelsVisible(!none);
    }

    private LineChart<Number, Number> newChart() {
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        x.setForceZeroInRange(false);
        y.setForceZeroInRange(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return Formats.time(n.longValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        y.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return yFormat.apply(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return 0;
            }
        });
        y.setLabel(yLabel);
        x.setMinorTickVisible(false);
        y.setMinorTickVisible(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setLegendVisible(true);
        c.getStyleClass().add("time-series-chart");
        c.setId(id + "-chart");
        return c;
    }

    private void applyRange(LineChart<Number, Number> c) {
        NumberAxis x = (NumberAxis) c.getXAxis();
        NumberAxis y = (NumberAxis) c.getYAxis();
        boolean fixedX = !Double.isNaN(xLo) && !Double.isNaN(xHi) && xHi > xLo;
        x.setAutoRanging(!fixedX);
        if (fixedX) {
            x.setLowerBound(xLo);
            x.setUpperBound(xHi);
            x.setTickUnit(niceTimeTick(xHi - xLo));
        }
        boolean fixedY = !Double.isNaN(yLo) && !Double.isNaN(yHi) && yHi > yLo;
        y.setAutoRanging(!fixedY);
        if (fixedY) {
            y.setLowerBound(yLo);
            y.setUpperBound(yHi);
            y.setTickUnit((yHi - yLo) / 5);
        }
    }

    private static double niceTimeTick(double spanMillis) {
        double[] steps = {5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000};
        for (double s : steps) {
            if (spanMillis / s <= 8) {
                return s;
            }
        }
        return 7_200_000;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String title() {
        return title;
    }

    @Override
    public Node node() {
        return node;
    }

    @Override
    public Region renderCopy() {
        LineChart<Number, Number> c = newChart();
        c.setTitle(title);
        for (Series s : series) {
            attach(c, s.copy(), s);
        }
        applyRange(c);
        return c;
    }

    @Override
    public List<List<String>> csvRows() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("series", "time_utc", "epoch_ms", "value", "label"));
        for (Series s : series) {
            for (int i = 0; i < s.size; i++) {
                rows.add(List.of(s.name, Formats.iso((long) s.xs[i]), Long.toString((long) s.xs[i]),
                        Double.toString(s.ys[i]), s.labels == null || s.labels[i] == null ? "" : s.labels[i]));
            }
        }
        return rows;
    }
}
