package io.velocity.execution.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.Clock;
import io.velocity.execution.signing.L1Auth;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.security.KeystoreFile;
import io.velocity.security.SecretNames;
import io.velocity.security.SecretType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;

/**
 * Level-1 CLOB authentication: proves control of the wallet with a {@code ClobAuth} EIP-712
 * signature to create ({@code POST /auth/api-key}) or derive ({@code GET /auth/derive-api-key})
 * the L2 API credentials, and stores them in the keystore as {@code clob-api-key},
 * {@code clob-api-secret} and {@code clob-api-passphrase}.
 */
public final class ApiKeyClient {
    private final ClobHttp http;
    private final L1Auth l1;
    private final Clock clock;

    /**
     * @param http    an HTTP layer for the CLOB host (no L2 credentials needed)
     * @param chainId the chain id of the ClobAuth domain
     * @param clock   POLY_TIMESTAMP source
     */
    public ApiKeyClient(ClobHttp http, long chainId, Clock clock) {
        this.http = http;
        this.l1 = new L1Auth(chainId);
        this.clock = clock;
    }

    /** Creates new credentials for {@code key}'s wallet ({@code POST /auth/api-key}). */
    public CompletableFuture<ClobReply<ApiCredentials>> create(Secp256k1Signer key, long nonce) {
        return call("create_api_key", "POST", "/auth/api-key", key, nonce);
    }

    /** The existing credentials of {@code key}'s wallet for {@code nonce} ({@code GET /auth/derive-api-key}). */
    public CompletableFuture<ClobReply<ApiCredentials>> derive(Secp256k1Signer key, long nonce) {
        return call("derive_api_key", "GET", "/auth/derive-api-key", key, nonce);
    }

    /** Derives the credentials, creating them when the venue has none for this wallet and nonce. */
    public CompletableFuture<ClobReply<ApiCredentials>> deriveOrCreate(Secp256k1Signer key, long nonce) {
        return derive(key, nonce).thenCompose(reply -> reply.orderError() ? create(key, nonce)
                : CompletableFuture.completedFuture(reply));
    }

    /**
     * Stores {@code credentials} in the keystore file (three atomic writes; each replaces an older
     * entry of the same name). The password array is the caller's to zero.
     */
    public static void store(KeystoreFile keystore, char[] password, ApiCredentials credentials) {
        put(keystore, password, SecretNames.CLOB_API_KEY, SecretType.API_KEY, credentials.apiKey());
        put(keystore, password, SecretNames.CLOB_API_SECRET, SecretType.API_SECRET, credentials.secret());
        put(keystore, password, SecretNames.CLOB_API_PASSPHRASE, SecretType.API_PASSPHRASE, credentials.passphrase());
    }

    private static void put(KeystoreFile keystore, char[] password, String name, SecretType type, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        try {
            keystore.put(password, name, type, bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private CompletableFuture<ClobReply<ApiCredentials>> call(String op, String method, String path, Secp256k1Signer key,
                                                              long nonce) {
        ClobHttp.Call call = new ClobHttp.Call(op, method, path, null, null, false,
                l1.headers(key, clock.epochMillis() / 1000, nonce));
        return http.send(call).thenApply(reply -> {
            if (!reply.ok()) {
                return reply.map(j -> null);
            }
            JsonNode json = reply.value();
            String apiKey = text(json, "apiKey");
            String secret = text(json, "secret");
            String passphrase = text(json, "passphrase");
            if (apiKey.isEmpty() || secret.isEmpty() || passphrase.isEmpty()) {
                return ClobReply.railFailure(RailFailure.MALFORMED, reply.httpStatus(),
                        "credentials answer lacks apiKey, secret or passphrase", reply.latencyNanos());
            }
            return ClobReply.ok(new ApiCredentials(apiKey, secret, passphrase), reply.httpStatus(), reply.latencyNanos());
        });
    }

    private static String text(JsonNode json, String field) {
        JsonNode v = json == null ? null : json.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
