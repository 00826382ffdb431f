package io.velocity.desktop.unlock;

import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.session.UnlockedKeystore;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Unlocks the encrypted keystore, or creates one on first use. The password field is masked, a
 * Caps Lock hint appears while it is on, a wrong password gets one message that never says what
 * was wrong, and retries slow down after two failures. The key derivation is slow by design, so
 * it runs in the background with a spinner; the typed characters are copied into an array that
 * is zeroed after use and the field is cleared at once.
 */
public final class UnlockDialog extends Dialog<UnlockedKeystore> {
    private final UnlockViewModel vm;
    private final FxTasks tasks;
    private final PasswordField password = new PasswordField();
    private final PasswordField confirm = new PasswordField();
    private final Label caps = new Label("Caps Lock is on");
    private final ProgressIndicator busy = new ProgressIndicator();
    private final Button ok;
    private final Label title = new Label();
    private final Label explain = new Label();
    private final Timeline countdown = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
    private boolean working;

    public UnlockDialog(UnlockViewModel vm, FxTasks tasks, String why) {
        this.vm = vm;
        this.tasks = tasks;
        setTitle("Velocity keystore");
        getDialogPane().setId("unlock-dialog");
        ButtonType go = new ButtonType("Unlock", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, go);
        ok = (Button) getDialogPane().lookupButton(go);
        ok.setId("unlock-ok");
        ok.setDefaultButton(true);

        title.getStyleClass().add("unlock-title");
        explain.getStyleClass().add("muted");
        explain.setWrapText(true);
        Label path = new Label(vm.gate().path().toString());
        path.setId("unlock-path");
        path.getStyleClass().add("unlock-path");
        password.setId("unlock-password");
        password.setPromptText("Password");
        confirm.setId("unlock-confirm");
        confirm.setPromptText("Repeat the password");
        caps.setId("unlock-caps");
        caps.getStyleClass().add("unlock-hint");
        caps.setVisible(false);
        caps.managedProperty().bind(caps.visibleProperty());
        Label error = new Label();
        error.setId("unlock-error");
        error.getStyleClass().add("unlock-error");
        error.setWrapText(true);
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        busy.setPrefSize(18, 18);
        busy.setVisible(false);
        Label whyLabel = new Label(why);
        whyLabel.getStyleClass().add("muted");
        whyLabel.setWrapText(true);

        VBox box = new VBox(10, title, whyLabel, new VBox(2, new Label("Keystore file"), path), explain, password, confirm,
                new HBox(8, busy, caps), error);
        box.getStyleClass().add("unlock");
        box.setPadding(new Insets(4, 4, 4, 4));
        box.setPrefWidth(460);
        getDialogPane().setContent(box);

        getDialogPane().addEventFilter(KeyEvent.ANY, e -> updateCaps(e));
        password.focusedProperty().addListener((o, a, b) -> updateCaps(null));
        ok.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            submit();
        });
        vm.createModeProperty().addListener((o, a, b) -> layoutMode());
        password.textProperty().addListener((o, a, b) -> refresh());
        confirm.textProperty().addListener((o, a, b) -> refresh());
        setResultConverter(bt -> null);
        setOnShown(e -> password.requestFocus());
        setOnHidden(e -> countdown.stop());
        countdown.setCycleCount(Timeline.INDEFINITE);
        layoutMode();
    }

    private void layoutMode() {
        boolean create = vm.createModeProperty().get();
        title.setText(create ? "Create a keystore" : "Unlock the keystore");
        explain.setText(create
                ? "No keystore exists yet. Choose a password of at least " + vm.gate().minPasswordLength()
                + " characters: it encrypts your keys on this machine and cannot be recovered."
                : "Enter the password that protects your keys.");
        confirm.setVisible(create);
        confirm.setManaged(create);
        ok.setText(create ? "Create keystore" : "Unlock");
        password.clear();
        confirm.clear();
        refresh();
        Platform.runLater(password::requestFocus);
    }

    private void updateCaps(KeyEvent e) {
        // Not every platform can tell (an empty answer hides the hint).
        boolean on = Platform.isKeyLocked(KeyCode.CAPS).orElse(false);
        caps.setVisible(on && (password.isFocused() || confirm.isFocused()));
    }

    private void refresh() {
        vm.tick();
        long wait = vm.waitMillis();
        if (wait > 0) {
            countdown.play();
        } else {
            countdown.stop();
        }
        boolean create = vm.createModeProperty().get();
        ok.setDisable(working || wait > 0 || password.getLength() == 0 || (create && confirm.getLength() == 0));
    }

    private static char[] take(PasswordField f) {
        // Copy without creating a String, then clear the field so the text is not kept in the control.
        CharSequence cs = f.getCharacters();
        char[] out = new char[cs.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = cs.charAt(i);
        }
        f.clear();
        return out;
    }

    private void submit() {
        if (working) {
            return;
        }
        working = true;
        busy.setVisible(true);
        refresh();
        if (vm.createModeProperty().get()) {
            char[] pw = take(password);
            char[] again = take(confirm);
            tasks.run(() -> java.util.Optional.ofNullable(vm.create(pw, again)), problem -> {
                done();
                vm.onCreated(problem.orElse(null));
            }, err -> {
                done();
                vm.onCreated(err.getMessage());
            });
            return;
        }
        char[] pw = take(password);
        tasks.run(() -> vm.unlock(pw), result -> {
            done();
            vm.onResult(result);
            if (result.keystore() != null) {
                setResult(result.keystore());
                close();
            } else {
                refresh();
                password.requestFocus();
            }
        }, err -> {
            done();
            vm.onResult(new UnlockViewModel.Result(null, false, "Unlock failed: " + err.getMessage()));
        });
    }

    private void done() {
        working = false;
        busy.setVisible(false);
        refresh();
    }
}
