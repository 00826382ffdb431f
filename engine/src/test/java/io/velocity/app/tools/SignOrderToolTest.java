package io.velocity.app.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.velocity.execution.signing.SigningVectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignOrderToolTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode VECTOR = SigningVectors.root().get("orders").get(0);
    private static final String KEY = VECTOR.get("privateKey").asText();
    private static final String KEY_DIGITS = KEY.substring(2);

    private static ObjectNode request(JsonNode vector) {
        ObjectNode request = JSON.createObjectNode();
        request.set("privateKey", vector.get("privateKey"));
        request.set("chainId", vector.get("chainId"));
        request.set("exchange", vector.get("exchange"));
        request.set("order", vector.get("order").deepCopy());
        return request;
    }

    private static ObjectNode order(ObjectNode request) {
        return (ObjectNode) request.get("order");
    }

    private static ToolRun run(String stdin) {
        return ToolRun.of(SignOrderTool::run, stdin);
    }

    private static void assertRejected(ToolRun result, String expectedLine) {
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).hasLineCount(1);
        assertThat(result.errLine()).isEqualTo(expectedLine);
        assertThat(result.err()).doesNotContainIgnoringCase(KEY_DIGITS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#orders")
    void printsVectorHashSignatureAndSignerAsOneJsonLine(String label, JsonNode vector) throws Exception {
        ToolRun result = run(request(vector).toString());

        assertThat(result.exitCode()).isZero();
        assertThat(result.err()).isEmpty();
        assertThat(result.out()).hasLineCount(1);
        JsonNode output = JSON.readTree(result.out());
        assertThat(output.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("orderHash", "signature", "signerAddress");
        assertThat(output).isEqualTo(vector.get("expected"));
    }

    @Test
    void acceptsJsonNumbersAndSideNames() throws Exception {
        ObjectNode request = request(VECTOR);
        ObjectNode order = order(request);
        order.put("salt", new java.math.BigInteger(order.get("salt").asText()));
        order.put("tokenId", new java.math.BigInteger(order.get("tokenId").asText()));
        order.put("makerAmount", order.get("makerAmount").asLong());
        order.put("takerAmount", order.get("takerAmount").asLong());
        order.put("timestamp", order.get("timestamp").asLong());
        order.put("side", "BUY");
        order.put("signatureType", "POLY_PROXY");
        request.put("chainId", "137");

        ToolRun result = run(request.toString());

        assertThat(result.err()).isEmpty();
        assertThat(JSON.readTree(result.out())).isEqualTo(VECTOR.get("expected"));
    }

    @Test
    void defaultsAbsentMetadataAndBuilderToZeroBytes() throws Exception {
        JsonNode vector = SigningVectors.root().get("orders").get(3); // both fields zero in the vector
        ObjectNode request = request(vector);
        order(request).remove("metadata");
        order(request).remove("builder");

        ToolRun result = run(request.toString());

        assertThat(JSON.readTree(result.out())).isEqualTo(vector.get("expected"));
    }

    @Test
    void namesTheFieldAndQuotesTheValueForANonNumericAmount() {
        ObjectNode request = request(VECTOR);
        order(request).put("makerAmount", "abc");

        assertRejected(run(request.toString()), "order.makerAmount: must be a non-negative integer, was \"abc\"");
    }

    @Test
    void rejectsFractionalNegativeAndOversizedIntegers() {
        ObjectNode fractional = request(VECTOR);
        order(fractional).put("takerAmount", new java.math.BigDecimal("1.5"));
        assertRejected(run(fractional.toString()), "order.takerAmount: must be a non-negative integer, was 1.5");

        ObjectNode negative = request(VECTOR);
        order(negative).put("timestamp", -1);
        assertRejected(run(negative.toString()), "order.timestamp: must be a non-negative integer, was -1");

        ObjectNode tooWide = request(VECTOR);
        order(tooWide).put("salt", java.math.BigInteger.ONE.shiftLeft(256).toString());
        assertThat(run(tooWide.toString()).errLine()).startsWith("order.salt: must be below 2^256");

        ObjectNode tooLarge = request(VECTOR);
        order(tooLarge).put("makerAmount", "9223372036854775808");
        assertRejected(run(tooLarge.toString()),
                "order.makerAmount: must be at most 9223372036854775807, was \"9223372036854775808\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"salt", "maker", "signer", "tokenId", "makerAmount", "takerAmount", "side",
            "signatureType", "timestamp"})
    void namesEachMissingOrderField(String field) {
        ObjectNode request = request(VECTOR);
        order(request).remove(field);

        assertRejected(run(request.toString()), "order." + field + ": required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"privateKey", "chainId", "exchange", "order"})
    void namesEachMissingTopLevelField(String field) {
        ObjectNode request = request(VECTOR);
        request.remove(field);

        assertRejected(run(request.toString()), field + ": required");
    }

    @Test
    void rejectsInvalidEnumsAndAddressesNamingTheField() {
        ObjectNode side = request(VECTOR);
        order(side).put("side", "HOLD");
        assertRejected(run(side.toString()), "order.side: must be 0 or \"BUY\", 1 or \"SELL\", was \"HOLD\"");

        ObjectNode type = request(VECTOR);
        order(type).put("signatureType", 4);
        assertThat(run(type.toString()).errLine()).startsWith("order.signatureType: must be 0 (EOA)").endsWith("was 4");

        ObjectNode maker = request(VECTOR);
        order(maker).put("maker", "0x1234");
        assertRejected(run(maker.toString()), "order.maker: must be 0x followed by 40 hex digits, got 4 characters");

        ObjectNode checksum = request(VECTOR);
        checksum.put("exchange", "0xe111180000d2663C0091e4f400237545B87B996B");
        assertThat(run(checksum.toString()).errLine()).startsWith("exchange: mixed-case address fails its EIP-55 checksum");

        ObjectNode metadata = request(VECTOR);
        order(metadata).put("metadata", "0x00");
        assertRejected(run(metadata.toString()), "order.metadata: must be 0x followed by 64 hex digits, got 2 characters");
    }

    @Test
    void rejectsAnOrderWhoseSignerIsNotTheKeysAddress() {
        ObjectNode request = request(VECTOR);
        order(request).put("signer", "0x0000000000000000000000000000000000000001");

        ToolRun result = run(request.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("order.signer: ").contains("is not the signing key's address");
        assertThat(result.err()).doesNotContainIgnoringCase(KEY_DIGITS);
    }

    @Test
    void neverEchoesAMalformedPrivateKey() {
        ObjectNode shortKey = request(VECTOR);
        shortKey.put("privateKey", KEY.substring(0, KEY.length() - 1));
        assertRejected(run(shortKey.toString()),
                "privateKey: must be 32 bytes of hex (0x followed by 64 hex digits), got 63 digits");

        ObjectNode nonHex = request(VECTOR);
        nonHex.put("privateKey", KEY.substring(0, KEY.length() - 1) + "z");
        assertRejected(run(nonHex.toString()), "privateKey: must be 32 bytes of hex (0x followed by 64 hex digits)");

        ObjectNode outOfRange = request(VECTOR);
        outOfRange.put("privateKey", "0x" + "f".repeat(64));
        assertThat(run(outOfRange.toString()).errLine())
                .isEqualTo("privateKey: not a valid secp256k1 private key (must be in [1, n-1])");

        ObjectNode number = request(VECTOR);
        number.put("privateKey", 12345);
        assertRejected(run(number.toString()), "privateKey: must be a string, was a number");
    }

    @Test
    void neverEchoesTheKeyEvenWhenItIsPastedIntoAnotherField() {
        ObjectNode request = request(VECTOR);
        order(request).put("maker", KEY);
        order(request).put("salt", KEY_DIGITS);

        ToolRun result = run(request.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).doesNotContainIgnoringCase(KEY_DIGITS).startsWith("order.salt: ");
    }

    @Test
    void reportsMalformedJsonByPositionWithoutQuotingTheInput() {
        String truncated = request(VECTOR).toString().replace("\"chainId\"", "chainId");

        ToolRun result = run(truncated);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("request: malformed JSON at line 1, column ");
        assertThat(result.err()).doesNotContainIgnoringCase(KEY_DIGITS).doesNotContain("chainId");
    }

    @Test
    void rejectsEmptyInputTrailingDataAndNonObjects() {
        assertRejected(run(""), "request: expected one JSON object on stdin, got nothing");
        assertThat(run(request(VECTOR) + " {}").errLine()).startsWith("request: malformed JSON");
        assertRejected(run("[1,2]"), "request: expected a JSON object, was an array");
    }

    @Test
    void rejectsDuplicateFieldsWithoutQuotingThem() {
        String duplicate = "{\"privateKey\":\"" + KEY + "\",\"privateKey\":\"" + KEY + "\"}";

        ToolRun result = run(duplicate);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLine()).startsWith("request: malformed JSON");
        assertThat(result.err()).doesNotContainIgnoringCase(KEY_DIGITS);
    }
}
