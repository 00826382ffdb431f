package io.velocity.sim.clob;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.ManualClock;
import io.velocity.execution.signing.Side;
import io.velocity.sim.ClobTestClient;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.WireShape;
import io.velocity.sim.WsProbe;
import io.velocity.sim.market.SimMarket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The market and user channels over loopback WebSocket. */
class ClobWebSocketTest {
    private static final String EXCHANGE = "0xE111180000d2663C0091e4f400237545B87B996B";
    private static final long WAIT = 10_000;

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private final List<AutoCloseable> open = new ArrayList<>();
    private VenueSimulator sim;
    private SimMarket market;

    private void start(String... overrides) {
        sim = SimFixture.manual(clock, overrides);
        open.add(sim);
        market = sim.inspect(s -> s.catalog().upDownAt("btc", "15m", s.world().now()));
    }

    private WsProbe market(boolean custom) {
        WsProbe p = WsProbe.open(sim.endpoints().clobWsMarket());
        open.add(p);
        p.send("{\"assets_ids\":[\"" + market.tokenId(0) + "\",\"" + market.tokenId(1) + "\"],\"type\":\"market\""
                + (custom ? ",\"custom_feature_enabled\":true" : "") + "}");
        return p;
    }

    private ClobTestClient client(int vector) {
        ClobTestClient c = new ClobTestClient(sim.endpoints().clobRest(), ClobTestClient.vectorKey(vector), clock, 137, EXCHANGE);
        open.add(c);
        assertThat(c.derive().status()).isEqualTo(200);
        return c;
    }

    private static boolean event(String frame, String type) {
        return frame.startsWith("{") && WireShape.parse(frame).path("event_type").asText().equals(type);
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void theFirstReplyIsOneArrayOfBooksAndLaterFramesAreSingleObjects() {
        start();
        SimFixture.advance(sim, clock, 2_000);
        WsProbe p = market(false);
        JsonNode first = WireShape.parse(p.next(WAIT));
        assertThat(first.isArray()).isTrue();
        assertThat(first).hasSize(2);
        WireShape.assertMatches("clob-ws-book-snapshot.json", first);
        assertThat(first.get(0).get("bids").size()).isPositive();
        // Best level last on both sides, as on REST.
        JsonNode bids = first.get(0).get("bids");
        assertThat(bids.get(bids.size() - 1).get("price").asDouble()).isGreaterThan(bids.get(0).get("price").asDouble());
        JsonNode asks = first.get(0).get("asks");
        assertThat(asks.get(asks.size() - 1).get("price").asDouble()).isLessThan(asks.get(0).get("price").asDouble());

        SimFixture.advance(sim, clock, 1_000);
        String change = p.next(f -> event(f, "price_change"), WAIT);
        assertThat(change).isNotNull();
        WireShape.assertMatches("clob-ws-price-change.json", WireShape.parse(change));
    }

    @Test
    void priceChangesCoverBothTokensWithTheirOwnHashesAndEmptySidesShowZeroAndOne() {
        start("sim.liquidity.providers=0");
        WsProbe p = market(false);
        assertThat(WireShape.parse(p.next(WAIT)).get(0).get("bids")).isEmpty();
        ClobTestClient alice = client(1);
        alice.limit(market.tokenId(0), Side.BUY, 50, 200_000_000L);

        JsonNode msg = WireShape.parse(p.next(f -> event(f, "price_change"), WAIT));
        JsonNode changes = msg.get("price_changes");
        assertThat(changes).hasSize(2);
        JsonNode upChange = changes.get(0).get("asset_id").asText().equals(market.tokenId(0)) ? changes.get(0) : changes.get(1);
        JsonNode downChange = upChange == changes.get(0) ? changes.get(1) : changes.get(0);
        assertThat(upChange.get("price").asText()).isEqualTo("0.50");
        assertThat(upChange.get("size").asText()).isEqualTo("200");
        assertThat(upChange.get("side").asText()).isEqualTo("BUY");
        assertThat(upChange.get("best_bid").asText()).isEqualTo("0.5");
        assertThat(upChange.get("best_ask").asText()).isEqualTo("1");
        assertThat(downChange.get("side").asText()).isEqualTo("SELL");
        assertThat(downChange.get("best_bid").asText()).isEqualTo("0");
        assertThat(downChange.get("best_ask").asText()).isEqualTo("0.5");
        assertThat(upChange.get("hash").asText()).isNotEqualTo(downChange.get("hash").asText());
        String ts = msg.get("timestamp").asText();
        String expected = sim.inspect(s -> ClobWire.hash(market, 0, s.exchange().snapshot(market, 0), ts));
        assertThat(upChange.get("hash").asText()).isEqualTo(expected);
    }

    @Test
    void tradesPrintTheLastTradeAndRefreshTheBook() {
        start("sim.liquidity.providers=0");
        ClobTestClient alice = client(1);
        ClobTestClient bob = client(2);
        alice.limit(market.tokenId(0), Side.BUY, 45, 10_000_000L);
        WsProbe p = market(false);
        p.next(WAIT);
        bob.limit(market.tokenId(1), Side.BUY, 55, 10_000_000L);
        String print = p.next(f -> event(f, "last_trade_price"), WAIT);
        WireShape.assertMatches("clob-ws-last-trade-price.json", WireShape.parse(print));
        assertThat(WireShape.parse(print).get("asset_id").asText()).isEqualTo(market.tokenId(1));
        assertThat(WireShape.parse(print).get("price").asText()).isEqualTo("0.55");
        String refresh = p.next(f -> event(f, "book"), WAIT);
        WireShape.assertMatches("clob-ws-book-refresh.json", WireShape.parse(refresh));
    }

    @Test
    void tradingNearOneRefinesTheTickOnce() {
        start("sim.liquidity.providers=0");
        WsProbe p = market(false);
        p.next(WAIT);
        client(1).limit(market.tokenId(0), Side.BUY, 97, 10_000_000L);
        String change = p.next(f -> event(f, "tick_size_change"), WAIT);
        JsonNode j = WireShape.parse(change);
        WireShape.assertMatches("clob-ws-tick-size-change.json", j);
        assertThat(j.get("old_tick_size").asText()).isEqualTo("0.01");
        assertThat(j.get("new_tick_size").asText()).isEqualTo("0.001");
        long tick = sim.inspect(s -> market.tickUnits());
        assertThat(tick).isEqualTo(10L);
    }

    @Test
    void customFeaturesAddBestBidAskNewMarketsAndResolutions() {
        start("sim.liquidity.providers=1");
        WsProbe p = market(true);
        p.next(WAIT);
        SimFixture.advance(sim, clock, 2_000);
        String bba = p.next(f -> event(f, "best_bid_ask"), WAIT);
        WireShape.assertMatches("clob-ws-best-bid-ask.json", WireShape.parse(bba));
        long toEnd = market.endMillis() + 1_000 - clock.epochMillis();
        SimFixture.advance(sim, clock, toEnd);
        // New windows enter the lookahead while the current one runs out, so new_market comes first.
        String created = p.next(f -> event(f, "new_market"), WAIT);
        WireShape.assertMatches("clob-ws-new-market.json", WireShape.parse(created));
        String resolved = p.next(f -> event(f, "market_resolved") && f.contains(market.conditionId()), WAIT);
        JsonNode r = WireShape.parse(resolved);
        WireShape.assertMatches("clob-ws-market-resolved.json", r);
        int winner = sim.inspect(s -> market.winner());
        assertThat(r.get("winning_asset_id").asText()).isEqualTo(market.tokenId(winner));
        assertThat(r.get("winning_outcome").asText()).isEqualTo(winner == 0 ? "Up" : "Down");
    }

    @Test
    void pingIsAnsweredEvenWhileTheFeedIsFrozen() {
        start();
        WsProbe p = market(false);
        p.next(WAIT);
        sim.faults().apply("freeze:clob-market");
        p.drain();
        SimFixture.advance(sim, clock, 2_000);
        p.send("PING");
        assertThat(p.next(WAIT)).isEqualTo("PONG");
        assertThat(p.next(300)).isNull();
        sim.faults().apply("unfreeze:clob-market");
        SimFixture.advance(sim, clock, 1_000);
        assertThat(p.next(f -> event(f, "price_change"), WAIT)).isNotNull();
    }

    @Test
    void gapsAndHashMismatchesCanBeInjected() {
        start("sim.liquidity.providers=0");
        WsProbe p = market(false);
        p.next(WAIT);
        ClobTestClient alice = client(1);
        sim.faults().bookGap(1);
        alice.limit(market.tokenId(0), Side.BUY, 40, 10_000_000L);
        alice.limit(market.tokenId(0), Side.BUY, 41, 10_000_000L);
        JsonNode second = WireShape.parse(p.next(f -> event(f, "price_change"), WAIT));
        assertThat(second.get("price_changes").get(0).get("price").asText()).isIn("0.41", "0.59");

        sim.faults().bookHashMismatch(1);
        alice.limit(market.tokenId(0), Side.BUY, 42, 10_000_000L);
        JsonNode bad = WireShape.parse(p.next(f -> event(f, "price_change"), WAIT));
        String ts = bad.get("timestamp").asText();
        JsonNode up = bad.get("price_changes").get(0).get("asset_id").asText().equals(market.tokenId(0))
                ? bad.get("price_changes").get(0) : bad.get("price_changes").get(1);
        String truth = sim.inspect(s -> ClobWire.hash(market, 0, s.exchange().snapshot(market, 0), ts));
        assertThat(up.get("hash").asText()).isNotEqualTo(truth);
    }

    @Test
    void droppingTheFeedClosesConnectionsAbnormally() {
        start();
        WsProbe p = market(false);
        p.next(WAIT);
        sim.faults().apply("drop:clob-market");
        assertThat(p.closeCode(WAIT)).isEqualTo(1006);
    }

    @Test
    void theUserChannelReportsOrdersAndTradesThroughSettlement() {
        start("sim.liquidity.providers=0");
        ClobTestClient alice = client(1);
        ClobTestClient bob = client(2);
        WsProbe a = WsProbe.open(sim.endpoints().clobWsUser());
        open.add(a);
        a.send("{\"auth\":{\"apiKey\":\"" + alice.apiKey() + "\",\"secret\":\"" + alice.secret() + "\",\"passphrase\":\""
                + alice.passphrase() + "\"},\"markets\":[\"" + market.conditionId() + "\"],\"type\":\"user\"}");
        WsProbe b = WsProbe.open(sim.endpoints().clobWsUser());
        open.add(b);
        b.send("{\"auth\":{\"apiKey\":\"" + bob.apiKey() + "\",\"secret\":\"" + bob.secret() + "\",\"passphrase\":\""
                + bob.passphrase() + "\"},\"markets\":[],\"type\":\"user\"}");
        a.send("PING");
        assertThat(a.next(WAIT)).isEqualTo("PONG");
        b.send("PING");
        assertThat(b.next(WAIT)).isEqualTo("PONG");

        String id = alice.limit(market.tokenId(0), Side.BUY, 45, 10_000_000L).json().get("orderID").asText();
        JsonNode placed = WireShape.parse(a.next(f -> event(f, "order"), WAIT));
        WireShape.assertMatches("clob-user-order.json", placed);
        assertThat(placed.get("type").asText()).isEqualTo("PLACEMENT");
        assertThat(placed.get("id").asText()).isEqualTo(id);

        bob.limit(market.tokenId(1), Side.BUY, 55, 10_000_000L);
        JsonNode makerTrade = WireShape.parse(a.next(f -> event(f, "trade"), WAIT));
        WireShape.assertMatches("clob-user-trade.json", makerTrade);
        assertThat(makerTrade.get("trader_side").asText()).isEqualTo("MAKER");
        assertThat(makerTrade.get("status").asText()).isEqualTo("MATCHED");
        JsonNode takerTrade = WireShape.parse(b.next(f -> event(f, "trade"), WAIT));
        assertThat(takerTrade.get("trader_side").asText()).isEqualTo("TAKER");
        assertThat(takerTrade.get("maker_orders").get(0).get("order_id").asText()).isEqualTo(id);

        SimFixture.advance(sim, clock, 2_000);
        assertThat(WireShape.parse(a.next(f -> event(f, "trade"), WAIT)).get("status").asText()).isEqualTo("MINED");
        SimFixture.advance(sim, clock, 5_000);
        assertThat(WireShape.parse(a.next(f -> event(f, "trade"), WAIT)).get("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void badUserCredentialsCloseTheSocket() {
        start("sim.liquidity.providers=0");
        WsProbe a = WsProbe.open(sim.endpoints().clobWsUser());
        open.add(a);
        a.send("{\"auth\":{\"apiKey\":\"nope\",\"secret\":\"x\",\"passphrase\":\"y\"},\"markets\":[],\"type\":\"user\"}");
        assertThat(a.closeCode(WAIT)).isEqualTo(1008);
    }
}
