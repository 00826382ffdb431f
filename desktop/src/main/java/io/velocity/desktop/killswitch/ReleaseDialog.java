package io.velocity.desktop.killswitch;

import io.velocity.desktop.fx.Formats;
import io.velocity.risk.HaltLayer;
import io.velocity.risk.KillSwitchState;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;

/**
 * Releasing the kill switch: the trader picks the layer (or all), must give a reason, and
 * confirms with an explicit button. The reason goes to the audit log with the actor.
 */
public final class ReleaseDialog extends Dialog<ReleaseDialog.Request> {
    /** Layer null means every layer. */
    public record Request(HaltLayer layer, String reason) {
    }

    public static final ButtonType RELEASE = new ButtonType("Release and resume trading", ButtonBar.ButtonData.OK_DONE);

    public ReleaseDialog(List<KillSwitchState.Engagement> engaged) {
        setTitle("Release kill switch");
        setHeaderText("Resume automated trading?");
        getDialogPane().setId("release-dialog");
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, RELEASE);

        VBox layers = new VBox(4);
        for (KillSwitchState.Engagement e : engaged) {
            Label l = new Label(KillSwitchViewModel.layerName(e.layer()) + " — " + e.reason() + "  (since "
                    + Formats.time(e.sinceMillis()) + (e.layer().latching() ? ", stays until released)" : ", clears by itself)"));
            l.getStyleClass().add("halt-layer");
            l.setWrapText(true);
            layers.getChildren().add(l);
        }
        ComboBox<HaltLayer> which = new ComboBox<>();
        which.setId("release-layer");
        which.getItems().add(null);
        engaged.forEach(e -> which.getItems().add(e.layer()));
        which.setValue(null);
        which.setConverter(new StringConverter<>() {
            @Override
            public String toString(HaltLayer l) {
                return l == null ? "All layers" : KillSwitchViewModel.layerName(l);
            }

            @Override
            public HaltLayer fromString(String s) {
                return null;
            }
        });
        TextArea reason = new TextArea();
        reason.setId("release-reason");
        reason.setPromptText("Why is it safe to resume? (required, written to the audit log)");
        reason.setPrefRowCount(3);
        reason.setWrapText(true);
        Label warn = new Label("Releasing lets the engine send orders again at once.");
        warn.getStyleClass().add("warning-text");
        VBox box = new VBox(10, new Label("Engaged layers"), layers, new Label("Release"), which,
                new Label("Reason"), reason, warn);
        box.setPadding(new Insets(6, 2, 2, 2));
        box.setPrefWidth(520);
        getDialogPane().setContent(box);
        Button ok = (Button) getDialogPane().lookupButton(RELEASE);
        ok.getStyleClass().add("danger");
        ok.disableProperty().bind(reason.textProperty().isEmpty().or(
                javafx.beans.binding.Bindings.createBooleanBinding(() -> reason.getText().isBlank(), reason.textProperty())));
        setResultConverter(bt -> bt == RELEASE ? new Request(which.getValue(), reason.getText().strip()) : null);
        setOnShown(e -> reason.requestFocus());
    }
}
