package io.velocity.core;

/** A blockchain RPC or contract call failed. */
public class ChainException extends VelocityException {
    private static final long serialVersionUID = 1L;

    public ChainException(String message) {
        super(message);
    }

    public ChainException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.FAILURE;
    }
}
