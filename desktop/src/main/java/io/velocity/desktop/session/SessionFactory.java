package io.velocity.desktop.session;

/**
 * Starts a trading session (simulator or feeds, stores, engine) for the workstation. Called off
 * the FX thread: starting stores and feeds takes seconds.
 */
@FunctionalInterface
public interface SessionFactory {
    /**
     * @throws io.velocity.core.VelocityException with a trader-readable message when the session cannot start
     */
    WorkstationBackend start(SessionRequest request);
}
