package io.velocity.desktop.markets;

import io.velocity.desktop.export.ExportActions;
import io.velocity.desktop.table.LiveTable;
import io.velocity.engine.EngineSnapshot;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;

/**
 * Markets: a live table (sortable, filterable, colour-coded, updated in place) above the detail
 * charts of the selected market.
 */
public final class MarketsView extends BorderPane {
    private static final long DETAIL_REFRESH_NANOS = 250_000_000L;

    private final MarketsViewModel vm;
    private final LiveTable<MarketItem> table;
    private final MarketDetailView detail;
    private final TextField filter = TextFields.createClearableTextField();
    private final SegmentedButton assetButtons = new SegmentedButton();
    private final SplitPane split = new SplitPane();
    private long lastDetailNanos;

    public MarketsView(MarketsViewModel vm, ExportActions exports) {
        this.vm = vm;
        getStyleClass().add("markets-view");
        setId("markets-view");
        table = new LiveTable<>("markets-table", vm.items(), MarketColumns.all());
        table.view().getSelectionModel().setSelectionMode(javafx.scene.control.SelectionMode.SINGLE);
        vm.predicateProperty().addListener((o, a, p) -> table.setFilter(p));
        vm.placeholderProperty().addListener((o, a, t) -> table.setPlaceholder(t));
        table.setPlaceholder(vm.placeholderProperty().get());
        detail = new MarketDetailView(exports);

        filter.setPromptText("Filter: btc 5m snipe…");
        filter.setId("markets-filter");
        filter.setPrefColumnCount(18);
        vm.queryProperty().bind(filter.textProperty());

        assetButtons.setToggleGroup(null);
        assetButtons.getStyleClass().add("asset-filter");
        vm.knownAssetsProperty().addListener((o, a, names) -> rebuildAssetButtons(names));

        ToggleButton actionable = new ToggleButton("Actionable");
        actionable.setId("markets-actionable");
        actionable.setTooltip(new Tooltip("Only markets with a trade decision or a position"));
        vm.actionableOnlyProperty().bind(actionable.selectedProperty());

        Label summary = new Label();
        summary.getStyleClass().add("muted");
        summary.textProperty().bind(vm.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button csv = new Button("CSV");
        csv.getStyleClass().addAll("flat", "small");
        csv.setId("markets-export-csv");
        csv.setTooltip(new Tooltip("Export the table as shown"));
        csv.setOnAction(e -> exports.table("markets", "Markets", table::rows));
        HBox toolbar = new HBox(8, filter, assetButtons, actionable, spacer, summary, csv);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("view-toolbar");

        split.setId("markets-split");
        split.setOrientation(Orientation.VERTICAL);
        split.getItems().addAll(table.view(), detail);
        split.setDividerPositions(0.58);
        SplitPane.setResizableWithParent(detail, false);
        setTop(toolbar);
        setCenter(split);

        table.view().getSelectionModel().selectedItemProperty().addListener((o, a, item) -> refreshDetail());
    }

    private void rebuildAssetButtons(List<String> names) {
        assetButtons.getButtons().clear();
        for (String name : names) {
            ToggleButton b = new ToggleButton(name);
            b.setSelected(vm.assetFilter().contains(name));
            b.selectedProperty().addListener((o, was, on) -> {
                if (on) {
                    vm.assetFilter().add(name);
                } else {
                    vm.assetFilter().remove(name);
                }
            });
            assetButtons.getButtons().add(b);
        }
    }

    /** Applies a snapshot (FX thread, from the pump). */
    public void onSnapshot(EngineSnapshot s) {
        vm.apply(s);
        long now = System.nanoTime();
        if (now - lastDetailNanos >= DETAIL_REFRESH_NANOS) {
            lastDetailNanos = now;
            refreshDetail();
        }
    }

    private void refreshDetail() {
        MarketItem item = table.view().getSelectionModel().getSelectedItem();
        detail.show(item, item == null ? null : vm.history().track(item.conditionId()));
    }

    public void focusFilter() {
        filter.requestFocus();
    }

    public TableView<MarketItem> tableView() {
        return table.view();
    }

    public LiveTable<MarketItem> table() {
        return table;
    }

    public SplitPane split() {
        return split;
    }
}
