package io.velocity.desktop.financials;

/**
 * One key figure on the financials screen.
 *
 * @param id    stable id
 * @param label caption
 * @param value formatted value
 * @param style style class for the value (pos/neg) or null
 * @param hint  tooltip text
 */
public record Kpi(String id, String label, String value, String style, String hint) {
}
