package io.velocity.desktop.health;

/**
 * What one health tile shows.
 *
 * @param id          stable tile id
 * @param title       tile title
 * @param value       numeric value (NaN when unknown)
 * @param unit        unit of the value
 * @param text        main text for status tiles ("LIVE", "UP", "HALTED")
 * @param detail      a line of detail
 * @param level       colour level from the configured thresholds
 * @param max         gauge maximum
 * @param threshold   gauge threshold (the configured limit)
 */
public record TileState(String id, String title, double value, String unit, String text, String detail,
                        HealthLevel level, double max, double threshold) {
}
