package io.velocity.desktop.health;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health tiles (TilesFX): gauges for clock drift and tick-to-intent p99, a spark line of orders
 * per minute, status tiles for the kill switch, every feed, both rails and the stores. Tiles are
 * created once and updated only when their state changed; every setter runs on the FX thread
 * (TilesFX is not thread-safe).
 */
public final class HealthView extends ScrollPane {
    private static final double W = 244;
    private static final double H = 158;

    private final TilePane trading = section();
    private final TilePane feeds = section();
    private final TilePane services = section();
    private final Map<String, Tile> tiles = new LinkedHashMap<>();
    private final Map<String, StatusFace> faces = new HashMap<>();
    private final Map<String, TileState> shown = new HashMap<>();
    private final Map<String, Tooltip> tips = new HashMap<>();

    public HealthView() {
        setId("health-view");
        getStyleClass().add("health-view");
        VBox content = new VBox(6, title("TRADING"), trading, title("MARKET DATA"), feeds, title("EXECUTION AND SERVICES"), services);
        content.setPadding(new Insets(10, 14, 14, 14));
        setContent(content);
        setFitToWidth(true);
    }

    private static TilePane section() {
        TilePane p = new TilePane();
        p.setHgap(10);
        p.setVgap(10);
        p.setPrefTileWidth(W);
        p.setPrefTileHeight(H);
        return p;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("health-section-title");
        return l;
    }

    private TilePane sectionOf(String id) {
        if (id.startsWith("feed-")) {
            return feeds;
        }
        return switch (id) {
            case "killswitch", "clock", "tick-to-intent", "orders-per-minute" -> trading;
            default -> services;
        };
    }

    /** Applies tile states from {@link HealthViewModel} (FX thread). */
    public void apply(List<TileState> states) {
        for (TileState t : states) {
            Tile tile = tiles.computeIfAbsent(t.id(), id -> create(t));
            if (!t.equals(shown.get(t.id()))) {
                update(tile, t);
                shown.put(t.id(), t);
            }
        }
    }

    private Tile create(TileState t) {
        Tile tile = switch (t.id()) {
            case "clock", "tick-to-intent" -> TileBuilder.create().skinType(Tile.SkinType.GAUGE)
                    .title(t.title()).unit(t.unit()).minValue(0).maxValue(t.max()).threshold(t.threshold())
                    .thresholdVisible(true).decimals(t.id().equals("clock") ? 1 : 2).tickLabelDecimals(0)
                    .textVisible(true).animated(false).build();
            case "orders-per-minute" -> TileBuilder.create().skinType(Tile.SkinType.SPARK_LINE)
                    .title(t.title()).unit("").minValue(0).maxValue(Math.max(10, t.max())).decimals(0)
                    .averagingPeriod(60).animated(false).build();
            default -> {
                StatusFace face = new StatusFace();
                faces.put(t.id(), face);
                yield TileBuilder.create().skinType(Tile.SkinType.CUSTOM).title(t.title()).graphic(face).build();
            }
        };
        tile.setId("tile-" + t.id());
        tile.setPrefSize(W, H);
        tile.setBackgroundColor(LevelColors.TILE);
        tile.setTitleColor(LevelColors.MUTED);
        tile.setForegroundColor(LevelColors.TEXT);
        tile.setDescriptionColor(LevelColors.MUTED);
        tile.setUnitColor(LevelColors.MUTED);
        tile.setValueColor(LevelColors.TEXT);
        tile.setThresholdColor(LevelColors.ALARM);
        tile.setRoundedCorners(true);
        sectionOf(t.id()).getChildren().add(tile);
        Tooltip tip = new Tooltip();
        tips.put(t.id(), tip);
        Tooltip.install(tile, tip);
        return tile;
    }

    private void update(Tile tile, TileState t) {
        tips.get(t.id()).setText(t.title() + ": " + t.text() + (t.detail().isBlank() ? "" : "\n" + t.detail()));
        StatusFace face = faces.get(t.id());
        if (face != null) {
            face.show(t.text(), t.detail(), t.level());
        } else {
            if (!Double.isNaN(t.value())) {
                tile.setValue(Math.min(t.value(), tile.getMaxValue()));
            }
            tile.setMaxValue(Math.max(t.max(), 1));
            tile.setTitle(t.level() == HealthLevel.UNKNOWN && Double.isNaN(t.value()) ? t.title() + " · " + t.detail() : t.title());
            tile.setThreshold(t.threshold());
            tile.setDescription(t.detail());
            tile.setText(t.detail());
            tile.setBarColor(LevelColors.of(t.level()));
            tile.setValueColor(t.level() == HealthLevel.UNKNOWN ? LevelColors.MUTED : LevelColors.of(t.level()));
        }
        tile.setBorderWidth(t.level() == HealthLevel.ALARM ? 2 : 1);
        tile.setBorderColor(t.level() == HealthLevel.ALARM ? LevelColors.ALARM : javafx.scene.paint.Color.web("#262d38"));
        tile.setBackgroundColor(t.level() == HealthLevel.ALARM ? LevelColors.TILE_ALARM : LevelColors.TILE);
        tile.setUserData(t);
    }

    /** The state a tile shows (tests). */
    public TileState state(String id) {
        return shown.get(id);
    }
}
