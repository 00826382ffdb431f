package io.velocity.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.execution.signing.SigningVectors;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class L2HeadersToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode VECTOR = SigningVectors.root().get("l2hmac").get(1);
    private static final String SECRET = VECTOR.get("secret").asText();

    private static ObjectNode request(JsonNode vector) {
        ObjectNode request = JSON.createObjectNode();
        for (String field : new String[] {"secret", "timestamp", "method", "requestPath", "body"}) {
            request.set(field, vector.get(field));
        }
        return request;
    }

    private static ToolRun run(String stdin) {
        return ToolRun.of(L2HeadersTool::run, stdin);
    }

    private static void assertRejected(ToolRun result, String expectedLine) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).hasLineCount(1);
        assertThat(result.errLine()).isEqualTo(expectedLine);
        assertThat(result.err()).doesNotContain(SECRET).doesNotContain(SECRET.substring(0, 20));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#l2hmac")
    void printsVectorSignatureAndTimestamp(String label, JsonNode vector) throws Exception {
        ToolRun result = run(request(vector).toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).hasLineCount(1);
        JsonNode headers = JSON.readTree(result.out());
        assertThat(headers.get("POLY_SIGNATURE").asText()).isEqualTo(vector.get("expectedSignature").asText());
        assertThat(headers.get("POLY_TIMESTAMP").asText()).isEqualTo(vector.get("timestamp").asText());
        assertThat(result.out()).doesNotContain(vector.get("secret").asText());
    }

    @Test
    void printsTheFullHeaderSetInRequestOrderWhenCredentialsAreGiven() throws Exception {
        ObjectNode request = request(VECTOR);
        request.put("address", "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        request.put("apiKey", "00000000-0000-0000-0000-000000000000");
        request.put("passphrase", "phrase-value");

        JsonNode headers = JSON.readTree(run(request.toString()).out());

        assertThat(headers.properties()).extracting(Map.Entry::getKey).containsExactly(
                "POLY_ADDRESS", "POLY_SIGNATURE", "POLY_TIMESTAMP", "POLY_API_KEY", "POLY_PASSPHRASE");
        assertThat(headers.get("POLY_ADDRESS").asText()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(headers.get("POLY_SIGNATURE").asText()).isEqualTo(VECTOR.get("expectedSignature").asText());
        assertThat(headers.get("POLY_API_KEY").asText()).isEqualTo("00000000-0000-0000-0000-000000000000");
        assertThat(headers.get("POLY_PASSPHRASE").asText()).isEqualTo("phrase-value");
    }

    @Test
    void treatsAbsentBodyAsEmptyAndAcceptsNumericTimestamp() throws Exception {
        JsonNode getVector = SigningVectors.root().get("l2hmac").get(0); // a GET with body ""
        ObjectNode request = request(getVector);
        request.remove("body");
        request.put("timestamp", Long.parseLong(getVector.get("timestamp").asText()));

        JsonNode headers = JSON.readTree(run(request.toString()).out());

        assertThat(headers.get("POLY_SIGNATURE").asText()).isEqualTo(getVector.get("expectedSignature").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret", "timestamp", "method", "requestPath"})
    void namesEachMissingRequiredField(String field) {
        ObjectNode request = request(VECTOR);
        request.remove(field);

        assertRejected(run(request.toString()), field + ": required");
    }

    @Test
    void rejectsBadValuesNamingTheField() {
        ObjectNode timestamp = request(VECTOR);
        timestamp.put("timestamp", "soon");
        assertRejected(run(timestamp.toString()), "timestamp: must be a non-negative integer, was \"soon\"");

        ObjectNode path = request(VECTOR);
        path.put("requestPath", "/data/trades?next_cursor=MA==");
        assertThat(run(path.toString()).errLine()).startsWith("requestPath: must not include a query string");

        ObjectNode body = request(VECTOR);
        body.set("body", JSON.createObjectNode().put("orderID", "0x1"));
        assertRejected(run(body.toString()), "body: must be a string (exactly as sent), was an object");

        ObjectNode address = request(VECTOR);
        address.put("address", "0x12");
        assertRejected(run(address.toString()), "address: must be 0x followed by 40 hex digits, got 2 characters");
    }

    @Test
    void neverEchoesAnInvalidSecret() {
        ObjectNode request = request(VECTOR);
        String badSecret = SECRET.substring(0, 20) + "!" + SECRET.substring(21);
        request.put("secret", badSecret);

        ToolRun result = run(request.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLine()).isEqualTo("secret: not valid base64 (URL-safe or standard alphabet)");
        assertThat(result.err()).doesNotContain(badSecret).doesNotContain(SECRET.substring(0, 20));
    }

    @Test
    void neverEchoesTheSecretEvenWhenItIsPastedIntoAnotherField() {
        ObjectNode request = request(VECTOR);
        request.put("timestamp", SECRET);

        ToolRun result = run(request.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("timestamp: must be a non-negative integer, was ");
        assertThat(result.err()).doesNotContain(SECRET);
    }

    @Test
    void reportsMalformedJsonWithoutQuotingTheInput() {
        ToolRun result = run("{\"secret\":\"" + SECRET + "\", timestamp: 1}");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("request: malformed JSON at line 1");
        assertThat(result.err()).doesNotContain(SECRET);
    }
}
