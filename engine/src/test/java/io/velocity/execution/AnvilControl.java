package io.velocity.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.math.BigInteger;
import java.util.List;

/** anvil's test-control JSON-RPC methods (mining mode, next base fee, the mempool) for Rail B tests. */
public final class AnvilControl {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI url;
    private final HttpClient http = HttpClient.newHttpClient();

    public AnvilControl(String rpcUrl) {
        this.url = URI.create(rpcUrl);
    }

    public JsonNode call(String method, Object... params) {
        try {
            String body = JSON.writeValueAsString(java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method,
                    "params", List.of(params)));
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = JSON.readTree(r.body());
            if (json.hasNonNull("error")) {
                throw new IllegalStateException(method + ": " + json.get("error"));
            }
            return json.get("result");
        } catch (IOException e) {
            throw new IllegalStateException(method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        }
    }

    public void automine(boolean on) {
        call("evm_setAutomine", on);
    }

    public void mine() {
        call("evm_mine");
    }

    public void nextBaseFee(BigInteger wei) {
        call("anvil_setNextBlockBaseFeePerGas", "0x" + wei.toString(16));
    }

    /** The mempool's pending transaction of {@code address} at {@code nonce}, or null. */
    public JsonNode pooled(String address, long nonce) {
        JsonNode pending = call("txpool_content").path("pending").path(address.toLowerCase(java.util.Locale.ROOT));
        JsonNode tx = pending.get(Long.toString(nonce));
        return tx == null || tx.isNull() ? null : tx;
    }
}
