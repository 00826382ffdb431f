package io.velocity.app.tools;

/**
 * A tool request the user must fix; its message is the one line printed on stderr (exit code 2).
 * Carries no stack trace: it reports input, not a bug.
 */
final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadInputException(String message) {
        super(message, null, false, false);
    }
}
