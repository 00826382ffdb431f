package io.velocity.desktop.export;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A chart with its title and PNG/CSV export buttons. */
public final class ChartPanel extends VBox {
    private final Label subtitle = new Label();

    public ChartPanel(ExportableChart chart, ExportActions exports) {
        getStyleClass().add("chart-panel");
        setId(chart.id() + "-panel");
        Label title = new Label(chart.title());
        title.getStyleClass().add("panel-title");
        subtitle.getStyleClass().add("panel-subtitle");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button png = new Button("PNG");
        png.setId(chart.id() + "-export-png");
        png.getStyleClass().addAll("flat", "small");
        png.setTooltip(new Tooltip("Export a snapshot of this chart at a chosen size"));
        png.setOnAction(e -> exports.png(chart));
        Button csv = new Button("CSV");
        csv.setId(chart.id() + "-export-csv");
        csv.getStyleClass().addAll("flat", "small");
        csv.setTooltip(new Tooltip("Export this chart's data"));
        csv.setOnAction(e -> exports.csv(chart));
        HBox header = new HBox(8, title, subtitle, spacer, png, csv);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        getChildren().addAll(header, chart.node());
        VBox.setVgrow(chart.node(), Priority.ALWAYS);
    }

    /** Small grey text beside the title (e.g. the market and its window). */
    public void setSubtitle(String text) {
        if (!text.equals(subtitle.getText())) {
            subtitle.setText(text);
        }
    }
}
