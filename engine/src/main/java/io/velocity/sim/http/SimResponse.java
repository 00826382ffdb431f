package io.velocity.sim.http;

import java.util.Map;

/** A REST reply: status, JSON body and extra headers. */
public record SimResponse(int status, byte[] body, Map<String, String> headers) {

    public static SimResponse json(int status, byte[] body) {
        return new SimResponse(status, body, Map.of());
    }

    public static SimResponse ok(byte[] body) {
        return new SimResponse(200, body, Map.of());
    }

    public SimResponse withHeader(String name, String value) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimResponse(status, body, Map.copyOf(h));
    }
}
