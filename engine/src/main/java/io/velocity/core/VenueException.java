package io.velocity.core;

/** A venue (Binance, Gamma, CLOB, Allora) failed or replied with something unusable. */
public class VenueException extends VelocityException {
    private static final long serialVersionUID = 1L;

    public VenueException(String message) {
        super(message);
    }

    public VenueException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ExitCode exitCode() {
        return ExitCode.FAILURE;
    }
}
