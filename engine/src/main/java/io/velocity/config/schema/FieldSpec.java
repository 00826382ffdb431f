package io.velocity.config.schema;

import java.util.List;

/**
 * A leaf field of the configuration schema as the visual editor shows it.
 *
 * @param path     JSON path, e.g. {@code risk.maxOrderUsd}
 * @param kind     value kind: boolean, integer, number, money, duration, string, enum, list, map
 * @param doc      help text ("" when undocumented)
 * @param unit     unit label ("" when none)
 * @param min      lower bound or -Infinity
 * @param max      upper bound or +Infinity
 * @param choices  allowed values of an enum, otherwise empty
 */
public record FieldSpec(String path, String kind, String doc, String unit, double min, double max,
                        List<String> choices) {
    public FieldSpec {
        choices = List.copyOf(choices);
    }
}
