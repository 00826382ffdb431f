package io.velocity.desktop.blotter;

import io.velocity.desktop.export.ExportActions;
import io.velocity.desktop.table.LiveTable;
import io.velocity.engine.EngineSnapshot;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

/** Orders (lifecycle, settlement, rail, latency, trace id) above fills and redemptions; filter, copy, CSV. */
public final class BlotterView extends BorderPane {
    private final BlotterViewModel vm;
    private final LiveTable<OrderItem> orders;
    private final LiveTable<FillItem> fills;
    private final TextField filter = TextFields.createClearableTextField();
    private final SplitPane split = new SplitPane();

    public BlotterView(BlotterViewModel vm, ExportActions exports) {
        this.vm = vm;
        setId("blotter-view");
        getStyleClass().add("blotter-view");
        orders = new LiveTable<>("orders-table", vm.orders(), BlotterColumns.orders());
        fills = new LiveTable<>("fills-table", vm.fills(), BlotterColumns.fills());
        orders.view().getSortOrder().add(orders.view().getColumns().get(1));
        orders.view().getColumns().get(1).setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
        orders.setPlaceholder("No orders yet this session.");
        fills.setPlaceholder("No fills or redemptions yet this session.");
        vm.orderFilterProperty().addListener((o, a, p) -> orders.setFilter(p));
        vm.fillFilterProperty().addListener((o, a, p) -> fills.setFilter(p));

        filter.setId("blotter-filter");
        filter.setPromptText("Filter: trace id, market, state, rail…");
        filter.setPrefColumnCount(24);
        vm.queryProperty().bind(filter.textProperty());
        ToggleButton working = new ToggleButton("Working only");
        working.setId("blotter-working");
        vm.workingOnlyProperty().bind(working.selectedProperty());
        Button copy = new Button("Copy");
        copy.getStyleClass().addAll("flat", "small");
        copy.setTooltip(new Tooltip("Copy the selected rows (Ctrl+C)"));
        copy.setOnAction(e -> (fills.view().isFocused() ? fills : orders).copySelection());
        Label summary = new Label();
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(8, filter, working, copy, spacer, summary);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("view-toolbar");

        split.setId("blotter-split");
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().addAll(
                section("Orders", orders, "orders-export-csv", () -> exports.table("orders", "Orders", orders::rows)),
                section("Fills and redemptions", fills, "fills-export-csv", () -> exports.table("fills", "Fills and redemptions", fills::rows)));
        split.setDividerPositions(0.6);
        setTop(toolbar);
        setCenter(split);
    }

    private static VBox section(String title, LiveTable<?> table, String exportId, Runnable export) {
        Label l = new Label(title);
        l.getStyleClass().add("panel-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button csv = new Button("CSV");
        csv.setId(exportId);
        csv.getStyleClass().addAll("flat", "small");
        csv.setTooltip(new Tooltip("Export the rows as shown"));
        csv.setOnAction(e -> export.run());
        HBox header = new HBox(8, l, spacer, csv);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("panel-header");
        VBox box = new VBox(header, table.view());
        box.getStyleClass().add("table-panel");
        VBox.setVgrow(table.view(), Priority.ALWAYS);
        return box;
    }

    public void onSnapshot(EngineSnapshot s) {
        vm.apply(s);
    }

    public void focusFilter() {
        filter.requestFocus();
    }

    public LiveTable<OrderItem> ordersTable() {
        return orders;
    }

    public LiveTable<FillItem> fillsTable() {
        return fills;
    }

    public SplitPane split() {
        return split;
    }
}
