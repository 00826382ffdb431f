package io.velocity.sim.http;

/** Handles one route. Business rejections are responses; exceptions mean bugs (answered with 500). */
@FunctionalInterface
public interface RouteHandler {
    SimResponse handle(SimRequest request) throws Exception;
}
