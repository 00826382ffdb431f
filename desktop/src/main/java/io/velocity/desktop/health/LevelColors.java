package io.velocity.desktop.health;

import javafx.scene.paint.Color;

/** The health palette, shared by tiles and the header strip (the stylesheet mirrors it). */
public final class LevelColors {
    public static final Color OK = Color.web("#3fb950");
    public static final Color WARN = Color.web("#d6a43a");
    public static final Color ALARM = Color.web("#f0524d");
    public static final Color UNKNOWN = Color.web("#6b7686");
    public static final Color TILE = Color.web("#171c24");
    public static final Color TILE_ALARM = Color.web("#3a1a1d");
    public static final Color TEXT = Color.web("#d7dde8");
    public static final Color MUTED = Color.web("#8a94a6");

    private LevelColors() {
    }

    public static Color of(HealthLevel level) {
        return switch (level) {
            case OK -> OK;
            case WARN -> WARN;
            case ALARM -> ALARM;
            case UNKNOWN -> UNKNOWN;
        };
    }

    /** CSS style class for a level ({@code level-ok}, ...). */
    public static String styleClass(HealthLevel level) {
        return "level-" + level.name().toLowerCase(java.util.Locale.ROOT);
    }
}
