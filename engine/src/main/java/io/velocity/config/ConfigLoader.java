package io.velocity.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.velocity.config.schema.RecordBinder;
import io.velocity.core.ConfigException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads, merges, overrides and validates the configuration. Stateless apart from its sources;
 * safe to call from any thread. Every problem in every source is reported together.
 */
public final class ConfigLoader {

    /** Strict JSON: duplicate keys are errors, not "last one wins" surprises. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private static final String DEFAULTS_RESOURCE = "/io/velocity/config/defaults/";

    private final ConfigSources sources;

    public ConfigLoader(ConfigSources sources) {
        this.sources = sources;
    }

    public ConfigSources sources() {
        return sources;
    }

    /** Path of one config file. */
    public Path pathOf(ConfigFile file) {
        return sources.configDir().resolve(file.fileName());
    }

    /**
     * Loads a new generation from the current file contents.
     *
     * @throws ConfigException listing every problem, one line each
     */
    public Config load(long generation) {
        List<String> problems = new ArrayList<>();
        ObjectNode app = readMerged(ConfigFile.APP, null, problems);
        ObjectNode strategy = readMerged(ConfigFile.STRATEGIES, null, problems);
        return finish(app, strategy, generation, problems);
    }

    /**
     * Validates a candidate content for one file together with the other file's current content,
     * without writing anything. Used by the config editor and the meta-brain before a save.
     *
     * @throws ConfigException listing every problem
     */
    public Config validateCandidate(ConfigFile file, JsonNode candidate) {
        List<String> problems = new ArrayList<>();
        ObjectNode app = readMerged(ConfigFile.APP, file == ConfigFile.APP ? candidate : null, problems);
        ObjectNode strategy = readMerged(ConfigFile.STRATEGIES, file == ConfigFile.STRATEGIES ? candidate : null, problems);
        return finish(app, strategy, -1, problems);
    }

    /** Parses JSON text of one config file, reporting syntax errors with line and column. */
    public static JsonNode parse(String source, String text) {
        try {
            JsonNode node = JSON.readTree(text);
            if (node == null || !node.isObject()) {
                throw new ConfigException(source + ": must contain a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + ": malformed JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        }
    }

    private Config finish(ObjectNode app, ObjectNode strategy, long generation, List<String> problems) {
        if (app != null && strategy != null) {
            applyOverrides(app, strategy, problems);
        }
        AppConfig appConfig = null;
        StrategyConfig strategyConfig = null;
        if (app != null) {
            appConfig = bind(ConfigFile.APP, app, AppConfig.class, problems);
        }
        if (strategy != null) {
            strategyConfig = bind(ConfigFile.STRATEGIES, strategy, StrategyConfig.class, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(sources.configDir().toString(), problems);
        }
        return new Config(appConfig, strategyConfig, generation, app, strategy);
    }

    private static <R extends Record> R bind(ConfigFile file, ObjectNode tree, Class<R> type, List<String> problems) {
        List<String> local = new ArrayList<>();
        R r = RecordBinder.bind(tree, type, local);
        for (String p : local) {
            problems.add(file.fileName() + ": " + p);
        }
        return r;
    }

    private ObjectNode readMerged(ConfigFile file, JsonNode candidate, List<String> problems) {
        ObjectNode defaults = defaults(file);
        JsonNode user;
        if (candidate != null) {
            user = candidate;
        } else {
            Path path = pathOf(file);
            try {
                user = parse(file.fileName(), Files.readString(path));
            } catch (NoSuchFileException e) {
                problems.add(file.fileName() + ": file not found at " + path);
                return null;
            } catch (ConfigException e) {
                problems.add(e.getMessage());
                return null;
            } catch (IOException e) {
                problems.add(file.fileName() + ": cannot read " + path + " (" + e.getMessage() + ")");
                return null;
            }
        }
        if (!user.isObject()) {
            problems.add(file.fileName() + ": must contain a JSON object");
            return null;
        }
        merge(defaults, (ObjectNode) user, file.schema());
        return defaults;
    }

    /**
     * Overlays {@code over} on {@code base}. Nested records merge field by field, so a file may
     * omit fields added in a newer version; lists and maps are replaced whole, so a trader can
     * remove an entry. Unknown fields are copied so the binder can report them.
     */
    private static void merge(ObjectNode base, ObjectNode over, Class<?> schema) {
        for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Class<?> childType = componentType(schema, e.getKey());
            JsonNode existing = base.get(e.getKey());
            if (childType != null && childType.isRecord() && existing instanceof ObjectNode eo
                    && e.getValue() instanceof ObjectNode vo) {
                merge(eo, vo, childType);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
    }

    private static Class<?> componentType(Class<?> schema, String name) {
        if (schema == null || !schema.isRecord()) {
            return null;
        }
        for (RecordComponent rc : schema.getRecordComponents()) {
            if (rc.getName().equals(name)) {
                return rc.getType();
            }
        }
        return null;
    }

    private void applyOverrides(ObjectNode app, ObjectNode strategy, List<String> problems) {
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(sources.env()).entrySet()) {
            if (e.getKey().startsWith(ConfigSources.ENV_PREFIX)) {
                String path = e.getKey().substring(ConfigSources.ENV_PREFIX.length()).replace("__", ".");
                applyOverride("environment " + e.getKey(), path, e.getValue(), app, strategy, problems);
            }
        }
        for (String o : sources.overrides()) {
            int eq = o.indexOf('=');
            if (eq <= 0) {
                problems.add("--set " + o + ": expected path=value");
                continue;
            }
            applyOverride("--set " + o.substring(0, eq), o.substring(0, eq).trim(), o.substring(eq + 1), app, strategy, problems);
        }
    }

    private static void applyOverride(String origin, String path, String raw, ObjectNode app, ObjectNode strategy,
                                      List<String> problems) {
        ConfigFile file = ConfigFile.forOverridePath(path);
        String[] segments = path.split("\\.");
        int start = file == ConfigFile.STRATEGIES ? 1 : 0;
        ObjectNode node = file == ConfigFile.STRATEGIES ? strategy : app;
        if (segments.length <= start) {
            problems.add(origin + ": names no field");
            return;
        }
        for (int i = start; i < segments.length; i++) {
            String key = matchKey(node, segments[i]);
            if (key == null) {
                problems.add(origin + ": unknown field '" + segments[i] + "' in " + path);
                return;
            }
            if (i == segments.length - 1) {
                node.set(key, overrideValue(raw));
            } else if (node.get(key) instanceof ObjectNode child) {
                node = child;
            } else {
                problems.add(origin + ": '" + key + "' is not an object in " + path);
                return;
            }
        }
    }

    /** Environment variables are upper-case by convention: match keys case-insensitively. */
    private static String matchKey(ObjectNode node, String wanted) {
        if (node.has(wanted)) {
            return wanted;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (k.toLowerCase(Locale.ROOT).equals(wanted.toLowerCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }

    /** An override value is JSON when it parses as JSON (numbers, booleans, lists), else a string. */
    private static JsonNode overrideValue(String raw) {
        try (JsonParser p = JSON.createParser(raw)) {
            JsonNode n = JSON.readTree(p);
            if (n != null && p.nextToken() == null) {
                return n;
            }
        } catch (IOException ignored) {
            // not JSON: take it as text
        }
        return TextNode.valueOf(raw);
    }

    private static ObjectNode defaults(ConfigFile file) {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE + file.fileName())) {
            if (in == null) {
                throw new IllegalStateException("engine jar lacks default " + file.fileName());
            }
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
