package io.velocity.core;

/** Bad input from a user, a file or a command line: the message names the field or file. */
public class InputException extends VelocityException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.BAD_INPUT;
    }
}
