package io.velocity.core;

import java.util.List;

/**
 * Invalid configuration. Carries every problem found (one line each, naming the file and the
 * JSON path) so a trader fixes a file in one pass instead of one error per start.
 */
public class ConfigException extends VelocityException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(String source, List<String> problems) {
        super(source + ": " + problems.size() + " problem(s): " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String message) {
        super(message);
        this.problems = List.of(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(message);
    }

    /** One human-readable line per problem, e.g. {@code risk.maxOrderUsd: must be > 0, was -5}. */
    public List<String> problems() {
        return problems;
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.BAD_INPUT;
    }
}
