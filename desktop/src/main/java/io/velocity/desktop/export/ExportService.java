package io.velocity.desktop.export;

import io.velocity.core.AtomicFileWriter;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Turns charts into PNG files and tables into CSV files. Rendering happens on the FX thread (a
 * detached copy of the chart laid out at the requested size); encoding and the atomic write
 * happen on the caller's background thread.
 */
public final class ExportService {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path folder;
    private final List<String> stylesheets;

    /**
     * @param folder      default folder for exports ({@code <dataDir>/exports})
     * @param stylesheets the workstation's stylesheets, so exports look like the screen
     */
    public ExportService(Path folder, List<String> stylesheets) {
        this.folder = folder;
        this.stylesheets = List.copyOf(stylesheets);
    }

    public Path folder() {
        return folder;
    }

    /** A fresh default file name such as {@code equity-20261102-140501.png}. */
    public Path defaultFile(String id, String extension) {
        return folder.resolve(id + "-" + LocalDateTime.now().format(STAMP) + "." + extension);
    }

    /** Renders {@code chart} at {@code width}×{@code height} pixels. FX thread only. */
    public BufferedImage render(ExportableChart chart, int width, int height) {
        Region copy = chart.renderCopy();
        StackPane root = new StackPane(copy);
        root.getStyleClass().add("export-root");
        Scene scene = new Scene(root, width, height);
        scene.getStylesheets().setAll(stylesheets);
        root.applyCss();
        root.layout();
        WritableImage image = scene.snapshot(null);
        return SwingFXUtils.fromFXImage(image, null);
    }

    /** Encodes and writes a PNG atomically; any thread. */
    public static void writePng(BufferedImage image, Path file) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
        AtomicFileWriter.write(file, out.toByteArray(), false, false);
    }

    /** Writes rows as CSV atomically; any thread. */
    public static void writeCsv(List<List<String>> rows, Path file) {
        AtomicFileWriter.write(file, Csv.bytes(rows), false, false);
    }
}
