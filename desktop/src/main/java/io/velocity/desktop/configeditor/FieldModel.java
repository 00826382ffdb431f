package io.velocity.desktop.configeditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.velocity.config.ConfigFile;
import io.velocity.config.schema.FieldSpec;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * One editable field of the configuration as the form shows it. The value is held as text (a
 * check box writes "true"/"false", a choice its lower-case name); turning it into JSON never
 * judges it: whatever the trader typed goes to the engine's validator, which has the last word.
 */
public final class FieldModel {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConfigFile file;
    private final FieldSpec spec;
    private final StringProperty value = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private String original = "";
    private String effective = "";
    private final BooleanBinding changed;

    FieldModel(ConfigFile file, FieldSpec spec) {
        this.file = file;
        this.spec = spec;
        this.changed = Bindings.createBooleanBinding(() -> !Objects.equals(normalized(value.get()), normalized(original)), value);
    }

    /** Sets what the file says (the baseline) and what is running; resets the edit. */
    void load(JsonNode inFile, JsonNode running) {
        effective = text(running);
        original = inFile == null ? effective : text(inFile);
        value.set(original);
        changed.invalidate();
        error.set("");
    }

    /** The text form of a JSON value for this kind of field. */
    String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return "";
        }
        return switch (spec.kind()) {
            case "list", "map" -> node.toString();
            case "enum" -> node.asText().toLowerCase(Locale.ROOT);
            default -> node.isValueNode() ? node.asText() : node.toString();
        };
    }

    /** The JSON the trader's text stands for; invalid text passes as a string for the validator to name. */
    JsonNode json() {
        String v = value.get() == null ? "" : value.get().trim();
        switch (spec.kind()) {
            case "boolean":
                if (v.equals("true") || v.equals("false")) {
                    return BooleanNode.valueOf(Boolean.parseBoolean(v));
                }
                return TextNode.valueOf(v);
            case "integer", "number", "money":
                try {
                    BigDecimal d = new BigDecimal(v);
                    // "5" stays a whole number for the binder; "5.0" or "5e3" stays a decimal.
                    boolean whole = v.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '+');
                    return whole ? BigIntegerNode.valueOf(d.toBigIntegerExact()) : DecimalNode.valueOf(d);
                } catch (NumberFormatException | ArithmeticException e) {
                    return TextNode.valueOf(v);
                }
            case "list", "map":
                try {
                    JsonNode n = JSON.readTree(v);
                    return n == null ? TextNode.valueOf(v) : n;
                } catch (java.io.IOException e) {
                    return TextNode.valueOf(v);
                }
            default:
                return TextNode.valueOf(value.get() == null ? "" : value.get());
        }
    }

    private String normalized(String s) {
        if (s == null) {
            return "";
        }
        String t = s.trim();
        if (spec.kind().equals("integer") || spec.kind().equals("number") || spec.kind().equals("money")) {
            try {
                return new BigDecimal(t).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return t;
            }
        }
        if (spec.kind().equals("list") || spec.kind().equals("map")) {
            try {
                return JSON.readTree(t).toString();
            } catch (java.io.IOException | RuntimeException e) {
                return t;
            }
        }
        return spec.kind().equals("string") ? s : t;
    }

    public ConfigFile file() {
        return file;
    }

    public FieldSpec spec() {
        return spec;
    }

    /** Path within its file, e.g. {@code ladder.levels} in strategies.json. */
    public String path() {
        return spec.path();
    }

    /** Path as the trader writes it in overrides: {@code strategy.ladder.levels}, {@code risk.maxOrderUsd}. */
    public String fullPath() {
        return file == ConfigFile.STRATEGIES ? "strategy." + spec.path() : spec.path();
    }

    /** The last segment, e.g. {@code maxOrderUsd}. */
    public String name() {
        int dot = spec.path().lastIndexOf('.');
        return dot < 0 ? spec.path() : spec.path().substring(dot + 1);
    }

    /** Section the field belongs to, e.g. {@code risk} or {@code venues.binance} ("" for top level). */
    public String section() {
        int dot = spec.path().lastIndexOf('.');
        return dot < 0 ? "" : spec.path().substring(0, dot);
    }

    public StringProperty valueProperty() {
        return value;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    void setError(String e) {
        error.set(e == null ? "" : e);
    }

    public BooleanBinding changedProperty() {
        return changed;
    }

    public boolean isChanged() {
        return changed.get();
    }

    /** Value in the file before the edit (or the running value when the file omits the field). */
    public String original() {
        return original;
    }

    /** Value the engine runs with (after environment and command-line overrides). */
    public String effective() {
        return effective;
    }

    /** True when an override makes the running value differ from the file. */
    public boolean overridden() {
        return !Objects.equals(normalized(effective), normalized(original));
    }

    @Override
    public String toString() {
        return file.fileName() + ":" + spec.path();
    }
}
