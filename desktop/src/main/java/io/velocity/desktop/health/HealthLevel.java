package io.velocity.desktop.health;

/** Colour level of a health tile. */
public enum HealthLevel {
    OK, WARN, ALARM, UNKNOWN
}
