package io.velocity.app.tools;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.execution.signing.ClobHeaders;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.L2Auth;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * {@code velocity tools l2-headers}: computes the CLOB L2 authentication headers for one request
 * read as JSON from stdin and prints them as one JSON line.
 *
 * <p>Input: {@code {"secret","timestamp","method","requestPath","body"?,"address"?,"apiKey"?,
 * "passphrase"?}}. {@code timestamp} is Unix seconds (integer or decimal string); {@code method}
 * and {@code body} are signed exactly as given, an absent body as the empty string. Output: the
 * header map in request order — POLY_ADDRESS (checksummed, when an address is given),
 * POLY_SIGNATURE, POLY_TIMESTAMP, and POLY_API_KEY / POLY_PASSPHRASE when given.
 *
 * <p>Exit codes: 0 done; 2 bad input, with one line on stderr naming the field; 1 unexpected
 * failure. The secret is never written anywhere, errors included.
 */
public final class L2HeadersTool {

    private L2HeadersTool() {
    }

    /** Entry point; exits with {@link #run(InputStream, PrintStream, PrintStream)}'s code. */
    public static void main(String[] args) {
        System.exit(run(System.in, System.out, System.err));
    }

    /**
     * Reads one request from {@code in}, writes the header line to {@code out} or one error line to
     * {@code err}.
     *
     * @return 0 on success, 2 on bad input, 1 on an unexpected failure
     */
    public static int run(InputStream in, PrintStream out, PrintStream err) {
        return JsonTool.run("l2-headers", List.of("secret", "passphrase"), L2HeadersTool::headers, in, out, err);
    }

    private static ObjectNode headers(JsonRequest request) {
        String secret = request.secretText("secret");
        String timestamp = request.integerText("timestamp");
        String method = request.text("method");
        String requestPath = request.text("requestPath");
        String body = request.optionalRawText("body");
        EthAddress address = request.has("address") ? request.address("address") : null;
        String apiKey = request.optionalText("apiKey");
        String passphrase = request.has("passphrase") ? request.secretText("passphrase") : null;

        String signature = L2Auth.signature(secret, timestamp, method, requestPath, body);

        ObjectNode headers = JsonRequest.newObject();
        if (address != null) {
            headers.put(ClobHeaders.POLY_ADDRESS, address.toChecksumHex());
        }
        headers.put(ClobHeaders.POLY_SIGNATURE, signature);
        headers.put(ClobHeaders.POLY_TIMESTAMP, timestamp);
        if (apiKey != null) {
            headers.put(ClobHeaders.POLY_API_KEY, apiKey);
        }
        if (passphrase != null) {
            headers.put(ClobHeaders.POLY_PASSPHRASE, passphrase);
        }
        return headers;
    }
}
