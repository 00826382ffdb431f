package io.velocity.marketdata.allora;

import io.velocity.marketdata.AlloraSignal;
import io.velocity.marketdata.parse.MalformedMessageException;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class AlloraSignalsTest {
    static final long CANDLE_START = 1_764_000_000_000L; // a 20-minute boundary
    private final AlloraSignals signals = new AlloraSignals(Map.of("btc-20m", 18, "eth-8h", 2), 0.05);
    private final AlloraParser parser = new AlloraParser();

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = AlloraSignalsTest.class.getResourceAsStream("/marketdata/" + name)) {
            return in.readAllBytes();
        }
    }

    private static AlloraReading reading(long timestampMillis) {
        return new AlloraReading(18, -0.0003, -0.002, 0.0015, timestampMillis, -1, "consumer");
    }

    @Test
    void rejectsSignalWhenStalenessAbove5PercentAndAcceptsJustBelow() {
        long now = CANDLE_START + 600_000; // 10 minutes left in the 20m candle
        AlloraSignal stale = signals.validate(reading(now - 30_060), now); // 5.01 %
        AlloraSignal fresh = signals.validate(reading(now - 29_940), now); // 4.99 %
        assertThat(stale.accepted()).isFalse();
        assertThat(stale.stalenessRatio()).isCloseTo(0.0501, within(1e-12));
        assertThat(stale.rejectReason()).startsWith("stale: ratio 5.01% > 5.00%");
        assertThat(fresh.accepted()).isTrue();
        assertThat(fresh.stalenessRatio()).isCloseTo(0.0499, within(1e-12));
        assertThat(fresh.rejectReason()).isEmpty();
        assertThat(signals.validate(reading(now - 30_000), now).accepted()).as("exactly 5 %").isTrue();
    }

    @Test
    void theSameSignalGoesStaleAsTheCandleRunsOut() {
        long signal = CANDLE_START + 60_000;
        assertThat(signals.validate(reading(signal), CANDLE_START + 61_000).accepted()).isTrue();
        assertThat(signals.validate(reading(signal), CANDLE_START + 1_190_000).accepted()).isFalse();
        assertThat(StalenessRatio.of(CANDLE_START + 1_200_000 - 1, signal, CANDLE_START + 1_200_000)).isGreaterThan(1000);
        assertThat(StalenessRatio.candleEnd(CANDLE_START, 1_200_000)).isEqualTo(CANDLE_START + 1_200_000);
    }

    @Test
    void decodesTheCurrentConsumerReplyWithNormalizedValuesAndSecondsTimestamp() throws Exception {
        AlloraReading r = parser.parse(fixture("allora-consumer.json"));
        assertThat(r.topicId()).isEqualTo(18);
        assertThat(r.value()).isEqualTo(-0.00031200541822164);
        assertThat(r.lower()).isEqualTo(-0.002104733151820911);
        assertThat(r.upper()).isEqualTo(0.001544104151012006);
        assertThat(r.timestampMillis()).isEqualTo(1_764_000_590_000L);
        AlloraSignal s = signals.validate(r, 1_764_000_600_000L);
        assertThat(s.asset()).isEqualTo("btc");
        assertThat(s.horizon()).isEqualTo("20m");
        assertThat(s.accepted()).isTrue();
    }

    @Test
    void decodesOlderRepliesByScalingTheIntegerInference() throws Exception {
        AlloraReading r = parser.parse(fixture("allora-consumer-old.json"));
        assertThat(r.topicId()).isEqualTo(14);
        assertThat(r.value()).isCloseTo(97_012.345678901234567890, within(1e-9));
        assertThat(r.lower()).isEqualTo(96_500.0);
        assertThat(r.upper()).isEqualTo(97_600.0);
        assertThat(r.timestampMillis()).isEqualTo(1_719_866_218_000L);
        assertThat(signals.validate(r, 1_719_866_219_000L).rejectReason()).isEqualTo("topic 14 is not in venues.allora.topics");
    }

    @Test
    void decodesTheChainLcdFallbackWhoseTimeComesFromTheBlock() throws Exception {
        AlloraReading r = parser.parse(fixture("allora-lcd.json"));
        assertThat(r.source()).isEqualTo("lcd");
        assertThat(r.topicId()).isEqualTo(18);
        assertThat(r.value()).isEqualTo(-0.00031200541822164);
        assertThat(r.blockHeight()).isEqualTo(4_512_000);
        assertThat(r.timestampMillis()).isEqualTo(-1);
        assertThat(signals.validate(r, CANDLE_START).rejectReason()).isEqualTo("signal time unknown");
        long t = parser.parseBlockTime("{\"block\":{\"header\":{\"height\":\"4512000\",\"time\":\"2025-11-24T16:00:00.123456789Z\"}}}"
                .getBytes());
        assertThat(t).isEqualTo(1_764_000_000_123L);
    }

    @Test
    void refusesFailedOrIncompleteReplies() {
        assertThatThrownBy(() -> parser.parse("{\"status\":false,\"message\":\"topic not found\"}"))
                .isInstanceOf(MalformedMessageException.class).hasMessage("status false: topic not found");
        assertThatThrownBy(() -> parser.parse("{\"status\":true,\"data\":{\"inference_data\":{\"topic_id\":\"1\",\"timestamp\":1}}}"))
                .hasMessage("no network_inference in the reply");
        assertThatThrownBy(() -> parser.parse("{\"status\":true,\"data\":{\"inference_data\":{\"network_inference_normalized\":\"1\"}}}"))
                .hasMessage("inference_data.timestamp missing or not an integer");
        assertThatThrownBy(() -> parser.parse("{\"status\":tru")).hasMessageStartingWith("not JSON");
    }
}
