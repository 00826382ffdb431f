package io.velocity.desktop.fx;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;
import java.util.function.Supplier;

/**
 * Makes every secondary window part of the workstation: the dark stylesheet, the owner window
 * (so dialogs centre on it and stay on top) and the kill-switch hotkeys.
 */
public final class DialogSupport {
    private final Supplier<Window> owner;
    private final List<String> stylesheets;
    private final Runnable halt;

    public DialogSupport(Supplier<Window> owner, List<String> stylesheets, Runnable halt) {
        this.owner = owner;
        this.stylesheets = List.copyOf(stylesheets);
        this.halt = halt;
    }

    public <R> Dialog<R> prepare(Dialog<R> dialog) {
        Window w = owner.get();
        if (w != null && dialog.getOwner() == null) {
            dialog.initOwner(w);
        }
        dialog.getDialogPane().getStylesheets().addAll(stylesheets);
        dialog.getDialogPane().getStyleClass().add("velocity-dialog");
        dialog.getDialogPane().sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                KillHotkey.install(scene, halt);
            }
        });
        if (dialog.getDialogPane().getScene() != null) {
            KillHotkey.install(dialog.getDialogPane().getScene(), halt);
        }
        return dialog;
    }

    /** Styles a scene of a separate stage and gives it the hotkeys. */
    public void decorate(Stage stage, Scene scene) {
        scene.getStylesheets().addAll(stylesheets);
        KillHotkey.install(scene, halt);
        Window w = owner.get();
        if (w != null && stage.getOwner() == null && w != stage) {
            stage.initOwner(w);
        }
    }
}
