package io.velocity.core;

/**
 * Marks a type that holds secret material. Implementations must return a redacted
 * {@code toString()}; the logging layer additionally refuses to format them and scrubs any
 * registered secret value that reaches a log line by other means.
 */
public interface Sensitive {
    /** The text used wherever the value would otherwise be printed. */
    String REDACTED = "***redacted***";
}
