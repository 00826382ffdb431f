package io.velocity.desktop.configeditor;

import io.velocity.config.schema.FieldSpec;
import io.velocity.config.schema.Range;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.Locale;

/** One field of the form: name and path, a control fitting its type, unit, help, problems. */
final class FieldRow extends VBox {
    private final Control control;

    FieldRow(FieldModel f) {
        getStyleClass().add("field-row");
        setSpacing(3);
        String id = f.fullPath().replace('.', '-');
        Label name = new Label(humanize(f.name()));
        name.getStyleClass().add("field-name");
        Label path = new Label(f.file().fileName() + " · " + f.path());
        path.getStyleClass().add("field-path");
        HBox title = new HBox(10, name, path);
        title.setAlignment(Pos.BASELINE_LEFT);

        control = control(f);
        control.setId("field-" + id);
        Label unit = new Label(unit(f.spec()));
        unit.getStyleClass().add("field-unit");
        HBox input = new HBox(8, control, unit);
        input.setAlignment(Pos.CENTER_LEFT);

        Label help = new Label(help(f.spec(), SchemaRange.of(f.file().schema(), f.path())));
        help.getStyleClass().add("field-help");
        help.setWrapText(true);
        help.setMaxWidth(640);

        Label error = new Label();
        error.setId("error-" + id);
        error.getStyleClass().add("field-error");
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        f.errorProperty().addListener((o, a, e) -> mark(control, "invalid", !e.isEmpty()));
        f.changedProperty().addListener((o, a, c) -> mark(control, "changed", c));

        getChildren().addAll(title, input, help, error);
        if (f.overridden()) {
            Label note = new Label("Running value " + f.effective() + " comes from an environment or --set override; the file's value applies without it.");
            note.getStyleClass().add("field-override");
            note.setWrapText(true);
            note.setMaxWidth(640);
            getChildren().add(note);
        }
        Tooltip.install(name, new Tooltip(f.fullPath()));
    }

    private static void mark(Node n, String cls, boolean on) {
        if (on && !n.getStyleClass().contains(cls)) {
            n.getStyleClass().add(cls);
        } else if (!on) {
            n.getStyleClass().remove(cls);
        }
    }

    private static Control control(FieldModel f) {
        switch (f.spec().kind()) {
            case "boolean" -> {
                CheckBox box = new CheckBox();
                box.setSelected(Boolean.parseBoolean(f.valueProperty().get()));
                box.selectedProperty().addListener((o, a, on) -> f.valueProperty().set(Boolean.toString(on)));
                f.valueProperty().addListener((o, a, v) -> box.setSelected(Boolean.parseBoolean(v)));
                return box;
            }
            case "enum" -> {
                ComboBox<String> combo = new ComboBox<>(FXCollections.observableArrayList(f.spec().choices()));
                combo.valueProperty().bindBidirectional(f.valueProperty());
                combo.setPrefWidth(200);
                return combo;
            }
            default -> {
                TextField text = new TextField();
                text.textProperty().bindBidirectional(f.valueProperty());
                boolean wide = f.spec().kind().equals("list") || f.spec().kind().equals("map") || f.spec().kind().equals("string");
                text.setPrefColumnCount(wide ? 40 : 14);
                if (f.spec().kind().equals("list")) {
                    text.setPromptText("JSON list, e.g. [\"btc\", \"eth\"]");
                } else if (f.spec().kind().equals("map")) {
                    text.setPromptText("JSON object");
                } else if (f.spec().kind().equals("duration")) {
                    text.setPromptText("250ms, 30s, 5m, 1h");
                }
                return text;
            }
        }
    }

    static String unit(FieldSpec s) {
        if (s.kind().equals("money")) {
            return "USD";
        }
        if (s.kind().equals("duration")) {
            return "";
        }
        return s.unit();
    }

    static String help(FieldSpec s, Range r) {
        StringBuilder sb = new StringBuilder(s.doc());
        String range = range(s, r);
        if (!range.isEmpty()) {
            sb.append(sb.length() > 0 ? " · " : "").append(range);
        }
        if (!s.choices().isEmpty()) {
            sb.append(sb.length() > 0 ? " · " : "").append("one of ").append(String.join(", ", s.choices()));
        }
        return sb.toString();
    }

    /** "range 0 – 1", "more than 0 USD", "at most 50" (strict bounds from the {@link Range} annotation). */
    static String range(FieldSpec s, Range r) {
        boolean lo = Double.isFinite(s.min());
        boolean hi = Double.isFinite(s.max());
        if (!lo && !hi) {
            return "";
        }
        boolean loStrict = r != null && r.minExclusive();
        boolean hiStrict = r != null && r.maxExclusive();
        String suffix = s.kind().equals("duration") ? " ms" : s.kind().equals("money") ? " USD" : "";
        if (lo && hi) {
            if (!loStrict && !hiStrict) {
                return "range " + num(s.min()) + " – " + num(s.max()) + suffix;
            }
            return (loStrict ? "more than " : "at least ") + num(s.min()) + (hiStrict ? ", less than " : ", at most ")
                    + num(s.max()) + suffix;
        }
        if (lo) {
            return (loStrict ? "more than " : "at least ") + num(s.min()) + suffix;
        }
        return (hiStrict ? "less than " : "at most ") + num(s.max()) + suffix;
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.format(Locale.ROOT, "%,d", (long) v) : Double.toString(v);
    }

    /** {@code maxOrderUsd} → "Max order usd". */
    static String humanize(String name) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(name.charAt(i - 1))) {
                sb.append(' ');
            }
            sb.append(i == 0 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        String text = sb.toString().replace(" usd", " (USD)");
        StringBuilder out = new StringBuilder();
        for (String word : text.split(" ")) {
            String upper = ACRONYMS.get(word.toLowerCase(java.util.Locale.ROOT));
            out.append(out.length() > 0 ? " " : "").append(upper != null ? upper : word);
        }
        return out.toString();
    }

    private static final java.util.Map<String, String> ACRONYMS = java.util.Map.of("clob", "CLOB", "url", "URL",
            "urls", "URLs", "rpc", "RPC", "ntp", "NTP", "ws", "WS", "id", "ID", "kib", "KiB", "kdf", "KDF", "abi", "ABI");

    Control control() {
        return control;
    }
}
