package io.velocity.marketdata.gamma;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DiscoveryFilterTest {
    static final long START = 1_764_000_000_000L;

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = DiscoveryFilterTest.class.getResourceAsStream("/marketdata/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void discoveryFiltersExactlyTheMarketsItShould() throws Exception {
        List<GammaMarket> markets = new GammaParser().parse(fixture("gamma-events.json"));
        DiscoveryFilter filter = new DiscoveryFilter(List.of("btc", "eth", "sol", "xrp"), List.of("5m", "15m"), 2_000_000_000L);
        Map<String, String> verdicts = new LinkedHashMap<>();
        for (GammaMarket m : markets) {
            DiscoveryFilter.Verdict v = filter.judge(m, START + 100_000);
            verdicts.put(m.slug(), v.accepted() ? "ACCEPTED" : v.reason());
        }
        assertThat(verdicts).containsExactly(
                entry("btc-updown-15m-1764000000", "ACCEPTED"),
                entry("eth-updown-5m-1764000000", "liquidity $1999.99 is not above $2000"),
                entry("sol-updown-15m-1764000000", "closed"),
                entry("xrp-updown-15m-1764000000", "augmented negative-risk event"),
                entry("bitcoin-up-or-down-november-24-11am-et", "duration 1h is not in markets.durations"),
                entry("doge-updown-15m-1764000000", "asset doge is not in markets.assets"),
                entry("btc-updown-5m-1764000000", "no eventStartTime (startDate is not the window open)"),
                entry("eth-updown-15m-1763999100", "window over"),
                entry("sol-updown-5m-1764000000", "liquidity $2000 is not above $2000"),
                entry("xrp-updown-5m-1764000000", "archived"),
                entry("eth-updown-15m-1764000000", "ACCEPTED"),
                entry("btc-updown-15m-1764000900", "not accepting orders"));
    }

    @Test
    void readsTheFieldsDiscoveryNeedsFromAnEventsReply() throws Exception {
        GammaMarket m = new GammaParser().parse(fixture("gamma-events.json")).get(0);
        assertThat(m.eventStartMillis()).isEqualTo(START);
        assertThat(m.startDateMillis()).isLessThan(START - 80_000_000);
        assertThat(m.endMillis()).isEqualTo(START + 900_000);
        assertThat(m.liquidityMicros()).isEqualTo(15_234_561_200L);
        assertThat(m.upTokenId()).hasSize(77).isNotEqualTo(m.downTokenId());
        assertThat(m.tickE4()).isEqualTo(100);
        assertThat(m.orderMinSizeMicros()).isEqualTo(5_000_000);
        assertThat(m.feesEnabled()).isTrue();
        assertThat(m.version()).isEqualTo("2");
        assertThat(m.conditionId()).startsWith("0x").hasSize(66);
    }

    @Test
    void readsMarketsRepliesWithNestedEventsAndReversedOutcomes() throws Exception {
        String body = "[{\"conditionId\":\"0x1\",\"slug\":\"btc-updown-5m-1764000000\",\"outcomes\":[\"Down\",\"Up\"],"
                + "\"clobTokenIds\":\"[\\\"111\\\", \\\"222\\\"]\",\"liquidity\":\"3000\",\"active\":true,\"closed\":false,"
                + "\"eventStartTime\":\"2025-11-24T16:00:00Z\",\"endDate\":\"2025-11-24 16:05:00+00\",\"version\":\"3\","
                + "\"events\":[{\"slug\":\"btc-updown-5m-1764000000\",\"negRiskAugmented\":true}]}]";
        GammaMarket m = new GammaParser().parse(body).get(0);
        assertThat(m.upTokenId()).isEqualTo("222");
        assertThat(m.downTokenId()).isEqualTo("111");
        assertThat(m.endMillis()).isEqualTo(START + 300_000);
        assertThat(m.negRiskAugmented()).isTrue();
        assertThat(m.version()).isEqualTo("3");
    }

    @Test
    void onACompressedSimulatorAFiveMinuteWindowLastsTheCompressedLength() throws Exception {
        String body = "[{\"conditionId\":\"0x1\",\"slug\":\"btc-updown-5m-1764000000\",\"clobTokenIds\":\"[\\\"111\\\",\\\"222\\\"]\","
                + "\"active\":true,\"closed\":false,\"acceptingOrders\":true,\"liquidity\":\"3000\","
                + "\"eventStartTime\":\"2025-11-24T16:00:00Z\",\"endDate\":\"2025-11-24T16:00:30Z\"}]";
        GammaMarket m = new GammaParser().parse(body).get(0);
        assertThat(new DiscoveryFilter(List.of("btc"), List.of("5m"), 0, 10).judge(m, START).reason()).isEmpty();
        assertThat(new DiscoveryFilter(List.of("btc"), List.of("5m"), 0).judge(m, START).reason())
                .isEqualTo("eventStartTime to endDate is not 5m");
    }

    @Test
    void namesUnreadableMarketsInsteadOfGuessing() throws Exception {
        String body = "[{\"conditionId\":\"0x1\",\"slug\":\"btc-updown-5m-1764000000\",\"clobTokenIds\":\"[\\\"111\\\"]\","
                + "\"liquidity\":\"3000\",\"eventStartTime\":\"yesterday\",\"endDate\":\"2025-11-24T16:05:00Z\"}]";
        GammaMarket m = new GammaParser().parse(body).get(0);
        DiscoveryFilter filter = new DiscoveryFilter(List.of("btc"), List.of("5m"), 0);
        assertThat(filter.judge(m, START).reason()).startsWith("unreadable: eventStartTime is not an ISO-8601 time");
    }

    @Test
    void readsAndWritesUpDownSlugs() {
        assertThat(WindowSlugs.slug("btc", "5m", START)).isEqualTo("btc-updown-5m-1764000000");
        assertThat(WindowSlugs.parse("btc-updown-15m-1764000900")).isEqualTo(new WindowSlugs.Window("btc", "15m", START + 900_000));
        assertThat(WindowSlugs.slug("btc", "1h", START)).isEqualTo("bitcoin-up-or-down-november-24-11am-et");
        assertThat(WindowSlugs.slug("eth", "1h", START + 2 * 3_600_000)).isEqualTo("ethereum-up-or-down-november-24-1pm-et");
        assertThat(WindowSlugs.parse("solana-up-or-down-november-24-1pm-et")).isEqualTo(new WindowSlugs.Window("sol", "1h", -1));
        assertThat(WindowSlugs.parse("will-bitcoin-reach-100k")).isNull();
    }
}
