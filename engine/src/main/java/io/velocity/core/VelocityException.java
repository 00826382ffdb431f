package io.velocity.core;

/**
 * Root of Velocity's error hierarchy. Every subclass carries a message a trader can act on
 * (what failed, where, and what to do) and maps to one process exit code, so CLI entry points
 * translate failures consistently (DESIGN.md §6: 2 bad input, 3 locked, 4 integrity, 1 other).
 *
 * <p>Messages must never contain secret values; callers pass field names, never contents.
 */
public abstract class VelocityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected VelocityException(String message) {
        super(message);
    }

    protected VelocityException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code a CLI entry point uses when this error ends it. */
    public abstract ExitCode exitCode();
}
