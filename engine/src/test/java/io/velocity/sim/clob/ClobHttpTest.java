package io.velocity.sim.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.ManualClock;
import io.velocity.execution.signing.ClobOrder;
import io.velocity.execution.signing.EthAddress;
import io.velocity.execution.signing.Hex;
import io.velocity.execution.signing.Keccak256;
import io.velocity.execution.signing.L1Auth;
import io.velocity.execution.signing.OrderHasher;
import io.velocity.execution.signing.Secp256k1Signer;
import io.velocity.execution.signing.Side;
import io.velocity.execution.signing.SignedOrder;
import io.velocity.execution.signing.SigningVectors;
import io.velocity.sim.ClobTestClient;
import io.velocity.sim.Http;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.WireShape;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLOB REST API over loopback HTTP with orders signed by the production signer. */
class ClobHttpTest {
    private static final String EXCHANGE = "0xE111180000d2663C0091e4f400237545B87B996B";

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private VenueSimulator sim;
    private ClobTestClient alice;
    private ClobTestClient bob;
    private SimMarket market;

    private void open(String... overrides) {
        String[] all = new String[overrides.length + 1];
        all[0] = "sim.liquidity.providers=0";
        System.arraycopy(overrides, 0, all, 1, overrides.length);
        sim = SimFixture.manual(clock, all);
        String base = sim.endpoints().clobRest();
        alice = new ClobTestClient(base, ClobTestClient.vectorKey(1), clock, 137, EXCHANGE);
        bob = new ClobTestClient(base, ClobTestClient.vectorKey(2), clock, 137, EXCHANGE);
        assertThat(alice.derive().status()).isEqualTo(200);
        assertThat(bob.derive().status()).isEqualTo(200);
        market = sim.inspect(s -> s.catalog().upDownAt("btc", "15m", s.world().now()));
    }

    @AfterEach
    void close() {
        if (sim != null) {
            sim.close();
        }
        if (alice != null) {
            alice.close();
            bob.close();
        }
    }

    private String up() {
        return market.tokenId(0);
    }

    private String down() {
        return market.tokenId(1);
    }

    @Test
    void publicMarketDataMatchesTheRecordedShapes() {
        open();
        alice.limit(up(), Side.BUY, 48, 30_000_000L);
        alice.limit(up(), Side.BUY, 50, 15_000_000L);
        bob.limit(down(), Side.BUY, 47, 25_000_000L);
        String base = sim.endpoints().clobRest();

        Http.Reply book = Http.get(base + "/book?token_id=" + up());
        assertThat(book.status()).isEqualTo(200);
        WireShape.assertMatches("clob-book.json", book.json());
        JsonNode b = book.json();
        // Best level last: bids ascending, asks descending.
        assertThat(b.get("bids").get(0).get("price").asText()).isEqualTo("0.48");
        assertThat(b.get("bids").get(1).get("price").asText()).isEqualTo("0.50");
        assertThat(b.get("asks").get(0).get("price").asText()).isEqualTo("0.53");
        assertThat(b.get("last_trade_price").asText()).isEmpty();
        assertThat(b.get("hash").asText()).matches("[0-9a-f]{40}");

        assertThat(Http.get(base + "/book?token_id=123").status()).isEqualTo(404);
        assertThat(Http.get(base + "/book?token_id=123").json().get("error").asText())
                .isEqualTo("No orderbook exists for the requested token id");
        assertThat(Http.get(base + "/book?token_id=abc").json().get("error").asText()).isEqualTo("Invalid token id");
        assertThat(Http.get(base + "/time").body()).isEqualTo(Long.toString(SimFixture.START / 1000));
        WireShape.assertMatches("clob-tick-size.json", Http.get(base + "/tick-size?token_id=" + up()).json());
        assertThat(Http.get(base + "/neg-risk?token_id=" + up()).json().get("neg_risk").asBoolean()).isFalse();
        assertThat(Http.get(base + "/fee-rate?token_id=" + up()).json().get("base_fee").asInt()).isEqualTo(700);
        WireShape.assertMatches("clob-clob-market.json", Http.get(base + "/clob-markets/" + market.conditionId()).json());
        assertThat(Http.send("POST", base + "/books", "[{\"token_id\":\"" + up() + "\"},{\"token_id\":\"" + down() + "\"}]", Map.of())
                .json()).hasSize(2);
    }

    @Test
    void keysAreDerivedWithL1AuthAndRefusedWhenTheSignatureIsNotTheAddresses() {
        open();
        ClobTestClient again = new ClobTestClient(sim.endpoints().clobRest(), ClobTestClient.vectorKey(1), clock, 137, EXCHANGE);
        Http.Reply r = again.derive();
        WireShape.assertMatches("clob-api-key.json", r.json());
        assertThat(again.apiKey()).isEqualTo(alice.apiKey());

        try (Secp256k1Signer other = ClobTestClient.vectorKey(3)) {
            Map<String, String> h = new java.util.HashMap<>(new L1Auth(137).headers(other, clock.epochMillis() / 1000, 0));
            h.put("POLY_ADDRESS", alice.address());
            Http.Reply bad = Http.send("GET", sim.endpoints().clobRest() + "/auth/derive-api-key", null, h);
            assertThat(bad.status()).isEqualTo(401);
            assertThat(bad.json().get("error").asText()).isEqualTo("Invalid L1 Request headers");
        }
        Http.Reply created = Http.send("POST", sim.endpoints().clobRest() + "/auth/api-key", null,
                new L1Auth(137).headers(ClobTestClient.vectorKey(1), clock.epochMillis() / 1000, 0));
        assertThat(created.status()).isEqualTo(200);
        assertThat(created.json().get("apiKey").asText()).isNotEqualTo(alice.apiKey());
    }

    @Test
    void aCorrectlySignedOrderIsAcceptedWithTheVenueReply() {
        open();
        Http.Reply rest = alice.limit(up(), Side.BUY, 45, 10_000_000L);
        assertThat(rest.status()).isEqualTo(200);
        WireShape.assertMatches("clob-post-order-response.json", rest.json());
        assertThat(rest.json().get("status").asText()).isEqualTo("live");
        assertThat(rest.json().get("orderID").asText()).matches("0x[0-9a-f]{64}");

        Http.Reply take = bob.limit(down(), Side.BUY, 55, 10_000_000L);
        JsonNode j = take.json();
        assertThat(j.get("success").asBoolean()).isTrue();
        assertThat(j.get("status").asText()).isEqualTo("matched");
        assertThat(j.get("makingAmount").asText()).isEqualTo("5.5");
        assertThat(j.get("takingAmount").asText()).isEqualTo("10");
        assertThat(j.get("tradeIDs")).hasSize(1);
        assertThat(j.get("transactionsHashes").get(0).asText()).matches("0x[0-9a-f]{64}");

        Http.Reply trades = bob.get("/data/trades");
        WireShape.assertMatches("clob-trades.json", trades.json());
        JsonNode t = trades.json().get("data").get(0);
        assertThat(t.get("trader_side").asText()).isEqualTo("TAKER");
        assertThat(t.get("maker_orders").get(0).get("order_id").asText()).isEqualTo(rest.json().get("orderID").asText());
        assertThat(alice.get("/data/trades").json().get("data").get(0).get("trader_side").asText()).isEqualTo("MAKER");
    }

    @Test
    void theProductionSignatureOfEveryVectorOrderVerifies() {
        SignerAuthenticator auth = new SignerAuthenticator();
        for (JsonNode v : SigningVectors.root().get("orders")) {
            JsonNode o = v.get("order");
            WireOrder w = new WireOrder(new BigInteger(o.get("salt").asText()), o.get("maker").asText(), o.get("signer").asText(),
                    new BigInteger(o.get("tokenId").asText()), o.get("makerAmount").asLong(), o.get("takerAmount").asLong(),
                    o.get("side").asInt() == 0 ? "BUY" : "SELL", o.get("signatureType").asInt(), o.get("timestamp").asLong(), 0,
                    o.get("metadata").asText(), o.get("builder").asText(), v.get("expected").get("signature").asText());
            OrderAuthenticator.OrderCheck c = auth.verifyOrder(w, v.get("exchange").asText(), v.get("chainId").asLong());
            assertThat(c.orderHash()).isEqualTo(v.get("expected").get("orderHash").asText());
            assertThat(c.signedBy(v.get("expected").get("signerAddress").asText())).isTrue();
        }
        for (JsonNode v : SigningVectors.root().get("l2hmac")) {
            assertThat(auth.verifyL2(v.get("secret").asText(), v.get("timestamp").asText(), v.get("method").asText(),
                    v.get("requestPath").asText(), v.get("body").asText(), v.get("expectedSignature").asText())).isTrue();
        }
    }

    @Test
    void aTamperedSignatureIsRejected() {
        open();
        SignedOrder s = alice.sign(alice.order(up(), Side.BUY, 4_500_000L, 10_000_000L));
        byte[] sig = s.signature();
        sig[5] ^= 0x01;
        Http.Reply r = alice.post("/order", alice.body(s.order(), Hex.encode(sig), "GTC", false));
        assertThat(r.status()).isEqualTo(400);
        WireShape.assertMatches("clob-error.json", r.json());
        assertThat(r.json().get("error").asText()).isEqualTo("invalid signature");
    }

    @Test
    void anOrderSignedByAnotherKeyIsRejected() {
        open();
        // Claims alice as signer but is signed with bob's key.
        ClobOrder o = alice.order(up(), Side.BUY, 4_500_000L, 10_000_000L);
        try (Secp256k1Signer bobKey = ClobTestClient.vectorKey(2)) {
            byte[] byBob = bobKey.sign(new OrderHasher(137, EthAddress.parse(EXCHANGE)).orderHash(o));
            Http.Reply forged = alice.post("/order", alice.body(o, Hex.encode(byBob), "GTC", false));
            assertThat(forged.status()).isEqualTo(400);
            assertThat(forged.json().get("error").asText()).isEqualTo("invalid signature");
        }
        // Correctly signed by bob, but sent with alice's API key.
        SignedOrder bobs = bob.sign(bob.order(up(), Side.BUY, 4_500_000L, 10_000_000L));
        Http.Reply wrongKey = alice.post("/order", alice.body(bobs, "GTC", false));
        assertThat(wrongKey.status()).isEqualTo(400);
        assertThat(wrongKey.json().get("error").asText()).isEqualTo("the order signer address has to be the address of the API KEY");
    }

    @Test
    void anOrderSignedForTheWrongDomainVersionIsRejected() {
        open();
        ClobOrder o = alice.order(up(), Side.BUY, 4_500_000L, 10_000_000L);
        byte[] structHash = new OrderHasher(137, EthAddress.parse(EXCHANGE)).structHash(o);
        byte[] v1Domain = domainSeparator("Polymarket CTF Exchange", "1", 137, EthAddress.parse(EXCHANGE));
        byte[] digest = Keccak256.hash(ByteBuffer.allocate(66).put((byte) 0x19).put((byte) 0x01).put(v1Domain).put(structHash).array());
        try (Secp256k1Signer key = ClobTestClient.vectorKey(1)) {
            Http.Reply r = alice.post("/order", alice.body(o, Hex.encode(key.sign(digest)), "GTC", false));
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.json().get("error").asText()).isEqualTo("invalid signature");
        }
    }

    private static byte[] domainSeparator(String name, String version, long chainId, EthAddress contract) {
        ByteBuffer b = ByteBuffer.allocate(5 * 32);
        b.put(Keccak256.hash("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"));
        b.put(Keccak256.hash(name));
        b.put(Keccak256.hash(version));
        b.put(new byte[24]).putLong(chainId);
        byte[] addr = Hex.decode(contract.toLowerHex(), 20, "contract");
        b.put(new byte[12]).put(addr);
        return Keccak256.hash(b.array());
    }

    @Test
    void aStaleOrderTimestampIsRejected() {
        open();
        ClobOrder o = alice.order(up(), Side.BUY, 4_500_000L, 10_000_000L);
        clock.advanceMillis(6 * 60_000L);
        Http.Reply r = alice.post("/order", alice.body(alice.sign(o), "GTC", false));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("error").asText()).isEqualTo("signature expired");
    }

    @Test
    void badL2HeadersAreUnauthorized() {
        open();
        String base = sim.endpoints().clobRest();
        String body = alice.body(alice.sign(alice.order(up(), Side.BUY, 4_500_000L, 10_000_000L)), "GTC", false);
        Map<String, String> wrongSecret = alice.l2("POST", "/order", body, clock.epochMillis() / 1000, bob.secret());
        Http.Reply r = Http.send("POST", base + "/order", body, wrongSecret);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("error").asText()).isEqualTo("Unauthorized/Invalid api key");

        Map<String, String> stale = alice.l2("POST", "/order", body, clock.epochMillis() / 1000 - 120, alice.secret());
        assertThat(Http.send("POST", base + "/order", body, stale).status()).isEqualTo(401);

        Map<String, String> otherPath = alice.l2("POST", "/orders", body, clock.epochMillis() / 1000, alice.secret());
        assertThat(Http.send("POST", base + "/order", body, otherPath).status()).isEqualTo(401);
        assertThat(Http.send("GET", base + "/data/orders", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void theOwnerMustBeTheApiKey() {
        open();
        String body = alice.body(alice.sign(alice.order(up(), Side.BUY, 4_500_000L, 10_000_000L)), "GTC", false)
                .replace(alice.apiKey(), bob.apiKey());
        Http.Reply r = alice.post("/order", body);
        assertThat(r.json().get("error").asText()).isEqualTo("the order owner has to be the owner of the API KEY");
        assertThat(alice.post("/order", "{\"order\":{}}").json().get("error").asText()).isEqualTo("Invalid order payload");
    }

    @Test
    void orderBurstsBeyondTheLimitGet429() {
        open("sim.clob.orderBurstPer10s=3", "sim.clob.publicPer10s=4");
        for (int i = 0; i < 3; i++) {
            assertThat(alice.limit(up(), Side.BUY, 40 + i, 5_000_000L).status()).isEqualTo(200);
        }
        Http.Reply limited = alice.limit(up(), Side.BUY, 44, 5_000_000L);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("Too Many Requests");
        clock.advanceMillis(20_000);
        assertThat(alice.limit(up(), Side.BUY, 44, 5_000_000L).status()).isEqualTo(200);

        String url = sim.endpoints().clobRest() + "/book?token_id=" + up();
        for (int i = 0; i < 4; i++) {
            assertThat(Http.get(url).status()).isEqualTo(200);
        }
        assertThat(Http.get(url).status()).isEqualTo(429);
    }

    @Test
    void batchesCancelsAndOpenOrdersPageWithCursors() {
        open();
        StringBuilder batch = new StringBuilder("[");
        for (int i = 0; i < 15; i++) {
            if (i > 0) {
                batch.append(',');
            }
            batch.append(alice.body(alice.sign(alice.order(up(), Side.BUY, 100_000L, 10_000_000L)), "GTC", false));
        }
        batch.append(']');
        Http.Reply r = alice.post("/orders", batch.toString());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(15).allMatch(n -> n.get("success").asBoolean());
        for (int k = 0; k < 6; k++) {
            StringBuilder more = new StringBuilder("[");
            for (int i = 0; i < 15; i++) {
                if (i > 0) {
                    more.append(',');
                }
                more.append(alice.body(alice.sign(alice.order(up(), Side.BUY, 100_000L, 10_000_000L)), "GTC", false));
            }
            alice.post("/orders", more.append(']').toString());
        }
        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(16, "{}")) + "]";
        assertThat(alice.post("/orders", tooMany).json().get("error").asText()).isEqualTo("Too many orders in payload: 16, max allowed: 15");

        Http.Reply page1 = alice.get("/data/orders");
        WireShape.assertMatches("clob-open-orders.json", page1.json());
        assertThat(page1.json().get("data")).hasSize(100);
        String cursor = page1.json().get("next_cursor").asText();
        assertThat(cursor).isEqualTo("MTAw");
        Http.Reply page2 = alice.get("/data/orders?next_cursor=" + cursor);
        assertThat(page2.json().get("data")).hasSize(5);
        assertThat(page2.json().get("next_cursor").asText()).isEqualTo("LTE=");

        String id = page2.json().get("data").get(0).get("id").asText();
        Http.Reply cancel = alice.delete("/order", "{\"orderID\":\"" + id + "\"}");
        WireShape.assertMatches("clob-cancel.json", cancel.json(), "$.not_canceled.*");
        assertThat(cancel.json().get("canceled").get(0).asText()).isEqualTo(id);
        assertThat(alice.delete("/order", "{\"orderID\":\"" + id + "\"}").json().get("not_canceled").has(id)).isTrue();
        assertThat(alice.delete("/order", "{\"orderID\":\"nope\"}").json().get("error").asText()).isEqualTo("Invalid orderID");
        assertThat(alice.delete("/cancel-all", "").json().get("canceled")).hasSize(104);
        assertThat(alice.get("/data/orders").json().get("data")).isEmpty();
    }

    @Test
    void ordersAreCancelledWhenHeartbeatsStop() {
        open();
        String id = alice.limit(up(), Side.BUY, 40, 10_000_000L).json().get("orderID").asText();
        Http.Reply hb = alice.post("/v1/heartbeats", "{\"heartbeat_id\":\"\"}");
        WireShape.assertMatches("clob-heartbeat.json", hb.json());
        SimFixture.advance(sim, clock, 5_000);
        assertThat(alice.post("/heartbeats", "{\"heartbeat_id\":\"" + hb.json().get("heartbeat_id").asText() + "\"}").status())
                .isEqualTo(200);
        SimFixture.advance(sim, clock, 9_000);
        assertThat(alice.get("/data/order/" + id).json().get("status").asText()).isEqualTo("LIVE");
        SimFixture.advance(sim, clock, 2_000);
        assertThat(alice.get("/data/order/" + id).json().get("status").asText()).isEqualTo("CANCELED");
    }

    @Test
    void balancesAndPaperRedemptionFollowTheFills() {
        open();
        WireShape.assertMatches("clob-balance-allowance.json", alice.get("/balance-allowance?asset_type=COLLATERAL").json());
        assertThat(alice.get("/balance-allowance?asset_type=COLLATERAL").json().get("balance").asText()).isEqualTo("1000000000");
        alice.limit(up(), Side.BUY, 45, 10_000_000L);
        bob.limit(down(), Side.BUY, 55, 10_000_000L);
        assertThat(alice.get("/balance-allowance?asset_type=CONDITIONAL&token_id=" + up()).json().get("balance").asText())
                .isEqualTo("10000000");
        assertThat(alice.get("/balance-allowance?asset_type=NOPE").status()).isEqualTo(400);

        long end = market.endMillis();
        clock.setEpochMillis(end + 2_000);
        sim.advanceTo(end + 2_000);
        boolean upWon = sim.inspect(s -> s.catalog().byCondition(market.conditionId()).winner() == 0);
        Http.Reply redeemed = alice.post("/sim/redeem", "{\"conditionId\":\"" + market.conditionId() + "\"}");
        assertThat(redeemed.json().get("payout").asText()).isEqualTo(upWon ? "10" : "0");
        Http.Reply bobs = bob.post("/sim/redeem", "{\"conditionId\":\"" + market.conditionId() + "\"}");
        assertThat(bobs.json().get("payout").asText()).isEqualTo(upWon ? "0" : "10");
    }

    @Test
    void injectedFaultsShapeTheReplies() {
        open();
        String url = sim.endpoints().clobRest() + "/book?token_id=" + up();
        sim.faults().apply("5xx:clob:1");
        Http.Reply err = Http.get(url);
        assertThat(err.status()).isEqualTo(500);
        assertThat(err.json().get("error").asText()).isEqualTo("Internal server error");
        sim.faults().apply("503:clob:1");
        assertThat(Http.get(url).json().get("error").asText()).isEqualTo("Trading is currently disabled. Check polymarket.com for updates");
        sim.faults().apply("429:clob:1");
        assertThat(Http.get(url).status()).isEqualTo(429);
        sim.faults().apply("malformed:clob:1");
        Http.Reply garbled = Http.get(url);
        assertThat(garbled.status()).isEqualTo(200);
        assertThat(garbled.body()).doesNotEndWith("}");
        sim.faults().apply("skew:2500");
        assertThat(Http.get(sim.endpoints().clobRest() + "/time").body()).isEqualTo(Long.toString((SimFixture.START + 2_500) / 1000));
        sim.faults().apply("timeout:clob:1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Http.send("GET", url, null, Map.of(), java.time.Duration.ofMillis(300)))
                .isInstanceOf(RuntimeException.class);
        assertThat(Http.get(url).status()).isEqualTo(200);
    }
}
