package io.velocity.desktop;

import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.launch.StartupFlow;
import io.velocity.desktop.session.KeystoreFileGate;
import io.velocity.desktop.session.VelocitySessionFactory;
import io.velocity.desktop.session.SessionFactory;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: the startup flow (launch screen, unlock, session) and a clean exit. */
public final class WorkstationApp extends Application {
    private static volatile StartupFlow.Settings settings;
    private static volatile SessionFactory sessionFactory = new VelocitySessionFactory();

    private FxTasks tasks;
    private StartupFlow flow;

    /** Hands the loaded configuration to the FX application before {@code launch}. */
    static void configure(StartupFlow.Settings s) {
        settings = s;
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTasks();
        flow = new StartupFlow(stage, settings, sessionFactory, KeystoreFileGate::forConfig, tasks, ws -> { });
        stage.setOnCloseRequest(e -> Platform.exit());
        flow.begin();
    }

    @Override
    public void stop() {
        if (flow != null) {
            flow.close();
        }
        if (tasks != null) {
            tasks.close();
        }
    }
}
