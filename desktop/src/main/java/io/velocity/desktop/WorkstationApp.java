package io.velocity.desktop;

import io.velocity.config.ConfigService;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.session.LocalSessionFactory;
import io.velocity.desktop.session.SessionFactory;
import io.velocity.desktop.session.SessionMode;
import io.velocity.desktop.session.SessionRequest;
import io.velocity.desktop.session.WorkstationBackend;
import io.velocity.desktop.shell.Workstation;
import io.velocity.telemetry.HealthRegistry;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: starts the session and opens the workstation. */
public final class WorkstationApp extends Application {
    private static volatile ConfigService configService;
    private static volatile HealthRegistry healthRegistry;
    private static volatile SessionFactory sessionFactory = new LocalSessionFactory();

    private FxTasks tasks;
    private WorkstationBackend backend;
    private Workstation workstation;

    /** Hands the loaded configuration to the FX application before {@code launch}. */
    static void configure(ConfigService config, HealthRegistry health) {
        configService = config;
        healthRegistry = health;
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTasks();
        var cfg = configService.current().app();
        SessionMode mode = SessionMode.of(cfg.mode(), cfg.feeds());
        backend = sessionFactory.start(new SessionRequest(mode, configService, healthRegistry, null));
        workstation = new Workstation(backend, stage, cfg.dataDirectory(), tasks);
        stage.setOnCloseRequest(e -> Platform.exit());
        workstation.show();
    }

    @Override
    public void stop() {
        if (workstation != null) {
            workstation.stop();
        }
        if (backend != null) {
            backend.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
