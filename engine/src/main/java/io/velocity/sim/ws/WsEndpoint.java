package io.velocity.sim.ws;

/** One WebSocket path of a simulated venue. Callbacks arrive on the server's I/O threads. */
public interface WsEndpoint {
    /** A client connected; {@code query} is the raw query string (may be empty). */
    void onOpen(WsSession session, String query);

    void onText(WsSession session, String text);

    void onClose(WsSession session);
}
