package io.velocity.config.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds a JSON tree onto immutable config records, collecting <em>every</em> problem with its
 * JSON path instead of stopping at the first one. The record classes themselves are the schema:
 * component types, {@link Range}, {@link Money}, {@link Text} and {@link Doc} say what is valid.
 *
 * <p>Supported component types: {@code boolean}, {@code int}, {@code long}, {@code double},
 * {@link String}, enums (case-insensitive), {@link Duration} (written {@code "250ms"},
 * {@code "30s"}, {@code "5m"}, {@code "1h"} or ISO-8601), {@code List<T>}, {@code Map<String,T>}
 * and nested records.
 */
public final class RecordBinder {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
    private static final BigDecimal MICROS_PER_DOLLAR = BigDecimal.valueOf(1_000_000L);

    private RecordBinder() {
    }

    /**
     * Binds {@code node} to a new instance of {@code type}. Problems are appended to
     * {@code problems} as {@code path: message}; the result is {@code null} if any were found.
     */
    public static <R extends Record> R bind(JsonNode node, Class<R> type, List<String> problems) {
        int before = problems.size();
        Object value = bindRecord(node, type, "", problems);
        return problems.size() == before ? type.cast(value) : null;
    }

    /** Lists the leaf fields of a record type with their documentation and bounds. */
    public static List<FieldSpec> describe(Class<? extends Record> type) {
        List<FieldSpec> out = new ArrayList<>();
        describe(type, "", out);
        return out;
    }

    private static void describe(Class<?> type, String prefix, List<FieldSpec> out) {
        for (RecordComponent rc : type.getRecordComponents()) {
            String path = join(prefix, rc.getName());
            Class<?> raw = rc.getType();
            if (raw.isRecord()) {
                describe(raw, path, out);
                continue;
            }
            Doc doc = rc.getAnnotation(Doc.class);
            Range range = rc.getAnnotation(Range.class);
            List<String> choices = raw.isEnum()
                    ? Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList()
                    : List.of();
            out.add(new FieldSpec(path, kindOf(rc), doc == null ? "" : doc.value(), doc == null ? "" : doc.unit(),
                    range == null ? Double.NEGATIVE_INFINITY : range.min(),
                    range == null ? Double.POSITIVE_INFINITY : range.max(), choices));
        }
    }

    private static String kindOf(RecordComponent rc) {
        Class<?> raw = rc.getType();
        if (raw == boolean.class) {
            return "boolean";
        }
        if (raw == long.class && rc.isAnnotationPresent(Money.class)) {
            return "money";
        }
        if (raw == int.class || raw == long.class) {
            return "integer";
        }
        if (raw == double.class) {
            return "number";
        }
        if (raw == Duration.class) {
            return "duration";
        }
        if (raw.isEnum()) {
            return "enum";
        }
        if (raw == List.class) {
            return "list";
        }
        if (raw == Map.class) {
            return "map";
        }
        return "string";
    }

    private static Object bindRecord(JsonNode node, Class<?> type, String path, List<String> problems) {
        if (node == null || !node.isObject()) {
            problems.add(label(path) + ": must be an object, was " + describeNode(node));
            return null;
        }
        RecordComponent[] components = type.getRecordComponents();
        Set<String> known = new TreeSet<>();
        for (RecordComponent rc : components) {
            known.add(rc.getName());
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!known.contains(name)) {
                String hint = closest(name, known);
                problems.add(join(path, name) + ": unknown field" + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
            }
        }
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            String fieldPath = join(path, rc.getName());
            JsonNode child = node.get(rc.getName());
            if (child == null || child.isNull()) {
                problems.add(fieldPath + ": missing");
                continue;
            }
            args[i] = bindValue(child, rc.getType(), rc.getGenericType(), rc, fieldPath, problems);
        }
        if (problems.size() != before) {
            return null;
        }
        try {
            Constructor<?> ctor = type.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            // Compact constructors validate cross-field rules and throw IllegalArgumentException.
            Throwable cause = e.getCause();
            problems.add(label(path) + ": " + (cause == null ? e.getMessage() : cause.getMessage()));
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("config schema class " + type.getName() + " is not bindable", e);
        }
    }

    private static Object bindValue(JsonNode node, Class<?> declared, Type generic, RecordComponent rc, String path,
                                    List<String> problems) {
        Class<?> raw = unboxed(declared);
        if (raw == boolean.class) {
            if (!node.isBoolean()) {
                problems.add(path + ": must be true or false, was " + describeNode(node));
                return null;
            }
            return node.booleanValue();
        }
        if (raw == int.class || raw == long.class) {
            if (rc != null && rc.isAnnotationPresent(Money.class)) {
                return bindMoney(node, rc, path, problems);
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()
                    || (raw == int.class && !node.canConvertToInt())) {
                problems.add(path + ": must be a whole number, was " + describeNode(node));
                return null;
            }
            long v = node.longValue();
            if (!checkRange(rc, v, path, problems)) {
                return null;
            }
            return raw == int.class ? (Object) (int) v : (Object) v;
        }
        if (raw == double.class) {
            if (!node.isNumber()) {
                problems.add(path + ": must be a number, was " + describeNode(node));
                return null;
            }
            double v = node.doubleValue();
            if (!Double.isFinite(v)) {
                problems.add(path + ": must be finite, was " + node.asText());
                return null;
            }
            return checkRange(rc, v, path, problems) ? v : null;
        }
        if (raw == String.class) {
            if (!node.isTextual()) {
                problems.add(path + ": must be a string, was " + describeNode(node));
                return null;
            }
            return checkText(rc, node.textValue(), path, problems) ? node.textValue() : null;
        }
        if (raw == Duration.class) {
            return bindDuration(node, rc, path, problems);
        }
        if (raw.isEnum()) {
            return bindEnum(node, raw, path, problems);
        }
        if (raw == List.class) {
            if (!node.isArray()) {
                problems.add(path + ": must be a list, was " + describeNode(node));
                return null;
            }
            Class<?> elem = typeArgument(generic, 0);
            List<Object> out = new ArrayList<>(node.size());
            int before = problems.size();
            for (int i = 0; i < node.size(); i++) {
                out.add(bindValue(node.get(i), elem, elem, rc, path + "[" + i + "]", problems));
            }
            return problems.size() == before ? List.copyOf(out) : null;
        }
        if (raw == Map.class) {
            if (!node.isObject()) {
                problems.add(path + ": must be an object, was " + describeNode(node));
                return null;
            }
            Class<?> valueType = typeArgument(generic, 1);
            Map<String, Object> out = new LinkedHashMap<>();
            int before = problems.size();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), bindValue(e.getValue(), valueType, valueType, rc, join(path, e.getKey()), problems));
            }
            return problems.size() == before ? java.util.Collections.unmodifiableMap(out) : null;
        }
        if (raw.isRecord()) {
            return bindRecord(node, raw, path, problems);
        }
        throw new IllegalStateException("unsupported config type " + raw.getName() + " at " + path);
    }

    private static Object bindMoney(JsonNode node, RecordComponent rc, String path, List<String> problems) {
        BigDecimal dollars;
        try {
            if (node.isNumber()) {
                dollars = node.decimalValue();
            } else if (node.isTextual()) {
                dollars = new BigDecimal(node.textValue().trim());
            } else {
                problems.add(path + ": must be an amount in dollars, was " + describeNode(node));
                return null;
            }
        } catch (NumberFormatException e) {
            problems.add(path + ": must be an amount in dollars, was " + describeNode(node));
            return null;
        }
        BigDecimal micros = dollars.multiply(MICROS_PER_DOLLAR);
        if (micros.stripTrailingZeros().scale() > 0) {
            problems.add(path + ": at most 6 decimals (micro-dollars), was " + dollars.toPlainString());
            return null;
        }
        if (!checkRange(rc, dollars.doubleValue(), path, problems)) {
            return null;
        }
        try {
            return micros.longValueExact();
        } catch (ArithmeticException e) {
            problems.add(path + ": amount too large, was " + dollars.toPlainString());
            return null;
        }
    }

    private static Object bindDuration(JsonNode node, RecordComponent rc, String path, List<String> problems) {
        Duration d = node.isTextual() ? parseDuration(node.textValue()) : null;
        if (d == null) {
            problems.add(path + ": must be a duration like \"250ms\", \"30s\", \"5m\" or \"1h\", was " + describeNode(node));
            return null;
        }
        return checkRange(rc, d.toMillis(), path, problems) ? d : null;
    }

    /** Parses {@code 250ms}, {@code 1.5s}, {@code 5m}, {@code 1h}, {@code 2d} or ISO-8601; null if invalid. */
    public static Duration parseDuration(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(s);
        if (m.matches()) {
            BigDecimal n = new BigDecimal(m.group(1));
            long unitMillis = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            try {
                return Duration.ofMillis(n.multiply(BigDecimal.valueOf(unitMillis)).longValueExact());
            } catch (ArithmeticException e) {
                return null;
            }
        }
        try {
            return Duration.parse(text.trim().toUpperCase(Locale.ROOT));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object bindEnum(JsonNode node, Class<?> raw, String path, List<String> problems) {
        List<String> names = Arrays.stream(raw.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        if (node.isTextual()) {
            String wanted = node.textValue().trim().replace('-', '_');
            for (Object c : raw.getEnumConstants()) {
                if (((Enum<?>) c).name().equalsIgnoreCase(wanted)) {
                    return Enum.valueOf((Class) raw, ((Enum<?>) c).name());
                }
            }
        }
        problems.add(path + ": must be one of " + names + ", was " + describeNode(node));
        return null;
    }

    private static boolean checkRange(RecordComponent rc, double v, String path, List<String> problems) {
        Range r = rc == null ? null : rc.getAnnotation(Range.class);
        if (r == null) {
            return true;
        }
        String shown = formatNumber(v);
        if (r.minExclusive() ? v <= r.min() : v < r.min()) {
            problems.add(path + ": must be " + (r.minExclusive() ? "> " : ">= ") + formatNumber(r.min()) + ", was " + shown);
            return false;
        }
        if (r.maxExclusive() ? v >= r.max() : v > r.max()) {
            problems.add(path + ": must be " + (r.maxExclusive() ? "< " : "<= ") + formatNumber(r.max()) + ", was " + shown);
            return false;
        }
        return true;
    }

    private static boolean checkText(RecordComponent rc, String v, String path, List<String> problems) {
        Text t = rc == null ? null : rc.getAnnotation(Text.class);
        if (v.isBlank()) {
            if (t != null && t.optional()) {
                return true;
            }
            problems.add(path + ": must not be empty");
            return false;
        }
        if (t == null) {
            return true;
        }
        if (t.schemes().length > 0) {
            try {
                java.net.URI uri = new java.net.URI(v);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!Arrays.asList(t.schemes()).contains(scheme) || uri.getHost() == null) {
                    problems.add(path + ": must be a " + String.join("/", t.schemes()) + " URL with a host, was \"" + v + "\"");
                    return false;
                }
            } catch (java.net.URISyntaxException e) {
                problems.add(path + ": not a valid URL (" + e.getReason() + "), was \"" + v + "\"");
                return false;
            }
        }
        if (!t.pattern().isEmpty() && !v.matches(t.pattern())) {
            problems.add(path + ": must be " + (t.patternHint().isEmpty() ? "like " + t.pattern() : t.patternHint())
                    + ", was \"" + v + "\"");
            return false;
        }
        return true;
    }

    private static Class<?> unboxed(Class<?> c) {
        if (c == Integer.class) {
            return int.class;
        }
        if (c == Long.class) {
            return long.class;
        }
        if (c == Double.class) {
            return double.class;
        }
        return c == Boolean.class ? boolean.class : c;
    }

    private static Class<?> typeArgument(Type generic, int index) {
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[index] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("config collections need concrete type arguments: " + generic);
    }

    private static String describeNode(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isTextual()) {
            return "\"" + node.textValue() + "\"";
        }
        if (node.isContainerNode()) {
            return node.isArray() ? "a list" : "an object";
        }
        return node.asText();
    }

    private static String formatNumber(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "(root)" : path;
    }

    /** The known name closest to a misspelt one, if it is close enough to be a likely typo. */
    private static String closest(String name, Set<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String k : known) {
            int d = levenshtein(name.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = k;
            }
        }
        return bestDistance <= Math.max(2, name.length() / 4) ? best : null;
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
