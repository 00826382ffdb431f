package io.velocity.sim.market;

import io.velocity.config.SimConfig;
import io.velocity.sim.SimFixture;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MarketCatalogTest {
    private static final List<String> ASSETS = List.of("btc", "eth", "sol", "xrp");
    private static final long START = 1_762_197_300_000L;

    private static MarketCatalog catalog(String... overrides) {
        SimConfig sim = SimFixture.config(overrides).sim();
        MarketCatalog c = new MarketCatalog(sim, ASSETS, START - 3_600_000L);
        c.refresh(START);
        return c;
    }

    @Test
    void listsOneUpDownEventPerAssetPerWindowWithTheVenueSlug() {
        MarketCatalog c = catalog("sim.timeCompression=1", "sim.markets.lookahead=30m", "sim.markets.decoys=false");
        SimMarket m = c.upDownAt("btc", "15m", START);
        assertThat(m.slug()).isEqualTo("btc-updown-15m-1762197300");
        assertThat(m.startMillis()).isEqualTo(START);
        assertThat(m.endMillis() - m.startMillis()).isEqualTo(900_000L);
        assertThat(m.outcomes()).containsExactly("Up", "Down");
        assertThat(m.question()).isEqualTo("Bitcoin Up or Down - November 3, 2:15PM-2:30PM ET");
        Map<String, Integer> perKey = new HashMap<>();
        for (SimEvent e : c.events()) {
            SimMarket em = e.markets().get(0);
            perKey.merge(em.asset() + em.window().label() + em.startMillis(), 1, Integer::sum);
            assertThat(e.markets()).hasSize(1);
        }
        assertThat(perKey.values()).allMatch(n -> n == 1);
        assertThat(c.upDownAt("sol", "5m", START + 29 * 60_000L)).isNotNull();
    }

    @Test
    void identifiersFollowTheSeed() {
        SimMarket a = catalog("sim.seed=1").upDownAt("eth", "5m", START);
        SimMarket b = catalog("sim.seed=1").upDownAt("eth", "5m", START);
        SimMarket c = catalog("sim.seed=2").upDownAt("eth", "5m", START);
        assertThat(a.conditionId()).isEqualTo(b.conditionId()).matches("0x[0-9a-f]{64}").isNotEqualTo(c.conditionId());
        assertThat(a.tokenIds()).isEqualTo(b.tokenIds()).allMatch(t -> t.matches("\\d{20,78}"));
        assertThat(a.marketId()).isEqualTo(b.marketId()).matches("\\d+");
    }

    @Test
    void listsDecoysThatDiscoveryMustSkip() {
        MarketCatalog c = catalog("sim.markets.decoys=true", "sim.markets.lowLiquidityShare=0.5");
        List<SimEvent> augmented = c.events().stream().filter(SimEvent::negRiskAugmented).toList();
        assertThat(augmented).isNotEmpty().allMatch(SimEvent::negRisk);
        assertThat(augmented.get(0).markets()).allMatch(m -> m.negRisk() && !m.quoted());
        assertThat(augmented.get(0).markets()).anyMatch(SimMarket::negRiskOther);
        List<SimMarket> upDown = c.markets().stream().filter(SimMarket::upDown).toList();
        assertThat(upDown).anyMatch(m -> m.liquidityUsd() == 400 && !m.quoted());
        assertThat(upDown).anyMatch(m -> m.liquidityUsd() > 2_000 && m.quoted());
    }

    @Test
    void hourlyWindowsUseTheEasternTimeSlug() {
        MarketCatalog c = catalog("sim.timeCompression=1", "sim.windows=[\"1h\"]", "sim.markets.decoys=false");
        SimMarket m = c.upDownAt("btc", "1h", START);
        assertThat(m.slug()).isEqualTo("bitcoin-up-or-down-november-3-2pm-et");
        assertThat(m.question()).isEqualTo("Bitcoin Up or Down - November 3, 2PM ET");
    }

    @Test
    void compressionShortensWindowsButKeepsTheirLabels() {
        MarketCatalog c = catalog("sim.timeCompression=10");
        SimMarket m = c.upDownAt("xrp", "15m", START);
        assertThat(m.endMillis() - m.startMillis()).isEqualTo(90_000L);
        assertThat(m.slug()).isEqualTo("xrp-updown-15m-" + (m.startMillis() / 1000));
    }
}
