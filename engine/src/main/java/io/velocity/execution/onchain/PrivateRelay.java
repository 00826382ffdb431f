package io.velocity.execution.onchain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.chain.RpcErrorException;
import io.velocity.chain.RpcTransportException;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Broadcasts through a private relay (Flashbots-style): the signed transaction goes to the relay's
 * {@code eth_sendRawTransaction} with the configured extra headers instead of the public mempool.
 * Reading (simulation, receipts) still uses the trusted RPC.
 */
public final class PrivateRelay implements Broadcaster, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METHOD = "eth_sendRawTransaction";

    private final URI url;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final HttpClient client;

    public PrivateRelay(URI url, Map<String, String> headers, Duration timeout) {
        this.url = url;
        this.headers = Map.copyOf(headers);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    @Override
    public String broadcast(SignedTransaction tx) {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + METHOD + "\",\"params\":[\"" + tx.rawHex() + "\"]}";
        HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        HttpResponse<String> response;
        try {
            response = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RpcTransportException(METHOD + " via private relay " + host() + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcTransportException(METHOD + " via private relay interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new RpcTransportException(METHOD + " via private relay " + host() + " answered HTTP " + response.statusCode(), null);
        }
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new RpcTransportException(METHOD + " via private relay " + host() + ": unreadable answer", e);
        }
        JsonNode error = json.get("error");
        if (error != null && !error.isNull()) {
            String message = error.path("message").asText("");
            if (message.toLowerCase(Locale.ROOT).contains("already known")) {
                return tx.hash();
            }
            throw new RpcErrorException(METHOD, error.path("code").asInt(), message);
        }
        JsonNode result = json.get("result");
        return result == null || result.isNull() ? tx.hash() : result.asText();
    }

    private String host() {
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
