package io.velocity.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares simulator output with a recorded example: the same field names at every level and the
 * same JSON types (string, number, boolean, object, array, null). Array elements are compared with
 * the example's first element. Paths listed as optional may be missing from the output (fields the
 * venue only sends in some states); a path followed by {@code .*} marks an object whose keys are data
 * (ids, addresses), compared by its values only.
 */
public final class WireShape {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireShape() {
    }

    public static JsonNode example(String name) {
        try (InputStream in = WireShape.class.getResourceAsStream("/sim/examples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** Problems found (empty when the shapes agree). */
    public static List<String> differences(JsonNode example, JsonNode actual, Set<String> optional) {
        List<String> out = new ArrayList<>();
        compare("$", example, actual, optional, out);
        return out;
    }

    /** Fails with every difference listed. */
    public static void assertMatches(String exampleName, JsonNode actual, String... optionalPaths) {
        List<String> d = differences(example(exampleName), actual, Set.of(optionalPaths));
        if (!d.isEmpty()) {
            throw new AssertionError("output does not match " + exampleName + ":\n  " + String.join("\n  ", d) + "\nactual: " + actual);
        }
    }

    private static String type(JsonNode n) {
        if (n == null || n.isMissingNode()) {
            return "missing";
        }
        if (n.isNumber()) {
            return "number";
        }
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean isTuple(JsonNode array) {
        for (JsonNode n : array) {
            if (!type(n).equals(type(array.get(0)))) {
                return true;
            }
        }
        return false;
    }

    private static void compare(String path, JsonNode ex, JsonNode act, Set<String> optional, List<String> out) {
        if (!type(ex).equals(type(act))) {
            out.add(path + ": expected " + type(ex) + ", got " + type(act));
            return;
        }
        if (ex.isObject() && optional.contains(path + ".*")) {
            // A map with data-dependent keys: every value must look like the example's values.
            JsonNode sample = ex.elements().hasNext() ? ex.elements().next() : null;
            for (Iterator<Map.Entry<String, JsonNode>> it = act.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (sample != null) {
                    compare(path + ".*", sample, e.getValue(), optional, out);
                }
            }
        } else if (ex.isObject()) {
            for (Iterator<String> it = ex.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                String p = path + "." + f;
                if (!act.has(f)) {
                    if (!optional.contains(p)) {
                        out.add(p + ": missing");
                    }
                    continue;
                }
                compare(p, ex.get(f), act.get(f), optional, out);
            }
            for (Iterator<String> it = act.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!ex.has(f)) {
                    out.add(path + "." + f + ": not in the example");
                }
            }
        } else if (ex.isArray() && ex.size() > 0) {
            if (isTuple(ex)) {
                // A fixed-position tuple such as a kline: compare position by position.
                if (act.size() != ex.size()) {
                    out.add(path + ": expected " + ex.size() + " elements, got " + act.size());
                    return;
                }
                for (int i = 0; i < ex.size(); i++) {
                    compare(path + "[" + i + "]", ex.get(i), act.get(i), optional, out);
                }
                return;
            }
            for (int i = 0; i < act.size(); i++) {
                compare(path + "[]", ex.get(0), act.get(i), optional, out);
            }
        }
    }
}
