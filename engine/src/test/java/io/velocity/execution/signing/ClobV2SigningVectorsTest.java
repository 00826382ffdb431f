package io.velocity.execution.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reproduces every vector of the independent implementation byte for byte. */
class ClobV2SigningVectorsTest {

    @Test
    void vectorFileHoldsOnlyKindsThisSuiteChecks() {
        // A new kind of vector added to the shared file must get a test here, not be skipped silently.
        List<String> kinds = new ArrayList<>();
        SigningVectors.root().fieldNames().forEachRemaining(kinds::add);
        assertThat(kinds).containsExactlyInAnyOrder("orders", "l2hmac");
        assertThat(SigningVectors.root().get("orders")).hasSizeGreaterThanOrEqualTo(4);
        assertThat(SigningVectors.root().get("l2hmac")).hasSizeGreaterThanOrEqualTo(4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#orders")
    void orderHashSignatureAndSignerMatchVector(String label, JsonNode vector) {
        try (Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(privateKey(vector))) {
            OrderSigner signer = new OrderSigner(vector.get("chainId").asLong(),
                    EthAddress.parse(vector.get("exchange").asText()), key);

            SignedOrder signed = signer.sign(order(vector.get("order")));

            JsonNode expected = vector.get("expected");
            assertThat(signed.orderHashHex()).isEqualTo(expected.get("orderHash").asText());
            assertThat(signed.signatureHex()).isEqualTo(expected.get("signature").asText());
            assertThat(key.address().toChecksumHex()).isEqualTo(expected.get("signerAddress").asText());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#orders")
    void vectorSignatureRecoversToSignerAndIsLowS(String label, JsonNode vector) {
        ClobOrder order = order(vector.get("order"));
        OrderHasher hasher = new OrderHasher(vector.get("chainId").asLong(), EthAddress.parse(vector.get("exchange").asText()));
        byte[] signature = Hex.decode(vector.get("expected").get("signature").asText(), 65, "signature");

        assertThat(hasher.recoverSigner(order, signature))
                .contains(EthAddress.parse(vector.get("expected").get("signerAddress").asText()));
        assertThat(Secp256k1Signer.isLowS(signature)).isTrue();
        assertThat(signature[64]).isIn((byte) 27, (byte) 28);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#orders")
    void signerAddressDerivesFromPrivateKey(String label, JsonNode vector) {
        assertThat(EthAddress.fromPrivateKey(privateKey(vector)).toChecksumHex())
                .isEqualTo(vector.get("expected").get("signerAddress").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#l2hmac")
    void l2SignatureMatchesVector(String label, JsonNode vector) {
        String signature = L2Auth.signature(vector.get("secret").asText(), vector.get("timestamp").asText(),
                vector.get("method").asText(), vector.get("requestPath").asText(), vector.get("body").asText());

        assertThat(signature).isEqualTo(vector.get("expectedSignature").asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.velocity.execution.signing.SigningVectors#l2hmac")
    void l2HeaderSetCarriesVectorSignature(String label, JsonNode vector) {
        EthAddress address = EthAddress.parse("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        try (L2Auth auth = new L2Auth(address, "api-key", vector.get("secret").asText(), "pass")) {
            var headers = auth.headers(Long.parseLong(vector.get("timestamp").asText()), vector.get("method").asText(),
                    vector.get("requestPath").asText(), vector.get("body").asText());

            assertThat(headers).containsEntry(ClobHeaders.POLY_SIGNATURE, vector.get("expectedSignature").asText())
                    .containsEntry(ClobHeaders.POLY_TIMESTAMP, vector.get("timestamp").asText());
        }
    }

    static byte[] privateKey(JsonNode vector) {
        return Hex.decode(vector.get("privateKey").asText(), 32, "privateKey");
    }

    static ClobOrder order(JsonNode o) {
        return new ClobOrder(
                new BigInteger(o.get("salt").asText()),
                EthAddress.parse(o.get("maker").asText()),
                EthAddress.parse(o.get("signer").asText()),
                new BigInteger(o.get("tokenId").asText()),
                Long.parseLong(o.get("makerAmount").asText()),
                Long.parseLong(o.get("takerAmount").asText()),
                Side.fromCode(o.get("side").asInt()),
                SignatureType.fromCode(o.get("signatureType").asInt()),
                Long.parseLong(o.get("timestamp").asText()),
                Hex.decode(o.get("metadata").asText(), 32, "metadata"),
                Hex.decode(o.get("builder").asText(), 32, "builder"));
    }
}
