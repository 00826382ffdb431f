package io.velocity.sim.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One REST request as a venue handler sees it.
 *
 * @param path       request path without the query string (what L2 signatures cover)
 * @param query      decoded query parameters; repeated names keep every value
 * @param headers    header values by lower-case name
 * @param body       the body exactly as sent
 * @param pathParams values of {@code {name}} segments in the route
 */
public record SimRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers, String body,
                         Map<String, String> pathParams) {

    /** First value of a query parameter, or null. */
    public String param(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** Every value of a query parameter (repeated or comma-separated). */
    public List<String> params(String name) {
        List<String> v = query.get(name);
        if (v == null) {
            return List.of();
        }
        return v.stream().flatMap(s -> java.util.Arrays.stream(s.split(","))).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /** A header value (case-insensitive name), or null. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }
}
