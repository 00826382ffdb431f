package io.velocity.desktop.configeditor;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.config.Config;
import io.velocity.config.ConfigFile;
import io.velocity.core.ConfigException;
import io.velocity.desktop.fx.DialogSupport;
import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.fx.StatusSink;
import io.velocity.desktop.killswitch.KillSwitchBar;
import io.velocity.desktop.session.ConfigHistoryEntry;
import io.velocity.desktop.session.ConfigProposal;
import io.velocity.desktop.session.ConfigTree;
import io.velocity.desktop.session.ProposalInbox;
import io.velocity.desktop.session.WorkstationBackend;
import io.velocity.engine.EngineSnapshot;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The visual config editor: sections on the left, a typed form generated from the schema in the
 * middle (inline problems from the engine's validator, as you type), review-and-save with a diff,
 * and on the right the history of changes and the meta-brain's proposals to accept or reject.
 */
public final class ConfigEditorView extends SplitPane {
    private static final String ACTOR = KillSwitchBar.ACTOR;

    /** An entry of the section list: a file heading or a section of a file. */
    record Section(ConfigFile file, String path, boolean heading) {
        String title() {
            if (heading) {
                return file.fileName().toUpperCase(Locale.ROOT);
            }
            if (path.isEmpty()) {
                return file == ConfigFile.APP ? "General" : "Strategy";
            }
            StringBuilder sb = new StringBuilder(file == ConfigFile.STRATEGIES ? "Strategy › " : "");
            String[] parts = path.split("\\.");
            for (int i = 0; i < parts.length; i++) {
                sb.append(i > 0 ? " › " : "").append(FieldRow.humanize(parts[i]));
            }
            return sb.toString();
        }
    }

    private final ConfigEditorViewModel vm;
    private final WorkstationBackend backend;
    private final FxTasks tasks;
    private final DialogSupport dialogs;
    private final StatusSink status;
    private final ListView<Section> sections = new ListView<>();
    private final VBox form = new VBox(16);
    private final TextField search = new TextField();
    private final Label statusLabel = new Label();
    private final Label generalProblems = new Label();
    private final PauseTransition debounce = new PauseTransition(Duration.millis(180));
    private final ListView<ConfigHistoryEntry> history = new ListView<>();
    private final ListView<ConfigProposal> proposals = new ListView<>();
    private final VBox proposalDiff = new VBox(4);
    private final Button save = new Button("Review & save…");
    private long validationSeq;
    private boolean validating;
    private long lastGeneration = -1;
    private boolean loaded;

    public ConfigEditorView(ConfigEditorViewModel vm, WorkstationBackend backend, FxTasks tasks, DialogSupport dialogs,
                            StatusSink status) {
        this.vm = vm;
        this.backend = backend;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.status = status;
        setId("config-editor");
        getStyleClass().add("config-editor");

        sections.setId("config-sections");
        sections.getStyleClass().add("config-sections");
        for (ConfigFile file : ConfigFile.values()) {
            sections.getItems().add(new Section(file, "", true));
            for (String s : vm.sections(file)) {
                sections.getItems().add(new Section(file, s, false));
            }
        }
        sections.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().remove("section-file");
                setText(empty || s == null ? null : s.title());
                setDisable(s != null && s.heading());
                if (s != null && s.heading()) {
                    getStyleClass().add("section-file");
                }
            }
        });
        sections.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            if (s != null && s.heading()) {
                sections.getSelectionModel().selectNext();
                return;
            }
            showForm();
        });
        sections.setPrefWidth(220);
        sections.setMinWidth(170);

        search.setId("config-search");
        search.setPromptText("Find a setting…");
        search.textProperty().addListener((o, a, b) -> showForm());
        VBox left = new VBox(8, search, sections);
        left.setPadding(new Insets(8));
        VBox.setVgrow(sections, Priority.ALWAYS);

        ScrollPane scroll = new ScrollPane(form);
        scroll.setFitToWidth(true);
        form.getStyleClass().add("config-form");
        form.setId("config-form");
        statusLabel.setId("config-status");
        statusLabel.getStyleClass().add("config-status");
        statusLabel.textProperty().bind(vm.statusProperty());
        vm.statusKindProperty().addListener((o, a, k) -> {
            statusLabel.getStyleClass().removeAll("pending", "invalid", "applied");
            if (!k.isEmpty()) {
                statusLabel.getStyleClass().add(k);
            }
        });
        generalProblems.getStyleClass().add("field-error");
        generalProblems.setWrapText(true);
        vm.generalProblemsProperty().addListener((o, a, list) -> generalProblems.setText(String.join("\n", list)));
        generalProblems.visibleProperty().bind(generalProblems.textProperty().isNotEmpty());
        generalProblems.managedProperty().bind(generalProblems.visibleProperty());

        Button revert = new Button("Revert");
        revert.setId("config-revert");
        revert.disableProperty().bind(vm.dirtyProperty().not());
        revert.setOnAction(e -> vm.load(vm.raw()));
        save.setId("config-save");
        save.setDefaultButton(false);
        save.getStyleClass().add("action");
        save.setTooltip(new Tooltip("Shows the changes, then writes the files atomically; the engine hot-reloads them"));
        save.setOnAction(e -> review());
        vm.dirtyProperty().addListener((o, a, b) -> refreshSave());
        vm.validProperty().addListener((o, a, b) -> refreshSave());
        refreshSave();
        Label files = new Label(backend.config().loader().pathOf(ConfigFile.APP).getParent().toString());
        files.getStyleClass().add("muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(10, statusLabel, spacer, files, revert, save);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("view-toolbar");
        VBox center = new VBox(toolbar, generalProblems, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        TabPane side = new TabPane(new Tab("History", history), new Tab("Proposals", proposalsPane()));
        side.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        side.setId("config-side");
        history.setId("config-history");
        history.getStyleClass().add("side-list");
        history.setPlaceholder(new Label("No changes this session"));
        history.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ConfigHistoryEntry h, boolean empty) {
                super.updateItem(h, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || h == null ? null : Formats.time(h.atMillis()) + " · generation " + h.generation() + " · "
                        + h.actor() + "\n" + String.join(", ", h.changedPaths()));
            }
        });

        getItems().addAll(left, center, side);
        setDividerPositions(0.17, 0.74);
        SplitPane.setResizableWithParent(left, false);
        SplitPane.setResizableWithParent(side, false);

        for (FieldModel f : vm.fields()) {
            f.valueProperty().addListener((o, a, b) -> scheduleValidation());
        }
        debounce.setOnFinished(e -> validate());
        reload();
        refreshProposals();
    }

    private VBox proposalsPane() {
        proposals.setId("proposals-list");
        proposals.getStyleClass().add("side-list");
        proposals.setPlaceholder(new Label("No proposals waiting"));
        proposals.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(ConfigProposal p, boolean empty) {
                super.updateItem(p, empty);
                setWrapText(true);
                setPrefWidth(0);
                setText(empty || p == null ? null : Formats.time(p.createdMillis()) + " · " + p.source() + " · "
                        + p.file().fileName() + "\n" + p.rationale());
            }
        });
        proposals.getSelectionModel().selectedItemProperty().addListener((o, a, p) -> showProposal(p));
        Button accept = new Button("Accept");
        accept.setId("proposal-accept");
        accept.getStyleClass().add("action");
        accept.disableProperty().bind(proposals.getSelectionModel().selectedItemProperty().isNull());
        accept.setOnAction(e -> acceptProposal(proposals.getSelectionModel().getSelectedItem()));
        Button reject = new Button("Reject…");
        reject.setId("proposal-reject");
        reject.disableProperty().bind(proposals.getSelectionModel().selectedItemProperty().isNull());
        reject.setOnAction(e -> rejectProposal(proposals.getSelectionModel().getSelectedItem()));
        Button refresh = new Button("Refresh");
        refresh.getStyleClass().addAll("flat", "small");
        refresh.setOnAction(e -> refreshProposals());
        HBox buttons = new HBox(8, accept, reject, refresh);
        proposalDiff.setId("proposal-diff");
        proposalDiff.setPadding(new Insets(8));
        Label where = new Label("Inbox: " + backend.proposals().folder());
        where.getStyleClass().add("field-path");
        where.setWrapText(true);
        VBox box = new VBox(8, proposals, proposalDiff, buttons, where);
        box.setPadding(new Insets(8));
        VBox.setVgrow(proposals, Priority.ALWAYS);
        return box;
    }

    private void refreshSave() {
        save.setDisable(!vm.dirtyProperty().get() || !vm.validProperty().get() || validating);
    }

    private void scheduleValidation() {
        if (!loaded) {
            return;
        }
        validating = true;
        refreshSave();
        debounce.playFromStart();
    }

    private void validate() {
        long seq = ++validationSeq;
        ConfigEditorViewModel.Edits edits = vm.edits();
        ConfigEditorViewModel.RawFiles raw = vm.raw();
        tasks.run(() -> vm.validate(raw, edits), v -> {
            if (seq == validationSeq) {
                vm.apply(v);
                validating = false;
                refreshSave();
            }
        }, e -> {
            validating = false;
            status.error("Validation failed: " + e.getMessage());
            refreshSave();
        });
    }

    private void reload() {
        tasks.run(() -> ConfigEditorViewModel.readRaw(backend.config()), raw -> {
            vm.load(raw);
            loaded = true;
            if (sections.getSelectionModel().isEmpty()) {
                sections.getSelectionModel().select(1);
            } else {
                showForm();
            }
        }, e -> status.error("Cannot read the configuration files: " + e.getMessage()));
    }

    private void showForm() {
        List<FieldRow> rows = new ArrayList<>();
        String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
        Section s = sections.getSelectionModel().getSelectedItem();
        Label heading = new Label();
        heading.getStyleClass().add("panel-title");
        for (FieldModel f : vm.fields()) {
            boolean match = q.isEmpty()
                    ? s != null && f.file() == s.file() && f.section().equals(s.path())
                    : (f.fullPath() + " " + f.spec().doc()).toLowerCase(Locale.ROOT).contains(q);
            if (match) {
                rows.add(new FieldRow(f));
            }
        }
        heading.setText(q.isEmpty() ? (s == null ? "" : s.title()) : rows.size() + " settings match “" + search.getText().trim() + "”");
        form.getChildren().setAll(heading);
        form.getChildren().addAll(rows);
    }

    /** Opens a section by its path (e.g. {@code risk}); tests and keyboard users. */
    public void showSection(ConfigFile file, String path) {
        for (Section s : sections.getItems()) {
            if (!s.heading() && s.file() == file && s.path().equals(path)) {
                sections.getSelectionModel().select(s);
                return;
            }
        }
    }

    private void review() {
        List<ConfigEditorViewModel.Change> changes = vm.changes();
        if (changes.isEmpty()) {
            return;
        }
        Dialog<ButtonType> d = new Dialog<>();
        d.setTitle("Review configuration changes");
        d.setHeaderText(changes.size() + " change" + (changes.size() == 1 ? "" : "s") + " will be validated and written; the engine applies them at once");
        ButtonType write = new ButtonType("Save and apply", ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, write);
        d.getDialogPane().setId("config-review");
        GridPane grid = new GridPane();
        grid.setHgap(14);
        grid.setVgap(6);
        grid.addRow(0, bold("File"), bold("Setting"), bold("Now"), bold("New"));
        int r = 1;
        for (ConfigEditorViewModel.Change c : changes) {
            Label from = new Label(c.from().isEmpty() ? "(default)" : c.from());
            from.getStyleClass().add("diff-old");
            Label to = new Label(c.to());
            to.getStyleClass().add("diff-new");
            grid.addRow(r++, new Label(c.file()), new Label(c.path()), from, to);
        }
        d.getDialogPane().setContent(grid);
        dialogs.prepare(d);
        if (d.showAndWait().filter(b -> b == write).isEmpty()) {
            return;
        }
        ConfigEditorViewModel.Edits edits = vm.edits();
        ConfigEditorViewModel.RawFiles raw = vm.raw();
        save.setDisable(true);
        tasks.run(() -> {
            Config c = ConfigEditorViewModel.save(backend, raw, edits, ACTOR);
            return new Object[]{c, ConfigEditorViewModel.readRaw(backend.config())};
        }, res -> {
            Config c = (Config) res[0];
            vm.saved(c, (ConfigEditorViewModel.RawFiles) res[1]);
            showForm();
            refreshHistory();
            status.info("Configuration saved as generation " + c.generation());
        }, e -> {
            if (e instanceof ConfigException ce) {
                vm.apply(vm.validate(raw, edits));
                status.error("Configuration refused: " + (ce.problems().isEmpty() ? ce.getMessage() : ce.problems().get(0)));
            } else {
                status.error("Saving the configuration failed: " + e.getMessage());
            }
            refreshSave();
        });
    }

    private static Label bold(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("field-name");
        return l;
    }

    private void refreshHistory() {
        history.getItems().setAll(backend.configHistory());
    }

    private void refreshProposals() {
        ProposalInbox inbox = backend.proposals();
        tasks.run(inbox::list, listing -> {
            proposals.getItems().setAll(listing.proposals());
            if (!listing.problems().isEmpty()) {
                status.error("Unreadable proposal: " + listing.problems().get(0));
            }
        }, e -> status.error("Cannot read proposals: " + e.getMessage()));
    }

    private void showProposal(ConfigProposal p) {
        proposalDiff.getChildren().clear();
        if (p == null || vm.raw() == null) {
            return;
        }
        var running = backend.config().current().effectiveJson(p.file());
        p.changes().forEach((path, value) -> {
            JsonNode now = ConfigTree.get(running, path);
            Label name = new Label(path);
            name.getStyleClass().add("field-path");
            Label from = new Label("− " + (now == null ? "(absent)" : now.toString()));
            from.getStyleClass().add("diff-old");
            Label to = new Label("+ " + value.toString());
            to.getStyleClass().add("diff-new");
            proposalDiff.getChildren().add(new VBox(1, name, from, to));
        });
    }

    private void acceptProposal(ConfigProposal p) {
        if (p == null) {
            return;
        }
        tasks.run(() -> backend.proposals().accept(p, backend, ACTOR), c -> {
            status.info("Proposal " + p.id() + " accepted: configuration generation " + c.generation());
            refreshProposals();
            refreshHistory();
            reload();
        }, e -> status.error("Proposal " + p.id() + " refused: "
                + (e instanceof ConfigException ce && !ce.problems().isEmpty() ? ce.problems().get(0) : e.getMessage())));
    }

    private void rejectProposal(ConfigProposal p) {
        if (p == null) {
            return;
        }
        TextInputDialog ask = new TextInputDialog();
        ask.setTitle("Reject proposal");
        ask.setHeaderText("Why reject " + p.id() + "? (kept with the proposal)");
        dialogs.prepare(ask).showAndWait().filter(r -> !r.isBlank()).ifPresent(reason ->
                tasks.run(() -> {
                    backend.proposals().reject(p, ACTOR, reason.strip());
                    return p;
                }, x -> {
                    status.info("Proposal " + p.id() + " rejected");
                    refreshProposals();
                }, e -> status.error("Cannot reject " + p.id() + ": " + e.getMessage())));
    }

    /** Engine generation from the snapshot: shows when a save took effect, follows outside edits. */
    public void onSnapshot(EngineSnapshot s) {
        vm.onEngineGeneration(s.configGeneration(), s.timeMillis());
        if (s.configGeneration() != lastGeneration) {
            lastGeneration = s.configGeneration();
            refreshHistory();
            if (loaded && vm.needsReload(s.configGeneration())) {
                reload();
            }
        }
    }
}
