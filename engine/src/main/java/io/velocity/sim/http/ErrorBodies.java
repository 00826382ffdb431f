package io.velocity.sim.http;

/** A venue's own shape for a bare error status (404, 429, 500, 503). */
@FunctionalInterface
public interface ErrorBodies {
    byte[] body(int status);
}
