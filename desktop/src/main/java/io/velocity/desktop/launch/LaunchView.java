package io.velocity.desktop.launch;

import io.velocity.desktop.session.SessionMode;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The first screen: choose paper on simulated feeds, paper on live feeds or live trading, then
 * Start. Modes that need secrets say so and show the keystore they will open.
 */
public final class LaunchView extends StackPane {
    private final ToggleGroup group = new ToggleGroup();
    private final Map<SessionMode, ToggleButton> cards = new EnumMap<>(SessionMode.class);
    private final Label error = new Label();
    private final Label progressText = new Label();
    private final ProgressIndicator progress = new ProgressIndicator();
    private final Button start = new Button("Start");

    public LaunchView(SessionMode initial, Path keystore, String configDir, Consumer<SessionMode> onStart) {
        getStyleClass().add("launch");
        setId("launch-view");
        Label title = new Label("VELOCITY");
        title.getStyleClass().add("launch-title");
        Label subtitle = new Label("Polymarket crypto Up/Down workstation");
        subtitle.getStyleClass().add("launch-subtitle");

        HBox row = new HBox(16);
        row.setAlignment(Pos.CENTER);
        for (SessionMode m : SessionMode.values()) {
            ToggleButton card = card(m, keystore);
            cards.put(m, card);
            row.getChildren().add(card);
        }
        group.selectToggle(cards.get(initial));
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            }
        });

        start.setId("launch-start");
        start.setDefaultButton(true);
        start.getStyleClass().add("action");
        start.setPrefWidth(180);
        start.setOnAction(e -> onStart.accept(selected()));
        error.setId("launch-error");
        error.getStyleClass().add("launch-error");
        error.setWrapText(true);
        error.setMaxWidth(820);
        error.managedProperty().bind(error.visibleProperty());
        error.setVisible(false);
        progress.setPrefSize(22, 22);
        HBox working = new HBox(10, progress, progressText);
        working.setAlignment(Pos.CENTER);
        working.visibleProperty().bind(progressText.textProperty().isNotEmpty());
        Label config = new Label("Configuration: " + configDir);
        config.getStyleClass().add("muted");

        VBox box = new VBox(18, title, subtitle, row, start, working, error, config);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        getChildren().add(box);
    }

    private ToggleButton card(SessionMode m, Path keystore) {
        Label name = new Label(m.title());
        name.getStyleClass().add("mode-card-title");
        Label text = new Label(m.description());
        text.getStyleClass().add("mode-card-text");
        text.setWrapText(true);
        VBox content = new VBox(8, name, text);
        if (m.needsKeystore()) {
            Label tag = new Label("UNLOCKS THE KEYSTORE");
            tag.getStyleClass().add("mode-card-tag");
            Label path = new Label(keystore.toString());
            path.getStyleClass().add("unlock-path");
            path.setWrapText(true);
            content.getChildren().addAll(tag, path);
        }
        VBox.setVgrow(text, Priority.ALWAYS);
        ToggleButton card = new ToggleButton();
        card.setGraphic(content);
        card.setToggleGroup(group);
        card.getStyleClass().setAll("mode-card", "mode-" + m.mode().name().toLowerCase(Locale.ROOT));
        card.setId("mode-" + m.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        card.setPrefSize(260, 170);
        card.setAlignment(Pos.TOP_LEFT);
        card.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                start.fire();
            }
        });
        return card;
    }

    public SessionMode selected() {
        for (Map.Entry<SessionMode, ToggleButton> e : cards.entrySet()) {
            if (e.getValue().isSelected()) {
                return e.getKey();
            }
        }
        return SessionMode.PAPER_SIM;
    }

    /** Shows why the start failed and lets the trader try again. */
    public void showError(String message) {
        progressText.setText("");
        error.setText(message);
        error.setVisible(true);
        start.setDisable(false);
    }

    /** Shows that the session is starting. */
    public void showProgress(String message) {
        error.setVisible(false);
        progressText.setText(message);
        start.setDisable(true);
    }

    /** Back to choosing (e.g. after a cancelled unlock). */
    public void reset() {
        progressText.setText("");
        start.setDisable(false);
    }
}
