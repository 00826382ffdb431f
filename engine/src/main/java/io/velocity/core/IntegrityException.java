package io.velocity.core;

/** Data failed an integrity check (checksum, authentication tag, signature). Nothing was changed. */
public class IntegrityException extends VelocityException {
    private static final long serialVersionUID = 1L;

    public IntegrityException(String message) {
        super(message);
    }

    public IntegrityException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.INTEGRITY;
    }
}
