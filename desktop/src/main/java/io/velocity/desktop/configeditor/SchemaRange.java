package io.velocity.desktop.configeditor;

import io.velocity.config.schema.Range;

import java.lang.reflect.RecordComponent;

/**
 * The {@link Range} annotation of a schema leaf, found by its dotted path. {@code FieldSpec} carries
 * the bounds but not whether they are strict, and "at least 0" for a field that must be above 0
 * would tell the trader something false.
 */
final class SchemaRange {
    private SchemaRange() {
    }

    static Range of(Class<?> root, String path) {
        Class<?> type = root;
        RecordComponent found = null;
        for (String segment : path.split("\\.")) {
            if (type == null || !type.isRecord()) {
                return null;
            }
            found = null;
            for (RecordComponent rc : type.getRecordComponents()) {
                if (rc.getName().equals(segment)) {
                    found = rc;
                }
            }
            if (found == null) {
                return null;
            }
            type = found.getType();
        }
        return found == null ? null : found.getAnnotation(Range.class);
    }
}
