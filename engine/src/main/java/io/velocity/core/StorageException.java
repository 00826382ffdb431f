package io.velocity.core;

/** Redis, PostgreSQL or the local journal failed. */
public class StorageException extends VelocityException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.FAILURE;
    }
}
