package io.velocity.core;

/** A locked secret store or a wrong password. Deliberately does not say which part failed. */
public class LockedException extends VelocityException {
    private static final long serialVersionUID = 1L;

    public LockedException(String message) {
        super(message);
    }

    public LockedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.LOCKED;
    }
}
