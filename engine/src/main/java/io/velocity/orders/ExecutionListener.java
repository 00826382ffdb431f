package io.velocity.orders;

/** Receives execution reports on the rail's thread; the engine's implementation publishes them onto its ring. */
@FunctionalInterface
public interface ExecutionListener {
    void onReport(ExecutionReport report);
}
