package io.velocity.execution.clob;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.core.ManualClock;
import io.velocity.execution.OrderFactory;
import io.velocity.execution.PreparedOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.OrderSigner;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.SignatureType;
import io.velocity.orders.OrderRequest;
import io.velocity.orders.TimeInForce;
import io.velocity.strategy.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClobOrderJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Secp256k1Signer key = Secp256k1Signer.fromPrivateKey(
            Hex.decode("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d", 32, "key"));
    private final OrderFactory factory = new OrderFactory(
            new OrderSigner(137, EthAddress.parse("0xE111180000d2663C0091e4f400237545B87B996B"), key),
            new OrderSigner(137, EthAddress.parse("0xe2222d279d744050d28e00520010520000310F59"), key),
            SignatureType.EOA, null, new ManualClock(1_780_000_000_000L), Duration.ofMinutes(10), 3);

    @AfterEach
    void close() {
        key.close();
    }

    private PreparedOrder order(TimeInForce tif, boolean postOnly) {
        return factory.prepare(new OrderRequest(1, "t", "0xc", "1234567890123456789012345678901234567890", Outcome.UP, true,
                5_200, 10_000_000, tif, postOnly, 100, false, 0.07, 1, 0));
    }

    @Test
    void singleOrderBodyHasTheVenueShapeWithAmountsAsStrings() throws Exception {
        PreparedOrder p = order(TimeInForce.GTC, true);

        JsonNode body = JSON.readTree(ClobOrderJson.single(p, "api-key-1"));

        JsonNode o = body.get("order");
        assertThat(o.get("salt").isIntegralNumber()).isTrue();
        assertThat(o.get("salt").bigIntegerValue()).isEqualTo(p.signed().order().salt());
        assertThat(o.get("maker").asText()).isEqualTo(key.address().toChecksumHex());
        assertThat(o.get("signer").asText()).isEqualTo(key.address().toChecksumHex());
        assertThat(o.get("tokenId").asText()).isEqualTo("1234567890123456789012345678901234567890");
        assertThat(o.get("makerAmount").isTextual()).isTrue();
        assertThat(o.get("makerAmount").asText()).isEqualTo("5200000");
        assertThat(o.get("takerAmount").asText()).isEqualTo("10000000");
        assertThat(o.get("side").asText()).isEqualTo("BUY");
        assertThat(o.get("signatureType").asInt()).isZero();
        assertThat(o.get("timestamp").asText()).isEqualTo("1780000000000");
        assertThat(o.get("expiration").asText()).isEqualTo("0");
        assertThat(o.get("metadata").asText()).isEqualTo("0x" + "0".repeat(64));
        assertThat(o.get("builder").asText()).isEqualTo("0x" + "0".repeat(64));
        assertThat(o.get("signature").asText()).isEqualTo(p.signed().signatureHex());
        assertThat(body.get("owner").asText()).isEqualTo("api-key-1");
        assertThat(body.get("orderType").asText()).isEqualTo("GTC");
        assertThat(body.get("postOnly").asBoolean()).isTrue();
        assertThat(body.get("deferExec").asBoolean()).isFalse();
    }

    @Test
    void postOnlyIsNeverSentWithMarketableOrders() throws Exception {
        JsonNode body = JSON.readTree(ClobOrderJson.single(order(TimeInForce.FOK, true), "k"));

        assertThat(body.get("orderType").asText()).isEqualTo("FOK");
        assertThat(body.get("postOnly").asBoolean()).isFalse();
    }

    @Test
    void batchBodyIsAnArrayOfEnvelopes() throws Exception {
        JsonNode body = JSON.readTree(ClobOrderJson.batch(List.of(order(TimeInForce.GTC, false), order(TimeInForce.GTD, false)), "k"));

        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(2);
        assertThat(body.get(1).get("orderType").asText()).isEqualTo("GTD");
        assertThat(Long.parseLong(body.get(1).get("order").get("expiration").asText())).isPositive();
    }

    @Test
    void anApiKeyThatWouldBreakTheJsonIsRefused() {
        assertThatThrownBy(() -> ClobOrderJson.single(order(TimeInForce.GTC, false), "bad\"key"))
                .hasMessageContaining("owner");
    }
}
