package io.velocity.desktop.shell;

import io.velocity.desktop.fx.KillHotkey;
import javafx.scene.control.Alert;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.Map;

/** The menu bar: exports, which screens are shown, trading actions and the keyboard reference. */
final class WorkstationMenu {
    static final String SHORTCUTS = """
            Kill switch (halt at once, no confirmation)   Ctrl+Shift+K  or  F12
            Screens                                       Ctrl+1 … Ctrl+5
            Filter the markets or the blotter             Ctrl+F
            Copy selected rows (tab-separated)            Ctrl+C
            Move between controls                         Tab / Shift+Tab, arrow keys in tables
            Menus                                         F10, then arrow keys
            """;

    private final Workstation ws;

    WorkstationMenu(Workstation ws) {
        this.ws = ws;
    }

    MenuBar bar() {
        MenuItem exportMarkets = new MenuItem("Export markets as CSV…");
        exportMarkets.setOnAction(e -> ws.exports().table("markets", "Markets", ws.markets().table()::rows));
        MenuItem exportOrders = new MenuItem("Export orders as CSV…");
        exportOrders.setOnAction(e -> ws.exports().table("orders", "Orders", ws.blotter().ordersTable()::rows));
        MenuItem exportFills = new MenuItem("Export fills and redemptions as CSV…");
        exportFills.setOnAction(e -> ws.exports().table("fills", "Fills and redemptions", ws.blotter().fillsTable()::rows));
        MenuItem exportResults = new MenuItem("Export per-window results as CSV…");
        exportResults.setOnAction(e -> ws.exports().table("window-results", "Per-window results", ws.financials().resultsTable()::rows));
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> ws.stage().fireEvent(new javafx.stage.WindowEvent(ws.stage(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        Menu file = new Menu("_File", null, exportMarkets, exportOrders, exportFills, exportResults, new SeparatorMenuItem(), quit);

        Menu view = new Menu("_View");
        view.setId("menu-view");
        for (Map.Entry<String, Tab> e : ws.tabById().entrySet()) {
            CheckMenuItem item = new CheckMenuItem(e.getValue().getText());
            item.setId("show-" + e.getKey());
            item.setSelected(true);
            item.selectedProperty().addListener((o, was, on) -> ws.setPanelVisible(e.getKey(), on));
            ws.panelVisibleListener(e.getKey(), item::setSelected);
            view.getItems().add(item);
        }

        MenuItem kill = new MenuItem("Kill switch");
        kill.setAccelerator(KillHotkey.PRIMARY);
        kill.setOnAction(e -> ws.halt("kill switch from the menu"));
        MenuItem release = new MenuItem("Release kill switch…");
        release.setOnAction(e -> ws.killBar().askRelease());
        MenuItem cancelAll = new MenuItem("Cancel all orders…");
        cancelAll.setOnAction(e -> ws.killBar().confirmCancelAll());
        MenuItem flatten = new MenuItem("Flatten all positions…");
        flatten.setOnAction(e -> ws.killBar().confirmFlatten());
        Menu trading = new Menu("_Trading", null, kill, release, new SeparatorMenuItem(), cancelAll, flatten);

        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setAccelerator(new KeyCodeCombination(KeyCode.F1));
        keys.setOnAction(e -> {
            Alert a = new Alert(Alert.AlertType.INFORMATION);
            a.setTitle("Keyboard shortcuts");
            a.setHeaderText("Keyboard shortcuts");
            javafx.scene.control.Label text = new javafx.scene.control.Label(SHORTCUTS);
            text.getStyleClass().add("mono");
            a.getDialogPane().setContent(text);
            ws.dialogs().prepare(a).showAndWait();
        });
        Menu help = new Menu("_Help", null, keys);
        MenuBar bar = new MenuBar(file, view, trading, help);
        bar.setId("menu-bar");
        return bar;
    }
}
