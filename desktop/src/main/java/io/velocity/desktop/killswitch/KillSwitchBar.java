package io.velocity.desktop.killswitch;

import io.velocity.core.InputException;
import io.velocity.desktop.fx.DialogSupport;
import io.velocity.desktop.fx.StatusSink;
import io.velocity.desktop.session.WorkstationBackend;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The always-visible trading controls in the header: Cancel all and Flatten (each confirmed),
 * the large kill switch (instant, no confirmation) and, while halted, Release (reason + confirm).
 */
public final class KillSwitchBar extends HBox {
    public static final String ACTOR = "workstation:" + System.getProperty("user.name", "trader");

    private final WorkstationBackend backend;
    private final KillSwitchViewModel vm;
    private final DialogSupport dialogs;
    private final StatusSink status;
    private final Button kill = new Button("KILL SWITCH");

    public KillSwitchBar(WorkstationBackend backend, KillSwitchViewModel vm, DialogSupport dialogs, StatusSink status) {
        this.backend = backend;
        this.vm = vm;
        this.dialogs = dialogs;
        this.status = status;
        setSpacing(8);
        setAlignment(Pos.CENTER_RIGHT);
        getStyleClass().add("kill-bar");

        Button cancelAll = new Button("Cancel all");
        cancelAll.setId("cancel-all");
        cancelAll.getStyleClass().add("action");
        cancelAll.setTooltip(new Tooltip("Cancel every working order (asks first)"));
        cancelAll.setOnAction(e -> confirmCancelAll());
        Button flatten = new Button("Flatten");
        flatten.setId("flatten");
        flatten.getStyleClass().add("action");
        flatten.setTooltip(new Tooltip("Cancel everything and sell every position at the best bid (asks first)"));
        flatten.setOnAction(e -> confirmFlatten());

        Button release = new Button("Release…");
        release.setId("release");
        release.getStyleClass().add("release");
        release.setTooltip(new Tooltip("Resume trading: needs a reason and a confirmation"));
        release.visibleProperty().bind(vm.haltedProperty());
        release.managedProperty().bind(vm.haltedProperty());
        release.setOnAction(e -> askRelease());

        kill.setId("kill-switch");
        kill.getStyleClass().add("kill-switch");
        kill.setTooltip(new Tooltip("Halt all trading now: no confirmation (Ctrl+Shift+K or F12 from anywhere)"));
        kill.setOnAction(e -> halt("kill switch pressed on the workstation"));
        kill.setFocusTraversable(false);
        vm.haltedProperty().addListener((o, was, halted) -> {
            kill.setText(halted ? "HALTED" : "KILL SWITCH");
            kill.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("halted"), halted);
        });
        getChildren().addAll(cancelAll, flatten, release, kill);
    }

    /** Engages the kill switch at once (button, hotkey, menu). */
    public void halt(String reason) {
        backend.halt(reason);
        vm.apply(backend.killSwitch());
        status.error("Kill switch engaged: " + reason);
    }

    /** Opens the release dialog (only meaningful while halted). */
    public void askRelease() {
        if (!vm.isHalted()) {
            return;
        }
        dialogs.prepare(new ReleaseDialog(vm.engagedProperty().get())).showAndWait().ifPresent(req -> {
            try {
                backend.release(req.layer(), req.reason(), ACTOR);
                status.info("Kill switch release sent (" + (req.layer() == null ? "all layers" : KillSwitchViewModel.layerName(req.layer()))
                        + "): " + req.reason());
            } catch (InputException ex) {
                status.error(ex.getMessage());
            }
        });
    }

    public void confirmCancelAll() {
        if (confirm("Cancel all orders", "Cancel every working order?",
                "Resting ladder orders and any unfilled orders are cancelled on the venue. Positions stay open.",
                "Cancel all orders")) {
            backend.cancelAll("cancel all from the workstation");
            status.info("Cancel all sent");
        }
    }

    public void confirmFlatten() {
        if (confirm("Flatten", "Cancel everything and sell every position?",
                "Every working order is cancelled and every position is sold at the best bid now. "
                        + "Selling into the bid costs the spread.", "Flatten all positions")) {
            backend.flatten("flatten from the workstation");
            status.info("Flatten sent");
        }
    }

    private boolean confirm(String title, String header, String text, String action) {
        ButtonType go = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, go);
        a.setTitle(title);
        a.setHeaderText(header);
        a.getDialogPane().setId("confirm-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        dialogs.prepare(a);
        return a.showAndWait().filter(b -> b == go).isPresent();
    }
}
