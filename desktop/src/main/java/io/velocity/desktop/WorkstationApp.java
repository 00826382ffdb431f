package io.velocity.desktop;

import io.velocity.config.Config;
import io.velocity.config.ConfigService;
import io.velocity.telemetry.HealthRegistry;
import io.velocity.telemetry.HealthStatus;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.util.Locale;
import java.util.Map;

/**
 * The workstation window. Until the trading panels land it shows the active configuration and
 * the health model, refreshed on the FX pulse (never by pushing from other threads).
 */
public final class WorkstationApp extends Application {
    private static volatile ConfigService configService;
    private static volatile HealthRegistry healthRegistry;

    /** Hands the loaded configuration to the FX application before {@code launch}. */
    static void configure(ConfigService config, HealthRegistry health) {
        configService = config;
        healthRegistry = health;
    }

    @Override
    public void start(Stage stage) {
        Config cfg = configService.current();
        Label title = new Label("Velocity");
        title.getStyleClass().add("title");
        Label mode = new Label(cfg.app().mode().name() + " · " + cfg.app().feeds().name().toLowerCase(Locale.ROOT) + " feeds");
        mode.getStyleClass().add("mode-badge");
        HBox header = new HBox(16, title, mode);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(12, 16, 12, 16));
        header.getStyleClass().add("header");

        Label markets = new Label();
        Label health = new Label();
        health.getStyleClass().add("mono");
        VBox body = new VBox(12, markets, health);
        body.setPadding(new Insets(16));

        BorderPane root = new BorderPane(body);
        root.setTop(header);
        Scene scene = new Scene(root, 1100, 700);
        scene.getStylesheets().add(WorkstationApp.class.getResource("velocity.css").toExternalForm());

        new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (now - last < 250_000_000L) {
                    return;
                }
                last = now;
                Config c = configService.current();
                markets.setText("Markets: " + String.join(", ", c.app().markets().assets()).toUpperCase(Locale.ROOT)
                        + " · windows " + String.join(", ", c.app().markets().durations())
                        + " · config generation " + c.generation());
                StringBuilder sb = new StringBuilder("Health\n");
                for (Map.Entry<String, HealthStatus> e : healthRegistry.snapshot().entrySet()) {
                    sb.append(String.format("  %-16s %-9s %s%n", e.getKey(), e.getValue().state(), e.getValue().detail()));
                }
                health.setText(sb.toString());
            }
        }.start();

        stage.setTitle("Velocity — " + cfg.app().mode().name().toLowerCase(Locale.ROOT));
        stage.setScene(scene);
        stage.show();
    }
}
