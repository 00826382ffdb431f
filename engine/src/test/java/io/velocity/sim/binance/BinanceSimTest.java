package io.velocity.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.velocity.core.ManualClock;
import io.velocity.sim.Http;
import io.velocity.sim.SimFixture;
import io.velocity.sim.VenueSimulator;
import io.velocity.sim.WireShape;
import io.velocity.sim.WsProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Binance spot REST and streams over loopback, checked against the recorded payloads. */
class BinanceSimTest {
    private static final long WAIT = 10_000;

    private final ManualClock clock = new ManualClock(SimFixture.START);
    private final List<AutoCloseable> open = new ArrayList<>();
    private VenueSimulator sim;

    private void start(String... overrides) {
        sim = SimFixture.manual(clock, overrides);
        open.add(sim);
    }

    private WsProbe ws(String pathAndQuery) {
        WsProbe p = WsProbe.open(sim.endpoints().binanceWs() + pathAndQuery);
        open.add(p);
        return p;
    }

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void combinedStreamsWrapEachEventWithItsStreamName() {
        start();
        WsProbe p = ws("/stream?streams=btcusdt@aggTrade/btcusdt@bookTicker");
        SimFixture.advance(sim, clock, 3_000);
        String trade = p.next(f -> f.contains("\"btcusdt@aggTrade\""), WAIT);
        WireShape.assertMatches("binance-aggtrade-combined.json", WireShape.parse(trade));
        String top = p.next(f -> f.contains("\"btcusdt@bookTicker\""), WAIT);
        JsonNode t = WireShape.parse(top);
        WireShape.assertMatches("binance-bookticker-combined.json", t);
        // Spot bookTicker carries no event time.
        assertThat(t.get("data").has("E")).isFalse();
        assertThat(t.get("data").get("b").asText()).matches("\\d+\\.\\d{8}");
        assertThat(p.next(f -> f.contains("ethusdt"), 300)).isNull();
    }

    @Test
    void rawStreamsSendBarePayloadsAndLiveSubscriptionsAreAcknowledged() {
        start();
        WsProbe p = ws("/ws/ethusdt@aggTrade");
        p.send("{\"method\":\"SUBSCRIBE\",\"params\":[\"solusdt@bookTicker\"],\"id\":1}");
        WireShape.assertMatches("binance-subscribe-reply.json", WireShape.parse(p.next(f -> f.contains("\"result\""), WAIT)));
        SimFixture.advance(sim, clock, 3_000);
        String raw = p.next(f -> f.contains("\"aggTrade\""), WAIT);
        WireShape.assertMatches("binance-aggtrade-raw.json", WireShape.parse(raw));
        assertThat(p.next(f -> f.contains("\"SOLUSDT\""), WAIT)).isNotNull();
    }

    @Test
    void restServesTimeKlinesAndBookTickersWithBinanceTypes() {
        start();
        SimFixture.advance(sim, clock, 130_000);
        String base = sim.endpoints().binanceRest();
        WireShape.assertMatches("binance-time.json", Http.get(base + "/api/v3/time").json());
        assertThat(Http.get(base + "/api/v3/time").json().get("serverTime").asLong()).isEqualTo(clock.epochMillis());

        long minute = (SimFixture.START / 60_000) * 60_000;
        Http.Reply k = Http.get(base + "/api/v3/klines?symbol=BTCUSDT&interval=1m&startTime=" + minute + "&limit=2");
        WireShape.assertMatches("binance-klines.json", k.json());
        assertThat(k.json()).hasSize(2);
        assertThat(k.json().get(0).get(0).asLong()).isEqualTo(minute);
        assertThat(k.json().get(0).get(6).asLong()).isEqualTo(minute + 59_999);
        double open = k.json().get(0).get(1).asDouble();
        double high = k.json().get(0).get(2).asDouble();
        double low = k.json().get(0).get(3).asDouble();
        assertThat(open).isBetween(low, high);
        assertThat(Http.get(base + "/api/v3/klines?symbol=BTCUSDT&interval=1s&limit=5").json()).hasSize(5);

        WireShape.assertMatches("binance-bookticker-rest.json", Http.get(base + "/api/v3/ticker/bookTicker?symbol=XRPUSDT").json());
        assertThat(Http.get(base + "/api/v3/ticker/bookTicker").json()).hasSize(4);
        assertThat(Http.get(base + "/api/v3/ticker/bookTicker?symbols=%5B%22BTCUSDT%22,%22ETHUSDT%22%5D").json()).hasSize(2);

        Http.Reply bad = Http.get(base + "/api/v3/klines?symbol=DOGEUSDT&interval=1m");
        assertThat(bad.status()).isEqualTo(400);
        WireShape.assertMatches("binance-error.json", bad.json());
        assertThat(bad.json().get("code").asInt()).isEqualTo(-1121);
        assertThat(Http.get(base + "/api/v3/klines?symbol=BTCUSDT&interval=7m").json().get("code").asInt()).isEqualTo(-1120);
        assertThat(Http.get(base + "/api/v3/klines?interval=1m").json().get("code").asInt()).isEqualTo(-1102);
    }

    @Test
    void theServerPingsAndAnnouncesShutdownBeforeClosing() {
        start("sim.binance.pingInterval=1s");
        WsProbe p = ws("/stream?streams=btcusdt@bookTicker");
        await().atMost(Duration.ofSeconds(5)).until(() -> p.pings() > 0);
        sim.faults().apply("shutdown:binance");
        JsonNode notice = WireShape.parse(p.next(f -> f.contains("serverShutdown"), WAIT));
        WireShape.assertMatches("binance-server-shutdown.json", notice);
        assertThat(p.closeCode(WAIT)).isEqualTo(1001);
    }

    @Test
    void connectionsAreClosedAtTheirMaximumAge() {
        start("sim.binance.maxConnectionAge=1s");
        WsProbe p = ws("/stream?streams=btcusdt@bookTicker");
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            SimFixture.advance(sim, clock, 1_000);
            return p.closeCode(50) != null;
        });
        assertThat(p.closeCode(0)).isEqualTo(1000);
    }

    @Test
    void frozenStreamsGoSilentAndGarbledOnesSendBrokenJson() {
        start();
        WsProbe p = ws("/stream?streams=btcusdt@bookTicker");
        sim.faults().apply("freeze:binance");
        SimFixture.advance(sim, clock, 2_000);
        assertThat(p.next(300)).isNull();
        sim.faults().apply("unfreeze:binance");
        sim.faults().apply("malformed:binance-ws:1");
        SimFixture.advance(sim, clock, 1_000);
        String broken = p.next(WAIT);
        assertThat(broken).doesNotEndWith("}");
        assertThat(p.next(WAIT)).endsWith("}");
        sim.faults().apply("drop:binance");
        assertThat(p.closeCode(WAIT)).isEqualTo(1006);
    }

    @Test
    void restFaultsUseBinanceErrorShapes() {
        start();
        String url = sim.endpoints().binanceRest() + "/api/v3/time";
        sim.faults().apply("429:binance:1");
        Http.Reply limited = Http.get(url);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("code").asInt()).isEqualTo(-1003);
        sim.faults().apply("5xx:binance-rest:1");
        assertThat(Http.get(url).status()).isEqualTo(500);
        sim.faults().apply("skew:-1500");
        assertThat(Http.get(url).json().get("serverTime").asLong()).isEqualTo(clock.epochMillis() - 1_500);
    }
}
