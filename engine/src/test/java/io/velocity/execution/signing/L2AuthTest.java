package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class L2AuthTest {

    private static final EthAddress WALLET = EthAddress.parse("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
    private static final String ZERO_SECRET = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @Test
    void matchesOfficialPythonClientVectorWithLowerCaseMethod() {
        // py-clob-client tests/signing/test_hmac.py; the method is signed verbatim
        assertThat(L2Auth.signature(ZERO_SECRET, "1000000", "test-sign", "/orders", "{\"hash\": \"0x123\"}"))
                .isEqualTo("ZwAdJKvoYRlEKDkNMwd5BuwNNtg93kNaR_oU2HrfVvc=");
    }

    @Test
    void encodesUrlSafeWithPadding() {
        String signature = L2Auth.signature(ZERO_SECRET, "1", "GET", "/order", "");

        assertThat(signature).hasSize(44).endsWith("=").doesNotContain("+", "/");
    }

    @Test
    void acceptsSecretInStandardAlphabetAsTheSameKey() {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (0xf8 + i % 8); // high bytes make base64 use '+'/'/' and '-'/'_'
        }
        String urlSafe = Base64.getUrlEncoder().encodeToString(key);
        String standard = Base64.getEncoder().encodeToString(key);
        assertThat(urlSafe).containsAnyOf("-", "_");
        assertThat(standard).containsAnyOf("+", "/");

        String expected = L2Auth.signature(urlSafe, "1780000000", "POST", "/order", "{}");

        assertThat(L2Auth.signature(standard, "1780000000", "POST", "/order", "{}")).isEqualTo(expected);
        assertThat(L2Auth.signature(urlSafe.replace("=", ""), "1780000000", "POST", "/order", "{}")).isEqualTo(expected);
    }

    @Test
    void absentBodySignsLikeEmptyBody() {
        assertThat(L2Auth.signature(ZERO_SECRET, "5", "GET", "/data/orders", null))
                .isEqualTo(L2Auth.signature(ZERO_SECRET, "5", "GET", "/data/orders", ""));
    }

    @Test
    void methodCaseIsSignedAsGiven() {
        assertThat(L2Auth.signature(ZERO_SECRET, "5", "get", "/order", ""))
                .isNotEqualTo(L2Auth.signature(ZERO_SECRET, "5", "GET", "/order", ""));
    }

    @Test
    void rejectsSecretThatIsNotBase64WithoutEchoingIt() {
        String secret = "not*base64*secret-value";

        assertThatThrownBy(() -> L2Auth.signature(secret, "5", "GET", "/order", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("secret: ")
                .hasMessageNotContaining("not*base64");
        assertThatThrownBy(() -> L2Auth.signature("AAAAA", "5", "GET", "/order", "")).hasMessageStartingWith("secret: ");
        assertThatThrownBy(() -> L2Auth.signature("", "5", "GET", "/order", "")).hasMessageStartingWith("secret: required");
    }

    @Test
    void rejectsPathWithQueryStringOrWithoutLeadingSlash() {
        assertThatThrownBy(() -> L2Auth.signature(ZERO_SECRET, "5", "GET", "/data/trades?next_cursor=MA==", ""))
                .hasMessageStartingWith("requestPath: must not include a query string");
        assertThatThrownBy(() -> L2Auth.signature(ZERO_SECRET, "5", "GET", "order", ""))
                .hasMessageStartingWith("requestPath: must start with '/'");
        assertThatThrownBy(() -> L2Auth.signature(ZERO_SECRET, "5", "", "/order", ""))
                .hasMessageStartingWith("method: required");
    }

    @Test
    void headersCarryTheFiveL2HeadersInOrder() {
        try (L2Auth auth = new L2Auth(WALLET, "key-1", ZERO_SECRET, "phrase")) {
            Map<String, String> headers = auth.headers(1_780_000_000L, "DELETE", "/order", "{\"orderID\":\"0x1\"}");

            assertThat(headers).containsExactly(
                    Map.entry(ClobHeaders.POLY_ADDRESS, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"),
                    Map.entry(ClobHeaders.POLY_SIGNATURE,
                            L2Auth.signature(ZERO_SECRET, "1780000000", "DELETE", "/order", "{\"orderID\":\"0x1\"}")),
                    Map.entry(ClobHeaders.POLY_TIMESTAMP, "1780000000"),
                    Map.entry(ClobHeaders.POLY_API_KEY, "key-1"),
                    Map.entry(ClobHeaders.POLY_PASSPHRASE, "phrase"));
        }
    }

    @Test
    void instanceGivesSameSignatureOnRepeatedUse() {
        try (L2Auth auth = new L2Auth(WALLET, "key-1", ZERO_SECRET, "phrase")) {
            String first = auth.signature(10, "GET", "/order", "");
            auth.signature(11, "POST", "/order", "{}");

            assertThat(auth.signature(10, "GET", "/order", "")).isEqualTo(first)
                    .isEqualTo(L2Auth.signature(ZERO_SECRET, "10", "GET", "/order", ""));
        }
    }

    @Test
    void closedInstanceRefusesToSignAndNeverPrintsSecrets() {
        L2Auth auth = new L2Auth(WALLET, "key-1", ZERO_SECRET, "phrase");
        assertThat(auth.toString()).doesNotContain(ZERO_SECRET).doesNotContain("phrase").doesNotContain("key-1");

        auth.close();

        assertThatThrownBy(() -> auth.signature(10, "GET", "/order", "")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void constructorNamesMissingCredentialFields() {
        assertThatThrownBy(() -> new L2Auth(null, "k", ZERO_SECRET, "p")).hasMessageStartingWith("address: required");
        assertThatThrownBy(() -> new L2Auth(WALLET, "", ZERO_SECRET, "p")).hasMessageStartingWith("apiKey: required");
        assertThatThrownBy(() -> new L2Auth(WALLET, "k", ZERO_SECRET, null)).hasMessageStartingWith("passphrase: required");
        assertThatThrownBy(() -> new L2Auth(WALLET, "k", "%%%", "p")).hasMessageStartingWith("secret: ");
    }
}
