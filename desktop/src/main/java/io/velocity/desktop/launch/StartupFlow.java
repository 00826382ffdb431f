package io.velocity.desktop.launch;

import io.velocity.config.AppConfig;
import io.velocity.config.ConfigLoader;
import io.velocity.config.ConfigService;
import io.velocity.config.ConfigSources;
import io.velocity.config.ConfigWatcher;
import io.velocity.core.Clock;
import io.velocity.core.VelocityException;
import io.velocity.desktop.fx.DialogSupport;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.session.KeystoreGate;
import io.velocity.desktop.session.SessionFactory;
import io.velocity.desktop.session.SessionMode;
import io.velocity.desktop.session.SessionRequest;
import io.velocity.desktop.session.UnlockedKeystore;
import io.velocity.desktop.session.WorkstationBackend;
import io.velocity.desktop.shell.Workstation;
import io.velocity.desktop.unlock.UnlockDialog;
import io.velocity.desktop.unlock.UnlockViewModel;
import io.velocity.telemetry.HealthRegistry;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * From start to a running workstation: the launch screen (unless the command line chose the
 * mode), the keystore unlock when the mode needs secrets, the configuration for that mode with hot
 * reload, the session started in the background, then the workstation in the same window.
 */
public final class StartupFlow {
    private static final Logger log = LoggerFactory.getLogger(StartupFlow.class);

    /** Everything decided before the window opens. */
    public record Settings(ConfigService initialConfig, HealthRegistry health, boolean modeFromCommandLine) {
    }

    private final Stage stage;
    private final Settings settings;
    private final SessionFactory sessions;
    private final Function<AppConfig, KeystoreGate> keystores;
    private final FxTasks tasks;
    private final Consumer<Workstation> onOpened;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private LaunchView launch;
    private WorkstationBackend backend;
    private Workstation workstation;

    public StartupFlow(Stage stage, Settings settings, SessionFactory sessions, Function<AppConfig, KeystoreGate> keystores,
                       FxTasks tasks, Consumer<Workstation> onOpened) {
        this.stage = stage;
        this.settings = settings;
        this.sessions = sessions;
        this.keystores = keystores;
        this.tasks = tasks;
        this.onOpened = onOpened;
    }

    /** Opens the launch screen, or goes straight on when the command line chose a mode without secrets. */
    public void begin() {
        AppConfig cfg = settings.initialConfig().current().app();
        SessionMode initial = SessionMode.of(cfg.mode(), cfg.feeds());
        launch = new LaunchView(initial, keystores.apply(cfg).path(),
                settings.initialConfig().loader().sources().configDir().toString(), this::choose);
        Scene scene = new Scene(launch, 1100, 680);
        scene.getStylesheets().add(Workstation.STYLESHEET);
        stage.setTitle("Velocity");
        stage.setScene(scene);
        stage.show();
        if (settings.modeFromCommandLine()) {
            choose(initial);
        }
    }

    /** The configuration for {@code mode}: the loaded one when it already is that mode. */
    ConfigService configFor(SessionMode mode) {
        ConfigService initial = settings.initialConfig();
        AppConfig app = initial.current().app();
        if (SessionMode.of(app.mode(), app.feeds()) == mode) {
            return initial;
        }
        ConfigSources base = initial.loader().sources();
        List<String> overrides = new ArrayList<>(base.overrides());
        overrides.addAll(mode.overrides());
        return new ConfigService(new ConfigLoader(new ConfigSources(base.configDir(), base.env(), overrides)), settings.health());
    }

    private void choose(SessionMode mode) {
        ConfigService config;
        try {
            config = configFor(mode);
        } catch (VelocityException e) {
            launch.showError(e.getMessage());
            return;
        }
        UnlockedKeystore keystore = null;
        if (mode.needsKeystore()) {
            KeystoreGate gate = keystores.apply(config.current().app());
            UnlockDialog dialog = new UnlockDialog(new UnlockViewModel(gate, Clock.SYSTEM), tasks,
                    mode.title() + " needs the secrets in your keystore.");
            new DialogSupport(() -> stage, List.of(Workstation.STYLESHEET), () -> { }).prepare(dialog);
            keystore = dialog.showAndWait().orElse(null);
            if (keystore == null) {
                launch.reset();
                return;
            }
        }
        startSession(mode, config, keystore);
    }

    private void startSession(SessionMode mode, ConfigService config, UnlockedKeystore keystore) {
        launch.showProgress("Starting " + mode.title().toLowerCase(java.util.Locale.ROOT) + "…");
        tasks.run(() -> sessions.start(new SessionRequest(mode, config, settings.health(), keystore)), started -> {
            backend = started;
            AppConfig app = config.current().app();
            workstation = new Workstation(started, stage, app.dataDirectory(), tasks);
            workstation.show();
            watch(config);
            if (keystore != null) {
                workstation.status().info("Keystore unlocked: " + keystore.summary());
            }
            onOpened.accept(workstation);
        }, e -> {
            if (keystore != null) {
                keystore.close();
            }
            log.warn("session did not start: {}", e.getMessage());
            launch.showError("Could not start: " + Objects.requireNonNullElse(e.getMessage(), e.getClass().getSimpleName()));
        });
    }

    private void watch(ConfigService config) {
        try {
            closeables.add(new ConfigWatcher(config, Duration.ofMillis(250)).start());
        } catch (IOException e) {
            workstation.status().error("Config hot reload unavailable (" + e.getMessage() + "); edits apply on restart");
        }
    }

    /** Stops the workstation, the session and the config watcher. */
    public void close() {
        if (workstation != null) {
            workstation.stop();
        }
        if (backend != null) {
            backend.close();
        }
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                log.debug("closing {} failed", c, e);
            }
        }
    }

    public Workstation workstation() {
        return workstation;
    }
}
