package io.velocity.desktop.configeditor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.config.AppConfig;
import io.velocity.config.Config;
import io.velocity.config.ConfigFile;
import io.velocity.config.ConfigService;
import io.velocity.config.StrategyConfig;
import io.velocity.config.schema.FieldSpec;
import io.velocity.config.schema.RecordBinder;
import io.velocity.core.ConfigException;
import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.session.ConfigTree;
import io.velocity.desktop.session.WorkstationBackend;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The visual config editor's state: a field per schema leaf of config.json and strategies.json
 * (typed, with units, ranges and help from the record annotations), the trader's edits, inline
 * problems from the engine's own validator ({@link io.velocity.config.ConfigLoader#validateCandidate}),
 * the diff to review, and whether a saved generation is running in the engine yet.
 *
 * <p>Threads: field properties live on the FX thread. Reading the files, validating and saving
 * run in the background on immutable inputs ({@link RawFiles}, {@link Edits}); their results are
 * applied back on the FX thread.
 */
public final class ConfigEditorViewModel {
    /** The two files as written on disk (no defaults, no overrides). */
    public record RawFiles(ObjectNode app, ObjectNode strategies) {
        ObjectNode of(ConfigFile f) {
            return f == ConfigFile.APP ? app : strategies;
        }
    }

    /** The changed fields' JSON values, keyed by {@code file:path}. */
    public record Edits(Map<String, JsonNode> values) {
        public Edits {
            values = Map.copyOf(values);
        }

        public boolean isEmpty() {
            return values.isEmpty();
        }
    }

    /** Problems by field key and the ones that name no field. */
    public record Validation(Map<String, String> fieldErrors, List<String> general) {
        public Validation {
            fieldErrors = Map.copyOf(fieldErrors);
            general = List.copyOf(general);
        }

        public boolean ok() {
            return fieldErrors.isEmpty() && general.isEmpty();
        }
    }

    /** One line of the diff. */
    public record Change(String file, String path, String from, String to) {
    }

    private final ConfigService config;
    private final List<FieldModel> fields = new ArrayList<>();
    private final Map<String, FieldModel> byKey = new LinkedHashMap<>();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusKind = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<List<String>> general = new ReadOnlyObjectWrapper<>(List.of());
    private RawFiles raw;
    private long loadedGeneration;
    private long savedGeneration;
    private long appliedAtMillis;

    public ConfigEditorViewModel(ConfigService config) {
        this.config = config;
        add(ConfigFile.APP, RecordBinder.describe(AppConfig.class));
        add(ConfigFile.STRATEGIES, RecordBinder.describe(StrategyConfig.class));
        for (FieldModel f : fields) {
            f.valueProperty().addListener((o, a, b) -> refreshDirty());
        }
    }

    private void add(ConfigFile file, List<FieldSpec> specs) {
        for (FieldSpec s : specs) {
            FieldModel f = new FieldModel(file, s);
            fields.add(f);
            byKey.put(key(file, s.path()), f);
        }
    }

    static String key(ConfigFile file, String path) {
        return file.fileName() + ":" + path;
    }

    /** Reads both files from disk (any thread). */
    public static RawFiles readRaw(ConfigService config) {
        return new RawFiles(ConfigTree.readFile(config, ConfigFile.APP), ConfigTree.readFile(config, ConfigFile.STRATEGIES));
    }

    /** Loads the files' contents and the running values into the form, dropping edits (FX thread). */
    public void load(RawFiles files) {
        this.raw = files;
        Config current = config.current();
        loadedGeneration = current.generation();
        ObjectNode appRun = current.effectiveJson(ConfigFile.APP);
        ObjectNode strategyRun = current.effectiveJson(ConfigFile.STRATEGIES);
        for (FieldModel f : fields) {
            JsonNode run = ConfigTree.get(f.file() == ConfigFile.APP ? appRun : strategyRun, f.path());
            f.load(ConfigTree.get(files.of(f.file()), f.path()), run);
        }
        general.set(List.of());
        valid.set(true);
        refreshDirty();
    }

    private void refreshDirty() {
        long n = fields.stream().filter(FieldModel::isChanged).count();
        dirty.set(n > 0);
        if (n > 0) {
            setStatus(n + " unsaved change" + (n == 1 ? "" : "s"), "pending");
        } else if (savedGeneration == 0) {
            setStatus("Engine on configuration generation " + loadedGeneration, "");
        }
    }

    /** The trader's edits right now (FX thread). */
    public Edits edits() {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (FieldModel f : fields) {
            if (f.isChanged()) {
                m.put(key(f.file(), f.path()), f.json());
            }
        }
        return new Edits(m);
    }

    /** The files' contents with the edits applied, per edited file. */
    public static Map<ConfigFile, ObjectNode> candidates(RawFiles files, Edits edits) {
        Map<ConfigFile, ObjectNode> out = new LinkedHashMap<>();
        edits.values().forEach((k, v) -> {
            ConfigFile file = k.startsWith(ConfigFile.APP.fileName() + ":") ? ConfigFile.APP : ConfigFile.STRATEGIES;
            String path = k.substring(k.indexOf(':') + 1);
            ConfigTree.set(out.computeIfAbsent(file, f -> files.of(f).deepCopy()), path, v);
        });
        return out;
    }

    /** Validates the edits with the engine's validator (any thread; no file is written). */
    public Validation validate(RawFiles files, Edits edits) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (Map.Entry<ConfigFile, ObjectNode> c : candidates(files, edits).entrySet()) {
            try {
                config.loader().validateCandidate(c.getKey(), c.getValue());
            } catch (ConfigException e) {
                for (String p : e.problems().isEmpty() ? List.of(e.getMessage()) : e.problems()) {
                    place(p, edits, errors, rest);
                }
            }
        }
        return new Validation(errors, rest);
    }

    /** Puts a problem line ({@code strategies.json: ladder.levels: must be <= 10, was 11}) on its field. */
    private void place(String problem, Edits edits, Map<String, String> errors, List<String> rest) {
        ConfigFile file = null;
        String body = problem;
        for (ConfigFile f : ConfigFile.values()) {
            if (problem.startsWith(f.fileName() + ": ")) {
                file = f;
                body = problem.substring(f.fileName().length() + 2);
            }
        }
        int colon = body.indexOf(": ");
        if (file == null || colon < 0) {
            rest.add(problem);
            return;
        }
        String path = body.substring(0, colon).replaceAll("\\[\\d+]", "");
        String message = body.substring(colon + 2);
        FieldModel exact = byKey.get(key(file, path));
        if (exact != null) {
            errors.merge(key(file, path), message, (a, b) -> a + "; " + b);
            return;
        }
        // A map entry (venues.binance.symbols.btc) belongs to its map field.
        for (String p = path; p.contains("."); p = p.substring(0, p.lastIndexOf('.'))) {
            if (byKey.containsKey(key(file, p))) {
                errors.merge(key(file, p), path.substring(p.length() + 1) + ": " + message, (a, b) -> a + "; " + b);
                return;
            }
        }
        // A rule across the fields of a record (frozenAfter >= staleAfter): shown on the edited ones.
        Set<String> under = new LinkedHashSet<>();
        for (FieldModel f : fields) {
            if (f.file() == file && f.path().startsWith(path + ".")) {
                under.add(key(file, f.path()));
            }
        }
        Set<String> edited = new LinkedHashSet<>(under);
        edited.retainAll(edits.values().keySet());
        Set<String> target = edited.isEmpty() ? under : edited;
        if (target.isEmpty()) {
            rest.add(problem);
        } else {
            target.forEach(k -> errors.merge(k, message, (a, b) -> a + "; " + b));
        }
    }

    /** Shows a validation result inline (FX thread). */
    public void apply(Validation v) {
        for (FieldModel f : fields) {
            f.setError(v.fieldErrors().get(key(f.file(), f.path())));
        }
        general.set(v.general());
        valid.set(v.ok());
        if (!v.ok()) {
            int n = v.fieldErrors().size() + v.general().size();
            setStatus(n + " problem" + (n == 1 ? "" : "s") + ": fix before saving (nothing was written)", "invalid");
        } else {
            refreshDirty();
        }
    }

    /** Validates and shows the result now (FX thread; reads the other file from disk). */
    public Validation validateNow() {
        Validation v = validate(raw, edits());
        apply(v);
        return v;
    }

    /** The edits as a diff, file by file. */
    public List<Change> changes() {
        List<Change> out = new ArrayList<>();
        for (FieldModel f : fields) {
            if (f.isChanged()) {
                out.add(new Change(f.file().fileName(), f.path(), f.original(), f.valueProperty().get()));
            }
        }
        return out;
    }

    /**
     * Validates and writes each edited file atomically through the backend (any thread).
     *
     * @return the configuration generation active after the last write
     * @throws ConfigException when the engine's validator refuses an edit (that file is not written)
     */
    public static Config save(WorkstationBackend backend, RawFiles files, Edits edits, String actor) {
        Config last = backend.config().current();
        for (Map.Entry<ConfigFile, ObjectNode> c : candidates(files, edits).entrySet()) {
            last = backend.writeConfig(c.getKey(), c.getValue(), actor);
        }
        return last;
    }

    /** Records a successful save (FX thread); the form reloads from the new files. */
    public void saved(Config generation, RawFiles files) {
        savedGeneration = generation.generation();
        appliedAtMillis = 0;
        load(files);
        setStatus("Saved as generation " + savedGeneration + "; waiting for the engine to apply it…", "pending");
    }

    /** The engine reported the generation it runs (FX thread, from the snapshot). */
    public void onEngineGeneration(long engineGeneration, long engineTimeMillis) {
        if (savedGeneration > 0 && engineGeneration >= savedGeneration && appliedAtMillis == 0 && !dirty.get()) {
            appliedAtMillis = engineTimeMillis;
            setStatus("Engine running generation " + engineGeneration + " since " + Formats.time(engineTimeMillis)
                    + ": the new values took effect", "applied");
        }
    }

    /** True when the files changed outside the editor and the form has no edits to lose. */
    public boolean needsReload(long engineGeneration) {
        return !dirty.get() && config.current().generation() != loadedGeneration && engineGeneration >= 0;
    }

    private void setStatus(String text, String kind) {
        status.set(text);
        statusKind.set(kind);
    }

    public List<FieldModel> fields() {
        return fields;
    }

    public FieldModel field(ConfigFile file, String path) {
        return byKey.get(key(file, path));
    }

    /** Sections in display order: {@code config.json} ones first, then {@code strategies.json}. */
    public List<String> sections(ConfigFile file) {
        Set<String> out = new LinkedHashSet<>();
        for (FieldModel f : fields) {
            if (f.file() == file) {
                out.add(f.section());
            }
        }
        return List.copyOf(out);
    }

    public RawFiles raw() {
        return raw;
    }

    public long savedGeneration() {
        return savedGeneration;
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "", "pending", "invalid" or "applied" (a style class). */
    public ReadOnlyStringProperty statusKindProperty() {
        return statusKind.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<String>> generalProblemsProperty() {
        return general.getReadOnlyProperty();
    }
}
