package io.velocity.desktop.export;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.FileChooser;

import java.nio.file.Path;

/**
 * Asks where to write an export and, for pictures, at what size. The file path is a text field
 * (with a Browse button) so keyboard users and tests need no native file chooser.
 */
public final class ExportDialog extends Dialog<ExportDialog.Request> {

    /** The trader's answer. Width and height are 0 for a CSV export. */
    public record Request(Path file, int width, int height) {
    }

    private static final String[] PRESETS = {"1280 × 720", "1600 × 900", "1920 × 1080", "2560 × 1440", "3840 × 2160"};

    private ExportDialog(String heading, Path suggested, boolean picture, String extension) {
        setTitle(picture ? "Export chart as PNG" : "Export data as CSV");
        setHeaderText(heading);
        getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, ButtonType.OK);
        getDialogPane().setId("export-dialog");

        TextField path = new TextField(suggested.toString());
        path.setId("export-path");
        path.setPrefColumnCount(36);
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialDirectory(suggested.toAbsolutePath().getParent().toFile().exists()
                    ? suggested.toAbsolutePath().getParent().toFile() : null);
            fc.setInitialFileName(suggested.getFileName().toString());
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase() + " files", "*." + extension));
            java.io.File chosen = fc.showSaveDialog(getDialogPane().getScene().getWindow());
            if (chosen != null) {
                path.setText(chosen.getPath());
            }
        });
        HBox pathRow = new HBox(6, path, browse);
        HBox.setHgrow(path, Priority.ALWAYS);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 4, 4));
        grid.getColumnConstraints().addAll(new ColumnConstraints(70), new ColumnConstraints());
        grid.addRow(0, new Label("File"), pathRow);

        Spinner<Integer> width = new Spinner<>(200, 7680, 1600, 100);
        Spinner<Integer> height = new Spinner<>(150, 4320, 900, 100);
        width.setId("export-width");
        height.setId("export-height");
        width.setEditable(true);
        height.setEditable(true);
        if (picture) {
            ComboBox<String> preset = new ComboBox<>();
            preset.getItems().addAll(PRESETS);
            preset.setValue(PRESETS[1]);
            preset.valueProperty().addListener((o, a, b) -> {
                String[] wh = b.split(" × ");
                width.getValueFactory().setValue(Integer.parseInt(wh[0]));
                height.getValueFactory().setValue(Integer.parseInt(wh[1]));
            });
            HBox size = new HBox(8, width, new Label("×"), height, new Label("px"), preset);
            size.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            width.setPrefWidth(100);
            height.setPrefWidth(100);
            grid.addRow(1, new Label("Size"), size);
        }
        getDialogPane().setContent(grid);
        Button ok = (Button) getDialogPane().lookupButton(ButtonType.OK);
        ok.setText("Export");
        ok.disableProperty().bind(path.textProperty().isEmpty());
        setResultConverter(bt -> bt == ButtonType.OK
                ? new Request(Path.of(path.getText().trim()), picture ? width.getValue() : 0, picture ? height.getValue() : 0)
                : null);
        setOnShown(e -> path.requestFocus());
    }

    /** A dialog for a PNG of a chart. */
    public static ExportDialog png(String chartTitle, Path suggested) {
        return new ExportDialog("PNG snapshot of “" + chartTitle + "”", suggested, true, "png");
    }

    /** A dialog for a CSV of a chart's data or a table. */
    public static ExportDialog csv(String what, Path suggested) {
        return new ExportDialog("CSV of “" + what + "”", suggested, false, "csv");
    }
}
