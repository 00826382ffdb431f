package io.velocity.sim.gamma;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.ManualClock;
import io.velocity.sim.Http;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.WireShape;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Gamma discovery over loopback HTTP. */
class GammaSimTest {
    /** Fields Gamma only sends in some states (open window, traded, resolved, neg-risk). */
    private static final String[] MARKET_OPTIONAL = {"closedTime", "umaResolutionStatus", "spread", "lastTradePrice", "bestBid",
            "bestAsk", "negRiskMarketID", "negRiskRequestID", "eventStartTime", "feeType", "feeSchedule"};

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private VenueSimulator sim;

    private static String[] optional(String prefix) {
        List<String> out = new ArrayList<>();
        for (String f : MARKET_OPTIONAL) {
            out.add(prefix + "." + f);
        }
        return out.toArray(String[]::new);
    }

    private static String[] eventOptional() {
        List<String> out = new ArrayList<>(List.of(optional("$[].markets[]")));
        out.addAll(List.of("$[].eventMetadata", "$[].eventMetadata.finalPrice", "$[].negRiskMarketID", "$[].startTime"));
        return out.toArray(String[]::new);
    }

    @AfterEach
    void close() {
        sim.close();
    }

    @Test
    void eventsBySlugHaveGammaFieldNamesAndTypes() {
        sim = SimFixture.manual(clock);
        SimFixture.advance(sim, clock, 5_000);
        SimMarket m = sim.inspect(s -> s.catalog().upDownAt("btc", "15m", s.world().now()));
        Http.Reply r = Http.get(sim.endpoints().gamma() + "/events?slug=" + m.slug());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).hasSize(1);
        WireShape.assertMatches("gamma-events.json", r.json(), eventOptional());
        JsonNode market = r.json().get(0).get("markets").get(0);
        assertThat(market.get("conditionId").asText()).isEqualTo(m.conditionId());
        assertThat(WireShape.parse(market.get("clobTokenIds").asText())).hasSize(2);
        assertThat(WireShape.parse(market.get("clobTokenIds").asText()).get(0).asText()).isEqualTo(m.tokenId(0));
        assertThat(market.get("outcomes").asText()).isEqualTo("[\"Up\", \"Down\"]");
        assertThat(market.get("eventStartTime").asText()).isEqualTo(java.time.Instant.ofEpochMilli(m.startMillis()).toString());
        assertThat(market.get("endDate").asText()).isEqualTo(java.time.Instant.ofEpochMilli(m.endMillis()).toString());
        assertThat(r.json().get(0).get("eventMetadata").get("priceToBeat").asDouble()).isPositive();
        assertThat(market.get("orderPriceMinTickSize").asDouble()).isEqualTo(0.01);

        Http.Reply bySlug = Http.get(sim.endpoints().gamma() + "/events/slug/" + m.slug());
        assertThat(bySlug.json().get("id").asText()).isEqualTo(r.json().get(0).get("id").asText());
        assertThat(Http.get(sim.endpoints().gamma() + "/events/slug/btc-updown-15m-1").status()).isEqualTo(404);
    }

    @Test
    void marketsCarryTheirEventAndFilterByQuery() {
        sim = SimFixture.manual(clock, "sim.markets.lowLiquidityShare=0.5");
        SimFixture.advance(sim, clock, 2_000);
        String base = sim.endpoints().gamma();
        SimMarket m = sim.inspect(s -> s.catalog().upDownAt("eth", "5m", s.world().now()));
        Http.Reply one = Http.get(base + "/markets?slug=" + m.slug());
        List<String> opt = new ArrayList<>();
        for (String f : MARKET_OPTIONAL) {
            opt.add("$." + f);
        }
        WireShape.assertMatches("gamma-market.json", ((com.fasterxml.jackson.databind.node.ObjectNode) one.json().get(0).deepCopy()).without("events"), opt.toArray(String[]::new));
        assertThat(one.json().get(0).get("events").get(0).get("slug").asText()).isEqualTo(m.slug());

        JsonNode all = Http.get(base + "/markets?closed=false&limit=500").json();
        assertThat(all).allMatch(n -> !n.get("closed").asBoolean());
        assertThat(all).anyMatch(n -> n.get("liquidityNum").asDouble() < 1_000);
        assertThat(all).anyMatch(n -> n.get("liquidityNum").asDouble() > 2_000);
        JsonNode liquid = Http.get(base + "/markets?closed=false&liquidity_num_min=2000&limit=500").json();
        assertThat(liquid).allMatch(n -> n.get("liquidityNum").asDouble() >= 2_000);
        JsonNode paged = Http.get(base + "/markets?limit=3&offset=2&order=endDate&ascending=false").json();
        assertThat(paged).hasSize(3);
        assertThat(paged.get(0).get("endDate").asText()).isGreaterThanOrEqualTo(paged.get(2).get("endDate").asText());
        assertThat(Http.get(base + "/markets?clob_token_ids=" + m.tokenId(1)).json()).hasSize(1);
        assertThat(Http.get(base + "/markets?closed=maybe").status()).isEqualTo(422);
    }

    @Test
    void augmentedNegRiskDecoysAreListedForDiscoveryToSkip() {
        sim = SimFixture.manual(clock);
        JsonNode events = Http.get(sim.endpoints().gamma() + "/events?closed=false&limit=500").json();
        List<JsonNode> decoys = new ArrayList<>();
        events.forEach(e -> {
            if (e.get("negRiskAugmented").asBoolean()) {
                decoys.add(e);
            }
        });
        assertThat(decoys).isNotEmpty();
        assertThat(decoys).allMatch(e -> e.get("negRisk").asBoolean() && e.get("markets").size() == 2);
        assertThat(events).anyMatch(e -> e.get("slug").asText().startsWith("sol-updown-5m-"));
        assertThat(Http.get(sim.endpoints().gamma() + "/events?tag_slug=up-or-down&limit=500").json())
                .allMatch(e -> !e.get("negRiskAugmented").asBoolean());
    }

    @Test
    void aFinishedWindowIsClosedAndResolvedOnGamma() {
        sim = SimFixture.manual(clock);
        SimMarket m = sim.inspect(s -> s.catalog().upDownAt("xrp", "5m", s.world().now()));
        long to = m.endMillis() + 2_000 - clock.epochMillis();
        SimFixture.advance(sim, clock, to);
        JsonNode market = Http.get(sim.endpoints().gamma() + "/markets/slug/" + m.slug()).json();
        assertThat(market.get("closed").asBoolean()).isTrue();
        assertThat(market.get("acceptingOrders").asBoolean()).isFalse();
        assertThat(market.get("umaResolutionStatus").asText()).isEqualTo("resolved");
        int winner = sim.inspect(s -> m.winner());
        assertThat(market.get("outcomePrices").asText()).isEqualTo(winner == 0 ? "[\"1\", \"0\"]" : "[\"0\", \"1\"]");
        JsonNode event = Http.get(sim.endpoints().gamma() + "/events?slug=" + m.slug()).json().get(0);
        double open = event.get("eventMetadata").get("priceToBeat").asDouble();
        double close = event.get("eventMetadata").get("finalPrice").asDouble();
        // Up when the close is at least the open, as the venue's rules say.
        assertThat(winner).isEqualTo(close >= open ? 0 : 1);
        assertThat(Http.get(sim.endpoints().gamma() + "/events?closed=true&limit=500").json())
                .anyMatch(e -> e.get("slug").asText().equals(m.slug()));
    }
}
