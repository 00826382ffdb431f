package io.velocity.desktop.health;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** The face of a status tile: a large state word in the level's colour and a detail line. */
final class StatusFace extends VBox {
    private final Label state = new Label();
    private final Label detail = new Label();
    private HealthLevel level;

    StatusFace() {
        getStyleClass().add("status-face");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(4);
        state.getStyleClass().add("status-state");
        detail.getStyleClass().add("status-detail");
        detail.setWrapText(true);
        getChildren().addAll(state, detail);
    }

    void show(String text, String detailText, HealthLevel next) {
        if (!text.equals(state.getText())) {
            state.setText(text);
        }
        if (!detailText.equals(detail.getText())) {
            detail.setText(detailText);
        }
        if (next != level) {
            if (level != null) {
                state.getStyleClass().remove(LevelColors.styleClass(level));
            }
            state.getStyleClass().add(LevelColors.styleClass(next));
            level = next;
        }
    }

    String stateText() {
        return state.getText();
    }
}
