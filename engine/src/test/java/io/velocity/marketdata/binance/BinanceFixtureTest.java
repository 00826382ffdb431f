package io.velocity.marketdata.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.velocity.core.ManualClock;
import io.velocity.marketdata.DistanceFromOpen;
import io.velocity.marketdata.RecordingSink;
import io.velocity.marketdata.SpotUpdate;
import io.velocity.marketdata.WindowOpen;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Volatility, window open and DFO from the production path (parser, spot state, window opens)
 * against an independent computation (Jackson's tree model and the naive definition) on the
 * same recorded stream.
 */
class BinanceFixtureTest {
    static final long WINDOW_START = 1_764_000_000_000L;
    static final long WINDOW_END = WINDOW_START + 300_000;

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = BinanceFixtureTest.class.getResourceAsStream("/marketdata/" + resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> out = new ArrayList<>();
            for (String l : text.split("\n")) {
                if (!l.isBlank()) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    @Test
    void volatilityWindowOpenAndDfoMatchAnIndependentComputationOnTheRecordedTrades() throws Exception {
        ManualClock clock = new ManualClock(WINDOW_START - 50_000);
        RecordingSink sink = new RecordingSink();
        List<String> klineRequests = new ArrayList<>();
        WindowOpens opens = new WindowOpens(sink, (asset, start) -> klineRequests.add(asset + "@" + start), clock);
        opens.watch("btc", WINDOW_START);
        BinanceSpot spot = new BinanceSpot(Map.of("btc", "btcusdt"), sink, opens, clock, () -> { });
        BinanceParser parser = new BinanceParser();
        ObjectMapper json = new ObjectMapper();

        long[] t = new long[1000];
        double[] p = new double[1000];
        int n = 0;
        int compared = 0;
        for (String line : lines("binance-btcusdt-stream.jsonl")) {
            parser.parse(line, spot);
            JsonNode data = json.readTree(line).get("data");
            if (!"aggTrade".equals(data.path("e").asText())) {
                continue;
            }
            t[n] = data.get("T").asLong();
            p[n] = Double.parseDouble(data.get("p").asText());
            n++;
            SpotUpdate u = sink.spots.get(sink.spots.size() - 1);
            double expected = RealizedVolatilityTest.naiveVol(t, p, n, 60_000);
            if (Double.isNaN(expected)) {
                assertThat(u.volPerSqrtSecond()).isNaN();
            } else {
                assertThat(u.volPerSqrtSecond()).as("trade %d", n).isCloseTo(expected, within(expected * 1e-9));
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(300);

        double expectedOpen = Double.NaN;
        for (int i = 0; i < n; i++) {
            if (t[i] >= WINDOW_START) {
                expectedOpen = p[i];
                break;
            }
        }
        assertThat(sink.opens).containsExactly(new WindowOpen("btc", WINDOW_START, expectedOpen, "stream"));
        assertThat(klineRequests).isEmpty();

        SpotUpdate last = sink.spots.get(sink.spots.size() - 1);
        double tau = (WINDOW_END - last.exchangeTimeMillis()) / 1000.0;
        DistanceFromOpen dfo = DistanceFromOpen.of(last.lastTradePrice(), expectedOpen, last.volPerSqrtSecond(), tau);
        double vol = RealizedVolatilityTest.naiveVol(t, p, n, 60_000);
        assertThat(dfo.absolute()).isCloseTo(p[n - 1] - expectedOpen, within(1e-9));
        assertThat(dfo.percent()).isCloseTo((p[n - 1] - expectedOpen) / expectedOpen * 100, within(1e-12));
        assertThat(dfo.sigmas()).isCloseTo(Math.log(p[n - 1] / expectedOpen) / (vol * Math.sqrt(tau)), within(1e-9));
    }

    @Test
    void asksForTheKlineWhenTheWindowStartedBeforeTheStream() throws Exception {
        ManualClock clock = new ManualClock(WINDOW_START + 120_000);
        RecordingSink sink = new RecordingSink();
        List<String> klineRequests = new ArrayList<>();
        WindowOpens opens = new WindowOpens(sink, (asset, start) -> klineRequests.add(asset + "@" + start), clock);
        opens.watch("btc", WINDOW_START);
        assertThat(klineRequests).containsExactly("btc@" + WINDOW_START);
        opens.onKlineOpen("btc", WINDOW_START, 97_100.5);
        assertThat(sink.opens).containsExactly(new WindowOpen("btc", WINDOW_START, 97_100.5, "kline"));
    }

    @Test
    void asksForTheKlineWhenAReconnectGapCrossesTheStart() throws Exception {
        ManualClock clock = new ManualClock(WINDOW_START - 10_000);
        RecordingSink sink = new RecordingSink();
        List<String> klineRequests = new ArrayList<>();
        WindowOpens opens = new WindowOpens(sink, (asset, start) -> klineRequests.add(asset + "@" + start), clock);
        opens.onTrade("btc", WINDOW_START - 5_000, 97_000);
        opens.watch("btc", WINDOW_START);
        opens.onStreamGap();
        opens.onTrade("btc", WINDOW_START + 2_000, 97_010);
        assertThat(sink.opens).isEmpty();
        assertThat(klineRequests).containsExactly("btc@" + WINDOW_START);
    }

    @Test
    void dropsDuplicatesFromTheRotationOverlap() throws Exception {
        RecordingSink sink = new RecordingSink();
        BinanceSpot spot = new BinanceSpot(Map.of("btc", "btcusdt"), sink, null, new ManualClock(0), () -> { });
        BinanceParser parser = new BinanceParser();
        List<String> lines = lines("binance-btcusdt-stream.jsonl").subList(0, 40);
        for (String l : lines) {
            parser.parse(l, spot); // old connection
        }
        int published = sink.spots.size();
        for (String l : lines.subList(30, 40)) {
            parser.parse(l, spot); // the new connection replays the same messages
        }
        assertThat(sink.spots).hasSize(published);
        assertThat(spot.duplicates()).isEqualTo(10);
    }
}
