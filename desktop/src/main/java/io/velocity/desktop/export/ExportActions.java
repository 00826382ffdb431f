package io.velocity.desktop.export;

import io.velocity.desktop.fx.DialogSupport;
import io.velocity.desktop.fx.FxTasks;
import io.velocity.desktop.fx.StatusSink;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/** The Export buttons' behaviour: ask where (and how big), render on the FX thread, write in the background. */
public final class ExportActions {
    private final ExportService service;
    private final DialogSupport dialogs;
    private final FxTasks tasks;
    private final StatusSink status;

    public ExportActions(ExportService service, DialogSupport dialogs, FxTasks tasks, StatusSink status) {
        this.service = service;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.status = status;
    }

    public ExportService service() {
        return service;
    }

    /** Asks for a file and a size, then writes a PNG of {@code chart}. */
    public void png(ExportableChart chart) {
        dialogs.prepare(ExportDialog.png(chart.title(), service.defaultFile(chart.id(), "png")))
                .showAndWait().ifPresent(req -> writePng(chart, req.file(), req.width(), req.height()));
    }

    /** Writes a PNG of {@code chart} without asking. */
    public void writePng(ExportableChart chart, Path file, int width, int height) {
        BufferedImage image = service.render(chart, width, height);
        tasks.run(() -> {
            ExportService.writePng(image, file);
            return file;
        }, f -> status.info("Saved " + chart.title() + " as " + f), e -> status.error("PNG export failed: " + e.getMessage()));
    }

    /** Asks for a file, then writes the chart's data as CSV. */
    public void csv(ExportableChart chart) {
        table(chart.id(), chart.title() + " data", chart::csvRows);
    }

    /** Asks for a file, then writes {@code rows} (header first) as CSV. */
    public void table(String id, String what, Supplier<List<List<String>>> rows) {
        dialogs.prepare(ExportDialog.csv(what, service.defaultFile(id, "csv")))
                .showAndWait().ifPresent(req -> writeCsv(what, rows.get(), req.file()));
    }

    /** Writes rows as CSV without asking. */
    public void writeCsv(String what, List<List<String>> rows, Path file) {
        tasks.run(() -> {
            ExportService.writeCsv(rows, file);
            return file;
        }, f -> status.info("Saved " + what + " (" + (rows.size() - 1) + " rows) as " + f),
                e -> status.error("CSV export failed: " + e.getMessage()));
    }
}
