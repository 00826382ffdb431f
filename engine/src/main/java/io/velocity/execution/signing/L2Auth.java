package io.velocity.execution.signing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Level-2 CLOB authentication for every private request: HMAC-SHA256, keyed with the
 * base64-decoded API secret, over {@code timestamp + method + requestPath + body}, encoded as
 * URL-safe base64 <b>with</b> {@code =} padding (what the official clients send).
 *
 * <ul>
 *   <li>The secret is decoded leniently the way the official clients do: URL-safe ({@code -_}) and
 *       standard ({@code +/}) alphabets are both accepted and padding is optional, so a secret
 *       copied from a tool that re-encoded it still works. Anything else is rejected.</li>
 *   <li>{@code method} and {@code body} are signed exactly as sent: no case change (the server
 *       hashes the request line it receives) and an absent body signs as the empty string.</li>
 *   <li>{@code requestPath} is the path only; a query string is rejected because the venue signs
 *       without it and a signature over it would fail authentication.</li>
 * </ul>
 *
 * <p>An instance keeps the decoded secret only inside its HMAC state; {@link #close()} re-keys that
 * state with zeros. Methods are {@code synchronized}, so one instance may serve several request
 * threads. The secret and passphrase never appear in {@link #toString()} or exception messages.
 */
public final class L2Auth implements AutoCloseable {

    private static final int HMAC_LENGTH = 32;

    private final EthAddress address;
    private final String apiKey;
    private final String passphrase;
    private final HMac hmac = new HMac(new SHA256Digest());
    private final byte[] macOut = new byte[HMAC_LENGTH];
    private boolean closed;

    /**
     * L2 authentication for the credentials returned by L1 key creation or derivation.
     *
     * @param address    the wallet address the API key belongs to (sent as POLY_ADDRESS, checksummed)
     * @param apiKey     the API key
     * @param secret     the API secret, base64 (URL-safe or standard alphabet)
     * @param passphrase the API passphrase
     * @throws IllegalArgumentException naming the field when one is missing or the secret is not base64;
     *                                  the message never contains the secret or passphrase
     */
    public L2Auth(EthAddress address, String apiKey, String secret, String passphrase) {
        if (address == null) {
            throw new IllegalArgumentException("address: required");
        }
        requireText(apiKey, "apiKey");
        requireText(passphrase, "passphrase");
        this.address = address;
        this.apiKey = apiKey;
        this.passphrase = passphrase;
        byte[] key = decodeSecret(secret);
        hmac.init(new KeyParameter(key));
        Arrays.fill(key, (byte) 0);
    }

    /** The wallet address sent as POLY_ADDRESS. */
    public EthAddress address() {
        return address;
    }

    /**
     * The POLY_SIGNATURE value for one request.
     *
     * @param timestampSeconds the POLY_TIMESTAMP that will be sent (Unix seconds)
     * @param method           the HTTP method exactly as sent, e.g. {@code GET}
     * @param requestPath      the path without query string, e.g. {@code /data/orders}
     * @param body             the body exactly as sent, or null/empty for none
     * @throws IllegalArgumentException when an argument is invalid
     * @throws IllegalStateException    when closed
     */
    public synchronized String signature(long timestampSeconds, String method, String requestPath, String body) {
        if (timestampSeconds < 0) {
            throw new IllegalArgumentException("timestamp: must be >= 0, was " + timestampSeconds);
        }
        if (closed) {
            throw new IllegalStateException("L2 credentials for " + address + " are closed");
        }
        return sign(hmac, macOut, Long.toString(timestampSeconds), method, requestPath, body);
    }

    /**
     * The full L2 header set for one request, in this order: POLY_ADDRESS, POLY_SIGNATURE,
     * POLY_TIMESTAMP, POLY_API_KEY, POLY_PASSPHRASE.
     *
     * @return an unmodifiable, insertion-ordered map
     * @see #signature(long, String, String, String)
     */
    public Map<String, String> headers(long timestampSeconds, String method, String requestPath, String body) {
        String signature = signature(timestampSeconds, method, requestPath, body);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ClobHeaders.POLY_ADDRESS, address.toChecksumHex());
        headers.put(ClobHeaders.POLY_SIGNATURE, signature);
        headers.put(ClobHeaders.POLY_TIMESTAMP, Long.toString(timestampSeconds));
        headers.put(ClobHeaders.POLY_API_KEY, apiKey);
        headers.put(ClobHeaders.POLY_PASSPHRASE, passphrase);
        return Collections.unmodifiableMap(headers);
    }

    /**
     * One-off L2 signature for a secret not held in an instance (tools, tests). Thread-safe.
     *
     * @param secret      the API secret, base64 (URL-safe or standard alphabet, padding optional)
     * @param timestamp   the POLY_TIMESTAMP text exactly as it will be sent
     * @param method      the HTTP method exactly as sent
     * @param requestPath the path without query string
     * @param body        the body exactly as sent, or null/empty for none
     * @throws IllegalArgumentException naming the offending field; never containing the secret
     */
    public static String signature(String secret, String timestamp, String method, String requestPath, String body) {
        requireText(timestamp, "timestamp");
        byte[] key = decodeSecret(secret);
        HMac mac = new HMac(new SHA256Digest());
        try {
            mac.init(new KeyParameter(key));
            return sign(mac, new byte[HMAC_LENGTH], timestamp, method, requestPath, body);
        } finally {
            Arrays.fill(key, (byte) 0);
            mac.init(new KeyParameter(new byte[HMAC_LENGTH])); // overwrite the keyed pads
        }
    }

    /** Re-keys the HMAC state with zeros so the secret no longer lives in this object. Idempotent. */
    @Override
    public synchronized void close() {
        hmac.init(new KeyParameter(new byte[HMAC_LENGTH]));
        Arrays.fill(macOut, (byte) 0);
        closed = true;
    }

    /** Names the address only; never the key, secret or passphrase. */
    @Override
    public String toString() {
        return "L2Auth[" + address + "]";
    }

    /**
     * Decodes an API secret from either base64 alphabet, padding optional.
     *
     * @throws IllegalArgumentException ("secret: ...") when missing or not base64; never containing it
     */
    static byte[] decodeSecret(String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret: required (base64 API secret)");
        }
        int end = secret.length();
        int padding = 0;
        while (end > 0 && secret.charAt(end - 1) == '=') {
            end--;
            padding++;
        }
        if (padding > 2 || end == 0) {
            throw new IllegalArgumentException("secret: not valid base64");
        }
        char[] urlSafe = new char[end];
        for (int i = 0; i < end; i++) {
            char c = secret.charAt(i);
            if (c == '+') {
                c = '-';
            } else if (c == '/') {
                c = '_';
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                Arrays.fill(urlSafe, '\0');
                throw new IllegalArgumentException("secret: not valid base64 (URL-safe or standard alphabet)");
            }
            urlSafe[i] = c;
        }
        // One leftover character cannot encode a whole byte; Java's decoder would reject it too, but
        // with a message quoting the input, which must not reach a log.
        if (end % 4 == 1) {
            Arrays.fill(urlSafe, '\0');
            throw new IllegalArgumentException("secret: not valid base64 (truncated)");
        }
        byte[] ascii = new byte[end];
        for (int i = 0; i < end; i++) {
            ascii[i] = (byte) urlSafe[i];
        }
        Arrays.fill(urlSafe, '\0');
        try {
            return Base64.getUrlDecoder().decode(ascii);
        } finally {
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private static String sign(HMac mac, byte[] out, String timestamp, String method, String requestPath, String body) {
        requireText(method, "method");
        requireText(requestPath, "requestPath");
        if (requestPath.charAt(0) != '/') {
            throw new IllegalArgumentException("requestPath: must start with '/', e.g. /data/orders");
        }
        if (requestPath.indexOf('?') >= 0) {
            throw new IllegalArgumentException(
                    "requestPath: must not include a query string; the venue signs the path only");
        }
        String message = timestamp + method + requestPath + (body == null ? "" : body);
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        mac.update(bytes, 0, bytes.length);
        mac.doFinal(out, 0);
        return Base64.getUrlEncoder().encodeToString(out);
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(field + ": required");
        }
    }
}
