package io.velocity.desktop.shell;

import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.fx.StatusSink;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The bottom line: the last message (info or error) and the engine/UI pulse. */
public final class StatusBar extends HBox implements StatusSink {
    private final Label message = new Label("Ready");
    private final Label pulse = new Label();

    public StatusBar() {
        getStyleClass().add("status-bar");
        setId("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(12);
        message.setId("status-message");
        message.getStyleClass().add("status-message");
        pulse.getStyleClass().add("muted");
        pulse.setId("status-pulse");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(message, spacer, pulse);
    }

    @Override
    public void info(String text) {
        message.getStyleClass().remove("error");
        message.setText(Formats.time(System.currentTimeMillis()) + "  " + text);
    }

    @Override
    public void error(String text) {
        if (!message.getStyleClass().contains("error")) {
            message.getStyleClass().add("error");
        }
        message.setText(Formats.time(System.currentTimeMillis()) + "  " + text);
    }

    void setPulse(String text) {
        if (!text.equals(pulse.getText())) {
            pulse.setText(text);
        }
    }
}
