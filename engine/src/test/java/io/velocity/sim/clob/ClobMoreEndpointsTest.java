package io.velocity.sim.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.ManualClock;
import io.velocity.execution.signing.Side;
import io.velocity.sim.ClobTestClient;
import io.velocity.sim.Http;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.WireShape;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The remaining CLOB endpoints: prices, market info, single-order lookup and the other cancels. */
class ClobMoreEndpointsTest {
    private static final String EXCHANGE = "0xE111180000d2663C0091e4f400237545B87B996B";

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private VenueSimulator sim;
    private ClobTestClient alice;
    private SimMarket market;

    @BeforeEach
    void open() {
        sim = SimFixture.manual(clock, "sim.liquidity.providers=0");
        alice = new ClobTestClient(sim.endpoints().clobRest(), ClobTestClient.vectorKey(1), clock, 137, EXCHANGE);
        alice.derive();
        market = sim.inspect(s -> s.catalog().upDownAt("sol", "15m", s.world().now()));
    }

    @AfterEach
    void close() {
        sim.close();
        alice.close();
    }

    @Test
    void pricesAndMarketInfoHaveTheVenueShapes() {
        alice.limit(market.tokenId(0), Side.BUY, 51, 10_000_000L);
        alice.limit(market.tokenId(1), Side.BUY, 48, 10_000_000L);
        String base = sim.endpoints().clobRest();
        String up = market.tokenId(0);
        JsonNode mid = Http.get(base + "/midpoint?token_id=" + up).json();
        WireShape.assertMatches("clob-midpoint.json", mid);
        assertThat(mid.get("mid").asText()).isEqualTo("0.515");
        JsonNode buy = Http.get(base + "/price?token_id=" + up + "&side=BUY").json();
        WireShape.assertMatches("clob-price.json", buy);
        assertThat(buy.get("price").asText()).isEqualTo("0.52");
        assertThat(Http.get(base + "/price?token_id=" + up + "&side=SELL").json().get("price").asText()).isEqualTo("0.51");
        assertThat(Http.get(base + "/price?token_id=" + up + "&side=UP").json().get("error").asText()).isEqualTo("Invalid side");
        JsonNode info = Http.get(base + "/markets/" + market.conditionId()).json();
        WireShape.assertMatches("clob-market.json", info);
        assertThat(info.get("tokens").get(1).get("token_id").asText()).isEqualTo(market.tokenId(1));
        assertThat(Http.get(base + "/markets/0x" + "00".repeat(32)).json().get("error").asText()).isEqualTo("market not found");
        assertThat(Http.get(base + "/last-trade-price?token_id=" + up).json().get("price").asText()).isEqualTo("0.5");
    }

    @Test
    void singleOrdersAreLookedUpAndCancelledInGroups() {
        String a = alice.limit(market.tokenId(0), Side.BUY, 30, 10_000_000L).json().get("orderID").asText();
        String b = alice.limit(market.tokenId(0), Side.BUY, 31, 10_000_000L).json().get("orderID").asText();
        String c = alice.limit(market.tokenId(1), Side.BUY, 32, 10_000_000L).json().get("orderID").asText();
        JsonNode one = alice.get("/data/order/" + a).json();
        WireShape.assertMatches("clob-open-orders.json", WireShape.parse("{\"limit\":100,\"count\":1,\"next_cursor\":\"LTE=\",\"data\":["
                + one + "]}"));
        assertThat(one.get("price").asText()).isEqualTo("0.30");

        JsonNode grouped = alice.delete("/orders", "[\"" + a + "\",\"" + b + "\"]").json();
        assertThat(grouped.get("canceled")).hasSize(2);
        JsonNode byAsset = alice.delete("/cancel-market-orders", "{\"market\":\"" + market.conditionId() + "\",\"asset_id\":\""
                + market.tokenId(1) + "\"}").json();
        assertThat(byAsset.get("canceled").get(0).asText()).isEqualTo(c);
        assertThat(alice.get("/data/orders").json().get("data")).isEmpty();
        assertThat(alice.get("/auth/api-keys").json().get("apiKeys").get(0).asText()).isEqualTo(alice.apiKey());
        assertThat(alice.get("/balance-allowance/update?asset_type=CONDITIONAL&token_id=" + market.tokenId(0)).status()).isEqualTo(200);
    }

    @Test
    void theControlPortInjectsFaultsAndMovesAManualClock() {
        String control = sim.endpoints().control();
        JsonNode state = Http.get(control + "/state").json();
        assertThat(state.get("assets").get("btc").get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(state.get("openMarkets").size()).isPositive();
        assertThat(Http.send("POST", control + "/faults", "429:gamma:1", java.util.Map.of()).status()).isEqualTo(200);
        assertThat(Http.get(sim.endpoints().gamma() + "/events?limit=1").status()).isEqualTo(429);
        assertThat(Http.send("POST", control + "/faults", "melt:gamma", java.util.Map.of()).json().get("error").asText())
                .contains("unknown kind");
        long to = SimFixture.START + 10_000;
        assertThat(Http.send("POST", control + "/advance?to=" + to, "", java.util.Map.of()).status()).isEqualTo(200);
        assertThat(Http.get(control + "/state").json().get("worldTime").asLong()).isEqualTo(to);
        assertThat(Http.send("DELETE", control + "/faults", null, java.util.Map.of()).status()).isEqualTo(200);
    }
}
