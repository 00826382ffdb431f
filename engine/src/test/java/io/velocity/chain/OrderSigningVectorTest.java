package io.velocity.chain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.datatypes.Address;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/**
 * The EIP-712 formula the local exchange implements, checked in pure Java against the CLOB V2
 * vectors (computed by an independent implementation) and against web3j's typed-data encoder.
 * The exchange's {@code hashOrder} is in turn checked against this formula on chain.
 */
class OrderSigningVectorTest {

    record Vector(String privateKey, long chainId, Address exchange, TestOrder order, JsonNode orderJson,
            Hash32 expectedHash, String expectedSignature, String expectedSigner) {
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = OrderSigningVectorTest.class.getResourceAsStream("/vectors/clob-v2-signing.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Vector> vectors = new ArrayList<>();
            for (JsonNode node : root.get("orders")) {
                JsonNode o = node.get("order");
                TestOrder order = new TestOrder(new BigInteger(o.get("salt").asText()),
                        new Address(o.get("maker").asText()), new Address(o.get("signer").asText()),
                        new BigInteger(o.get("tokenId").asText()), new BigInteger(o.get("makerAmount").asText()),
                        new BigInteger(o.get("takerAmount").asText()), o.get("side").asInt(),
                        o.get("signatureType").asInt(), new BigInteger(o.get("timestamp").asText()),
                        Hash32.of(o.get("metadata").asText()), Hash32.of(o.get("builder").asText()));
                JsonNode expected = node.get("expected");
                vectors.add(new Vector(node.get("privateKey").asText(), node.get("chainId").asLong(),
                        new Address(node.get("exchange").asText()), order, o,
                        Hash32.of(expected.get("orderHash").asText()), expected.get("signature").asText(),
                        expected.get("signerAddress").asText()));
            }
            return vectors;
        }
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void javaFormulaGivesTheVectorOrderHash(Vector vector) {
        assertThat(vector.order().digest(vector.chainId(), vector.exchange())).isEqualTo(vector.expectedHash());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void signingTheDigestGivesTheVectorSignature(Vector vector) throws Exception {
        Credentials key = Credentials.create(vector.privateKey());
        byte[] signature = vector.order().sign(key.getEcKeyPair(), vector.chainId(), vector.exchange());

        // ECDSA here is deterministic (RFC 6979), so the bytes must match exactly.
        assertThat(Numeric.toHexString(signature)).isEqualTo(vector.expectedSignature());
        Sign.SignatureData parts = new Sign.SignatureData(signature[64],
                java.util.Arrays.copyOfRange(signature, 0, 32), java.util.Arrays.copyOfRange(signature, 32, 64));
        BigInteger recovered = Sign.signedMessageHashToKey(vector.expectedHash().bytes(), parts);
        assertThat(Keys.toChecksumAddress(Keys.getAddress(recovered))).isEqualTo(vector.expectedSigner());
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void web3jTypedDataEncoderAgreesWithTheFormula(Vector vector) throws IOException {
        String typedData = """
                {"types":{
                  "EIP712Domain":[{"name":"name","type":"string"},{"name":"version","type":"string"},
                                  {"name":"chainId","type":"uint256"},{"name":"verifyingContract","type":"address"}],
                  "Order":[{"name":"salt","type":"uint256"},{"name":"maker","type":"address"},
                           {"name":"signer","type":"address"},{"name":"tokenId","type":"uint256"},
                           {"name":"makerAmount","type":"uint256"},{"name":"takerAmount","type":"uint256"},
                           {"name":"side","type":"uint8"},{"name":"signatureType","type":"uint8"},
                           {"name":"timestamp","type":"uint256"},{"name":"metadata","type":"bytes32"},
                           {"name":"builder","type":"bytes32"}]},
                 "primaryType":"Order",
                 "domain":{"name":"Polymarket CTF Exchange","version":"2","chainId":%d,"verifyingContract":"%s"},
                 "message":%s}
                """.formatted(vector.chainId(), vector.exchange().getValue(), vector.orderJson().toString());

        byte[] digest = new StructuredDataEncoder(typedData).hashStructuredData();

        assertThat(Hash32.of(digest)).isEqualTo(vector.expectedHash());
    }
}
