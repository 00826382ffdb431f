package io.velocity.desktop.fx;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The global kill-switch hotkeys: Ctrl+Shift+K (⌘⇧K on macOS) and F12. Installed as an event
 * filter on every window's scene, so it fires before any control (a focused text field, an open
 * dialog) can consume the key.
 */
public final class KillHotkey {
    public static final KeyCombination PRIMARY =
            new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    public static final KeyCombination SECONDARY = new KeyCodeCombination(KeyCode.F12);
    private static final Object MARK = new Object();

    private KillHotkey() {
    }

    /** Installs the hotkeys on {@code scene} once; {@code halt} runs on the FX thread. */
    public static void install(Scene scene, Runnable halt) {
        if (scene.getProperties().containsKey(MARK)) {
            return;
        }
        scene.getProperties().put(MARK, Boolean.TRUE);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (PRIMARY.match(e) || SECONDARY.match(e)) {
                e.consume();
                halt.run();
            }
        });
    }
}
