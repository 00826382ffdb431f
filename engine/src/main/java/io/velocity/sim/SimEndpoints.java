package io.velocity.sim;

import io.velocity.config.VenuesConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the simulator listens. Point the real clients at these (only base URLs differ from the
 * live venues).
 *
 * @param binanceRest  Binance REST base ({@code /api/v3/...})
 * @param binanceWs    Binance stream base ({@code /stream?streams=...}, {@code /ws/<stream>})
 * @param gamma        Gamma base ({@code /events}, {@code /markets})
 * @param clobRest     CLOB REST base
 * @param clobWsMarket CLOB market channel URL ({@code .../ws/market})
 * @param clobWsUser   CLOB user channel URL ({@code .../ws/user})
 * @param allora       Allora consumer API base
 * @param control      simulator control (faults, state)
 */
public record SimEndpoints(String binanceRest, String binanceWs, String gamma, String clobRest, String clobWsMarket,
                           String clobWsUser, String allora, String control) {

    /** The venue settings with every URL pointed at the simulator (everything else kept). */
    public VenuesConfig applyTo(VenuesConfig v) {
        return new VenuesConfig(
                new VenuesConfig.Binance(binanceRest, binanceWs, v.binance().symbols(), v.binance().rotateAfter(),
                        v.binance().maxReconnectBackoff()),
                new VenuesConfig.Gamma(gamma, v.gamma().pollInterval(), v.gamma().pollJitter()),
                new VenuesConfig.Clob(clobRest, clobWsMarket, clobWsUser, v.clob().heartbeatInterval(), v.clob().requestTimeout()),
                new VenuesConfig.Allora(allora, v.allora().chainSlug(), "", v.allora().topics(), v.allora().pollInterval(),
                        v.allora().maxStalenessRatio()));
    }

    /** Name to URL, in the order {@code ./velocity sim} prints them. */
    public Map<String, String> byName() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("binance-rest", binanceRest);
        m.put("binance-ws", binanceWs);
        m.put("gamma", gamma);
        m.put("clob-rest", clobRest);
        m.put("clob-ws-market", clobWsMarket);
        m.put("clob-ws-user", clobWsUser);
        m.put("allora", allora);
        m.put("control", control);
        return m;
    }
}
