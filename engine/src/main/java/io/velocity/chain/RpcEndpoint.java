package io.velocity.chain;

import java.net.URI;
import java.util.Objects;

/**
 * One JSON-RPC endpoint. Provider URLs often carry an API key in the path or query
 * ({@code https://host/v2/KEY}), so logs and exception messages use {@link #displayName()},
 * which keeps only scheme, host and port.
 *
 * @param uri the full endpoint URI (http or https)
 */
public record RpcEndpoint(URI uri) {

    /** @throws IllegalArgumentException if the URI is not an absolute http(s) URI with a host */
    public RpcEndpoint {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("RPC endpoint must be http or https: " + redact(uri));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("RPC endpoint has no host: " + redact(uri));
        }
    }

    /**
     * @param url an http(s) URL
     * @return the endpoint
     */
    public static RpcEndpoint of(String url) {
        return new RpcEndpoint(URI.create(url));
    }

    /** @return {@code scheme://host[:port]}, with {@code /…} when a path or query was hidden */
    public String displayName() {
        return redact(uri);
    }

    /** @return the redacted form, so a record printed by accident leaks no key */
    @Override
    public String toString() {
        return displayName();
    }

    private static String redact(URI uri) {
        StringBuilder text = new StringBuilder();
        text.append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            text.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        if ((path != null && !path.isEmpty() && !path.equals("/")) || uri.getRawQuery() != null) {
            text.append("/…");
        }
        return text.toString();
    }
}
