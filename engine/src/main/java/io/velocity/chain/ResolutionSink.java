package io.velocity.chain;

/** Receives resolutions of watched conditions from a {@link ResolutionListener}, on its thread. */
@FunctionalInterface
public interface ResolutionSink {

    /**
     * Called once per watched condition when its resolution is at least the configured number of
     * blocks deep. Must not block for long: the listener's loop waits for it.
     *
     * @param resolution the confirmed resolution
     */
    void onResolved(ResolvedCondition resolution);
}
