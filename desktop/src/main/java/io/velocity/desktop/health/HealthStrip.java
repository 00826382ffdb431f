package io.velocity.desktop.health;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compact always-visible health: a coloured dot per feed, rail and store, details on hover. */
public final class HealthStrip extends HBox {
    private static final Map<String, String> SHORT = Map.ofEntries(
            Map.entry("feed-binance", "BINANCE"), Map.entry("feed-clobMarket", "BOOK"), Map.entry("feed-clobUser", "USER"),
            Map.entry("feed-allora", "ALLORA"), Map.entry("feed-gamma", "GAMMA"), Map.entry("rail-a", "RAIL A"),
            Map.entry("rail-b", "RAIL B"), Map.entry("redis", "REDIS"), Map.entry("postgres", "PG"),
            Map.entry("python", "PY"), Map.entry("clock", "CLOCK"));

    private final Map<String, Circle> dots = new HashMap<>();
    private final Map<String, Label> labels = new HashMap<>();
    private final Map<String, TileState> shown = new HashMap<>();

    public HealthStrip() {
        setSpacing(10);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("health-strip");
        setId("health-strip");
    }

    public void apply(List<TileState> states) {
        for (TileState t : states) {
            String name = SHORT.get(t.id());
            if (name == null || t.equals(shown.get(t.id()))) {
                continue;
            }
            shown.put(t.id(), t);
            Circle dot = dots.get(t.id());
            Label label = labels.get(t.id());
            if (dot == null) {
                dot = new Circle(4);
                label = new Label(name, dot);
                label.setId("strip-" + t.id());
                label.getStyleClass().add("strip-item");
                label.setTooltip(new Tooltip());
                dots.put(t.id(), dot);
                labels.put(t.id(), label);
                getChildren().add(label);
            }
            dot.setFill(LevelColors.of(t.level()));
            label.getTooltip().setText(t.title() + ": " + t.text() + (t.detail().isBlank() ? "" : "\n" + t.detail()));
        }
    }
}
