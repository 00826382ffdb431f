package io.velocity.desktop.screenshots;

import io.velocity.config.ConfigService;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.shell.Workstation;
import io.velocity.desktop.support.PaperSession;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README screenshots: the application's paper session on the venue simulator (time
 * compressed so windows resolve and the PnL curves have a shape), then one PNG per screen from
 * the scene itself. Run under a real (virtual) display:
 * {@code docs/screenshots/take.sh} (xvfb-run).
 */
public final class ScreenshotRunner {
    private ScreenshotRunner() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots");
        long warmupSeconds = args.length > 1 ? Long.parseLong(args[1]) : 75;
        Files.createDirectories(out);
        // The application's own paper session: embedded stores, the venue simulator at 10x (windows
        // resolve within the warm-up, so PnL, fills and redemptions exist), the real feeds, the engine.
        PaperSession paper = new PaperSession("risk.maxOrdersPerMinute=600", "risk.maxTickToIntentLatency=1s",
                "risk.dailyLossLimitUsd=5000", "risk.maxConsecutiveLosses=50", "security.kdfMemoryKiB=1024",
                "security.kdfIterations=1");
        var backend = paper.backend;
        Path configDir = paper.configDir;
        Path dataDir = paper.dataDir;
        ConfigService config = paper.config;
        Platform.startup(() -> { });
        FxTasks tasks = new FxTasks();
        Workstation[] ws = new Workstation[1];
        onFx(() -> {
            Stage stage = new Stage();
            ws[0] = new Workstation(backend, stage, dataDir, tasks);
            stage.setWidth(1600);
            stage.setHeight(960);
            ws[0].show();
        });
        TimeUnit.SECONDS.sleep(warmupSeconds);
        launchAndUnlock(config, configDir, out, tasks);
        for (String tab : new String[]{"markets", "financials", "blotter", "health", "config"}) {
            onFx(() -> {
                ws[0].select(tab);
                if (tab.equals("markets")) {
                    selectLongestHeldMarket(ws[0]);
                }
                if (tab.equals("config")) {
                    ws[0].configEditor().showSection(io.velocity.config.ConfigFile.APP, "risk");
                }
            });
            if (tab.equals("config")) {
                TimeUnit.MILLISECONDS.sleep(500);
                onFx(() -> {
                    var field = (javafx.scene.control.TextField) ws[0].scene().lookup("#field-risk-maxOrderUsd");
                    field.setText("-5");
                    var kelly = (javafx.scene.control.TextField) ws[0].scene().lookup("#field-risk-dailyLossLimitUsd");
                    kelly.setText("300");
                });
            }
            TimeUnit.MILLISECONDS.sleep(1500);
            save(ws[0], out.resolve(tab + ".png"));
        }
        onFx(() -> ws[0].halt("kill switch pressed on the workstation"));
        TimeUnit.MILLISECONDS.sleep(800);
        onFx(() -> {
            ws[0].select("markets");
            selectLongestHeldMarket(ws[0]);
        });
        TimeUnit.MILLISECONDS.sleep(800);
        save(ws[0], out.resolve("halted.png"));
        onFx(() -> ws[0].stop());
        paper.close();
        tasks.close();
        Platform.exit();
        System.exit(0);
    }

    /** The launch screen and the unlock dialog after a wrong password, on their own windows. */
    private static void launchAndUnlock(ConfigService config, Path configDir, Path out, FxTasks tasks) throws Exception {
        var app = config.current().app();
        var gate = io.velocity.desktop.session.KeystoreFileGate.forConfig(app);
        gate.create("hunter22!".toCharArray());
        Stage[] stage = new Stage[1];
        onFx(() -> {
            var launch = new io.velocity.desktop.launch.LaunchView(io.velocity.desktop.session.SessionMode.PAPER_SIM,
                    gate.path(), configDir.toString(), m -> { });
            javafx.scene.Scene scene = new javafx.scene.Scene(launch, 1280, 720);
            scene.getStylesheets().add(Workstation.STYLESHEET);
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
        });
        TimeUnit.MILLISECONDS.sleep(700);
        save(stage[0].getScene(), out.resolve("launch.png"));
        var vm = new io.velocity.desktop.unlock.UnlockViewModel(gate, io.velocity.core.Clock.SYSTEM);
        io.velocity.desktop.unlock.UnlockDialog[] dialog = new io.velocity.desktop.unlock.UnlockDialog[1];
        onFx(() -> {
            dialog[0] = new io.velocity.desktop.unlock.UnlockDialog(vm, tasks, "Paper · live feeds needs the secrets in your keystore.");
            new io.velocity.desktop.fx.DialogSupport(() -> stage[0], java.util.List.of(Workstation.STYLESHEET), () -> { })
                    .prepare(dialog[0]);
            vm.onResult(vm.unlock("wrong".toCharArray()));
            dialog[0].show();
            ((javafx.scene.control.PasswordField) dialog[0].getDialogPane().lookup("#unlock-password")).setText("hunter2");
        });
        TimeUnit.MILLISECONDS.sleep(700);
        save(dialog[0].getDialogPane().getScene(), out.resolve("unlock.png"));
        onFx(() -> {
            dialog[0].setResult(null);
            dialog[0].close();
            stage[0].close();
        });
    }

    /**
     * Selects the held market whose window has run longest (its charts have the most history),
     * the longer window on a tie; the first row when nothing is held.
     */
    private static void selectLongestHeldMarket(Workstation w) {
        var t = w.markets().tableView();
        t.getItems().stream()
                .filter(i -> i.row().upSharesMicros() + i.row().downSharesMicros() > 0)
                .min(java.util.Comparator.<io.velocity.desktop.markets.MarketItem>comparingLong(i -> i.row().windowStartMillis())
                        .thenComparing(i -> -i.row().windowEndMillis()))
                .ifPresentOrElse(i -> t.getSelectionModel().select(i), () -> t.getSelectionModel().select(0));
    }

    private static void save(Workstation w, Path file) throws Exception {
        save(w.scene(), file);
    }

    private static void save(javafx.scene.Scene scene, Path file) throws Exception {
        CompletableFuture<WritableImage> img = new CompletableFuture<>();
        Platform.runLater(() -> img.complete(scene.snapshot(null)));
        var buffered = SwingFXUtils.fromFXImage(img.get(10, TimeUnit.SECONDS), null);
        // PNG without alpha is smaller and looks the same (the window is opaque).
        var rgb = new java.awt.image.BufferedImage(buffered.getWidth(), buffered.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(buffered, 0, 0, null);
        if (!ImageIO.write(rgb, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
        System.out.println("wrote " + file + " (" + Files.size(file) / 1024 + " KB)");
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        done.get(10, TimeUnit.SECONDS);
    }
}
