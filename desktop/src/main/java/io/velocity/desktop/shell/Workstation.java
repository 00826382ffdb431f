package io.velocity.desktop.shell;

import io.velocity.desktop.blotter.BlotterView;
import io.velocity.desktop.blotter.BlotterViewModel;
import io.velocity.desktop.configeditor.ConfigEditorView;
import io.velocity.desktop.configeditor.ConfigEditorViewModel;
import io.velocity.desktop.export.ExportActions;
import io.velocity.desktop.export.ExportService;
import io.velocity.desktop.financials.FinancialsView;
import io.velocity.desktop.financials.FinancialsViewModel;
import io.velocity.desktop.fx.DialogSupport;
import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.fx.KillHotkey;
import io.velocity.desktop.fx.SnapshotPump;
import io.velocity.desktop.health.HealthStrip;
import io.velocity.desktop.health.HealthView;
import io.velocity.desktop.health.HealthViewModel;
import io.velocity.desktop.health.TileState;
import io.velocity.desktop.killswitch.KillSwitchBar;
import io.velocity.desktop.killswitch.KillSwitchViewModel;
import io.velocity.desktop.markets.MarketsView;
import io.velocity.desktop.markets.MarketsViewModel;
import io.velocity.desktop.session.WorkstationBackend;
import io.velocity.desktop.workspace.WorkspaceBinder;
import io.velocity.desktop.workspace.WorkspaceState;
import io.velocity.desktop.workspace.WorkspaceStore;
import javafx.scene.control.SplitPane;
import io.velocity.engine.EngineSnapshot;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The main window: header (mode, engine clock, health strip, trading controls with the kill
 * switch), the halted banner, the screens as tabs, and the status line. Everything on screen is
 * fed by one {@link SnapshotPump}.
 */
public final class Workstation {
    /** Snapshot frames per second at most; the engine publishes at most every 50 ms. */
    public static final int MAX_HZ = 20;
    public static final String STYLESHEET = Workstation.class.getResource("/io/velocity/desktop/velocity.css").toExternalForm();

    private final WorkstationBackend backend;
    private final Stage stage;
    private final SnapshotPump pump;
    private final FxTasks tasks;
    private final StatusBar status = new StatusBar();
    private final DialogSupport dialogs;
    private final ExportActions exports;
    private final KillSwitchViewModel killVm = new KillSwitchViewModel();
    private final KillSwitchBar killBar;
    private final HealthViewModel healthVm = new HealthViewModel();
    private final HealthView health = new HealthView();
    private final HealthStrip strip = new HealthStrip();
    private final MarketsView markets;
    private final FinancialsView financials;
    private final BlotterView blotter;
    private final ConfigEditorView configEditor;
    private final TabPane tabs = new TabPane();
    private final Map<String, Tab> tabById = new LinkedHashMap<>();
    private final Map<String, List<java.util.function.Consumer<Boolean>>> visibilityListeners = new java.util.HashMap<>();
    private final BorderPane root = new BorderPane();
    private final Label modeBadge = new Label("…");
    private final Label clock = new Label(Formats.NONE);
    private final Scene scene;
    private final WorkspaceStore workspace;

    public Workstation(WorkstationBackend backend, Stage stage, Path dataDir, FxTasks tasks) {
        this.backend = backend;
        this.stage = stage;
        this.tasks = tasks;
        this.pump = new SnapshotPump(backend, MAX_HZ);
        this.workspace = new WorkspaceStore(dataDir.resolve("workspace.json"));
        this.dialogs = new DialogSupport(() -> stage, List.of(STYLESHEET), () -> halt("kill switch hotkey on the workstation"));
        this.exports = new ExportActions(new ExportService(dataDir.resolve("exports"), List.of(STYLESHEET)), dialogs, tasks, status);
        this.killBar = new KillSwitchBar(backend, killVm, dialogs, status);
        this.markets = new MarketsView(new MarketsViewModel(), exports);
        this.financials = new FinancialsView(new FinancialsViewModel(), exports);
        this.blotter = new BlotterView(new BlotterViewModel(), exports);
        this.configEditor = new ConfigEditorView(new ConfigEditorViewModel(backend.config()), backend, tasks, dialogs, status);

        addTab("markets", "Markets", markets);
        addTab("financials", "Financials", financials);
        addTab("blotter", "Blotter", blotter);
        addTab("health", "Health", health);
        addTab("config", "Config", configEditor);
        tabs.setId("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        root.getStyleClass().add("workstation");
        root.setId("workstation");
        root.setTop(new VBox(new WorkstationMenu(this).bar(), header(), haltBanner()));
        root.setCenter(tabs);
        root.setBottom(status);
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(1440, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(STYLESHEET);
        KillHotkey.install(scene, () -> halt("kill switch hotkey on the workstation"));
        installShortcuts();

        pump.onKillSwitch(ks -> {
            killVm.apply(ks);
            root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("halted"), ks.halted());
        });
        pump.onSnapshot(this::onSnapshot);
        onSnapshotMissing();
    }

    private void addTab(String id, String title, Node content) {
        Tab t = new Tab(title, content);
        t.setId("tab-" + id);
        tabById.put(id, t);
        tabs.getTabs().add(t);
    }

    private HBox header() {
        Label title = new Label("VELOCITY");
        title.getStyleClass().add("brand");
        modeBadge.setId("mode-badge");
        modeBadge.getStyleClass().add("mode-badge");
        clock.setId("engine-clock");
        clock.getStyleClass().add("engine-clock");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(14, title, modeBadge, clock, strip, spacer, killBar);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("header");
        return header;
    }

    private HBox haltBanner() {
        Label text = new Label();
        text.setId("halt-banner-text");
        text.textProperty().bind(killVm.headlineProperty());
        text.getStyleClass().add("halt-text");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button release = new Button("Release…");
        release.setId("banner-release");
        release.getStyleClass().add("release");
        release.setOnAction(e -> killBar.askRelease());
        HBox banner = new HBox(12, text, spacer, release);
        banner.setId("halt-banner");
        banner.getStyleClass().add("halt-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(killVm.haltedProperty());
        banner.managedProperty().bind(killVm.haltedProperty());
        return banner;
    }

    private void installShortcuts() {
        int i = 1;
        for (Tab t : tabById.values()) {
            KeyCombination k = new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i)), KeyCombination.SHORTCUT_DOWN);
            String id = t.getId().substring("tab-".length());
            scene.getAccelerators().put(k, () -> select(id));
            i++;
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            Tab t = tabs.getSelectionModel().getSelectedItem();
            if (t == tabById.get("markets")) {
                markets.focusFilter();
            } else if (t == tabById.get("blotter")) {
                blotter.focusFilter();
            }
        });
    }

    private void onSnapshotMissing() {
        List<TileState> tiles = healthVm.tiles(null, backend.config().current().app());
        health.apply(tiles);
        strip.apply(tiles);
    }

    private void onSnapshot(EngineSnapshot s) {
        String mode = s.mode().toUpperCase(Locale.ROOT) + " · " + s.feeds().toUpperCase(Locale.ROOT) + " FEEDS";
        if (!mode.equals(modeBadge.getText())) {
            modeBadge.setText(mode);
            modeBadge.getStyleClass().removeAll("mode-paper", "mode-live", "mode-replay");
            modeBadge.getStyleClass().add("mode-" + s.mode().toLowerCase(Locale.ROOT));
        }
        clock.setText(Formats.time(s.timeMillis()));
        markets.onSnapshot(s);
        financials.onSnapshot(s);
        blotter.onSnapshot(s);
        configEditor.onSnapshot(s);
        List<TileState> tiles = healthVm.tiles(s, backend.config().current().app());
        health.apply(tiles);
        strip.apply(tiles);
        status.setPulse(String.format(Locale.ROOT, "snapshot #%d · config generation %d · UI %.1f ms/frame",
                s.sequence(), s.configGeneration(), pump.lastApplyNanos() / 1e6));
    }

    /** Engages the kill switch at once. */
    public void halt(String reason) {
        killBar.halt(reason);
        root.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("halted"), true);
    }

    /** Shows the window with the remembered layout and starts the pulse. */
    public void show() {
        WorkspaceState state = workspace.load();
        stage.setTitle("Velocity");
        stage.setScene(scene);
        WorkspaceBinder.apply(state.window(), stage);
        stage.show();
        applyLayout(state);
        pump.start();
    }

    /** Stops the pulse and remembers the layout (the caller closes the backend). */
    public void stop() {
        pump.stop();
        try {
            workspace.save(captureLayout());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Workstation.class).warn("workspace layout not saved: {}", e.getMessage());
        }
    }

    private Map<String, SplitPane> splits() {
        Map<String, SplitPane> m = new LinkedHashMap<>();
        for (SplitPane p : List.of(markets.split(), financials.split(), financials.lowerSplit(), blotter.split(), configEditor)) {
            m.put(p.getId(), p);
        }
        return m;
    }

    private Map<String, javafx.scene.control.TableView<?>> tables() {
        Map<String, javafx.scene.control.TableView<?>> m = new LinkedHashMap<>();
        for (javafx.scene.control.TableView<?> t : List.of(markets.tableView(), blotter.ordersTable().view(),
                blotter.fillsTable().view(), financials.resultsTable().view())) {
            m.put(t.getId(), t);
        }
        return m;
    }

    /** The layout as it is now (window, screens, splits, columns). */
    public WorkspaceState captureLayout() {
        Map<String, double[]> dividers = new LinkedHashMap<>();
        splits().forEach((id, p) -> dividers.put(id, WorkspaceBinder.dividers(p)));
        Map<String, WorkspaceState.Table> tableStates = new LinkedHashMap<>();
        tables().forEach((id, t) -> tableStates.put(id, WorkspaceBinder.table(t)));
        java.util.Set<String> hidden = new java.util.LinkedHashSet<>();
        tabById.keySet().forEach(id -> {
            if (!isPanelVisible(id)) {
                hidden.add(id);
            }
        });
        Tab selected = tabs.getSelectionModel().getSelectedItem();
        return new WorkspaceState(WorkspaceBinder.window(stage), selected == null ? null : selected.getId().substring(4),
                hidden, dividers, tableStates);
    }

    private void applyLayout(WorkspaceState state) {
        state.hiddenPanels().forEach(id -> setPanelVisible(id, false));
        Map<String, SplitPane> splitPanes = splits();
        state.dividers().forEach((id, pos) -> {
            SplitPane p = splitPanes.get(id);
            if (p != null) {
                WorkspaceBinder.apply(pos, p);
            }
        });
        Map<String, javafx.scene.control.TableView<?>> tableViews = tables();
        state.tables().forEach((id, t) -> {
            javafx.scene.control.TableView<?> view = tableViews.get(id);
            if (view != null) {
                WorkspaceBinder.apply(t, view);
            }
        });
        if (state.selectedTab() != null && isPanelVisible(state.selectedTab())) {
            select(state.selectedTab());
        }
    }

    public Scene scene() {
        return scene;
    }

    public Stage stage() {
        return stage;
    }

    public SnapshotPump pump() {
        return pump;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Selects a screen by id: markets, financials, blotter, health, config (showing it if hidden). */
    public void select(String id) {
        Tab t = tabById.get(id);
        if (t != null) {
            setPanelVisible(id, true);
            tabs.getSelectionModel().select(t);
        }
    }

    /** Shows or hides a screen; the last visible one cannot be hidden. */
    public void setPanelVisible(String id, boolean visible) {
        Tab t = tabById.get(id);
        if (t == null) {
            return;
        }
        boolean present = tabs.getTabs().contains(t);
        if (visible && !present) {
            int index = 0;
            for (Map.Entry<String, Tab> e : tabById.entrySet()) {
                if (e.getKey().equals(id)) {
                    break;
                }
                if (tabs.getTabs().contains(e.getValue())) {
                    index++;
                }
            }
            tabs.getTabs().add(index, t);
        } else if (!visible && present && tabs.getTabs().size() > 1) {
            tabs.getTabs().remove(t);
        }
        boolean now = tabs.getTabs().contains(t);
        visibilityListeners.getOrDefault(id, List.of()).forEach(l -> l.accept(now));
    }

    public boolean isPanelVisible(String id) {
        Tab t = tabById.get(id);
        return t != null && tabs.getTabs().contains(t);
    }

    void panelVisibleListener(String id, java.util.function.Consumer<Boolean> l) {
        visibilityListeners.computeIfAbsent(id, k -> new java.util.ArrayList<>()).add(l);
    }

    public Map<String, Tab> tabById() {
        return tabById;
    }

    public MarketsView markets() {
        return markets;
    }

    public FinancialsView financials() {
        return financials;
    }

    public BlotterView blotter() {
        return blotter;
    }

    public ConfigEditorView configEditor() {
        return configEditor;
    }

    public KillSwitchBar killBar() {
        return killBar;
    }

    public HealthView health() {
        return health;
    }

    public StatusBar status() {
        return status;
    }

    public ExportActions exports() {
        return exports;
    }

    public DialogSupport dialogs() {
        return dialogs;
    }

    public FxTasks tasks() {
        return tasks;
    }

    public WorkstationBackend backend() {
        return backend;
    }
}
