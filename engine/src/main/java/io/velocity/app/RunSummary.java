package io.velocity.app;

import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.FillRow;
import io.velocity.engine.LatencyStats;
import io.velocity.engine.MarketRow;
import io.velocity.engine.OrderRow;
import io.velocity.risk.KillSwitch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a headless run did, accumulated from the snapshots it observed: markets seen, decisions by
 * type and reason, orders, fills, fees, PnL, kill-switch events and tick-to-intent latency.
 * Observing never touches the engine thread: it reads published snapshots only.
 */
public final class RunSummary {
    private final Set<String> marketsSeen = new TreeSet<>();
    private final Map<Long, OrderRow> orders = new LinkedHashMap<>();
    private final Map<String, FillRow> fills = new LinkedHashMap<>();
    private final List<Map<String, Object>> killSwitchEvents = new CopyOnWriteArrayList<>();
    private EngineSnapshot last;
    private long startedMillis = -1;

    /** Records an engage or release (called on whatever thread the kill switch ran on). */
    public void onKillSwitch(KillSwitch.KillSwitchEvent e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", java.time.Instant.ofEpochMilli(e.atMillis()).toString());
        m.put("action", e.engaged() ? "engaged" : "released");
        m.put("layer", e.layer().name());
        m.put("reason", e.reason());
        m.put("actor", e.actor());
        killSwitchEvents.add(m);
    }

    /** Folds one snapshot in. */
    public synchronized void observe(EngineSnapshot s) {
        if (s == null) {
            return;
        }
        if (startedMillis < 0) {
            startedMillis = s.timeMillis();
        }
        for (MarketRow r : s.markets()) {
            marketsSeen.add(r.slug());
        }
        for (OrderRow o : s.orders()) {
            orders.put(o.clientOrderId(), o);
        }
        for (FillRow f : s.fills()) {
            fills.putIfAbsent(f.timeMillis() + "/" + f.clientOrderId() + "/" + f.kind() + "/" + f.priceE4() + "/" + f.sizeMicros(), f);
        }
        last = s;
    }

    /** The summary as an ordered JSON-ready map. */
    public synchronized Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("mode", last == null ? "" : last.mode());
        out.put("feeds", last == null ? "" : last.feeds());
        out.put("durationSeconds", last == null ? 0 : (last.timeMillis() - startedMillis) / 1000.0);
        out.put("marketsSeen", marketsSeen.size());
        out.put("markets", List.copyOf(marketsSeen));
        out.put("decisions", last == null ? Map.of() : last.decisionCounts());
        out.put("decisionReasons", last == null ? Map.of() : last.reasonCounts());
        out.put("riskRejections", last == null ? Map.of() : last.riskRejections());
        Map<String, Long> byIntent = new LinkedHashMap<>();
        Map<String, Long> byState = new LinkedHashMap<>();
        for (OrderRow o : orders.values()) {
            byIntent.merge(o.intent(), 1L, Long::sum);
            byState.merge(o.state(), 1L, Long::sum);
        }
        Map<String, Object> orderSummary = new LinkedHashMap<>();
        orderSummary.put("total", orders.size());
        orderSummary.put("byIntent", byIntent);
        orderSummary.put("byState", byState);
        out.put("orders", orderSummary);
        long fillCount = fills.values().stream().filter(f -> f.kind().equals("FILL")).count();
        long redemptions = fills.values().stream().filter(f -> f.kind().equals("REDEMPTION")).count();
        Map<String, Object> fillSummary = new LinkedHashMap<>();
        fillSummary.put("fills", fillCount);
        fillSummary.put("redemptions", redemptions);
        out.put("fills", fillSummary);
        if (last != null) {
            var f = last.financials();
            Map<String, Object> money = new LinkedHashMap<>();
            money.put("bankrollUsd", f.bankrollMicros() / 1e6);
            money.put("equityUsd", f.equityMicros() / 1e6);
            money.put("realizedPnlUsd", f.realizedMicros() / 1e6);
            money.put("unrealizedPnlUsd", f.unrealizedMicros() / 1e6);
            money.put("feesUsd", f.feesMicros() / 1e6);
            money.put("redeemedUsd", f.redeemedMicros() / 1e6);
            out.put("pnl", money);
            out.put("windowsResolved", last.windowResults().size());
            out.put("tickToIntentMicros", latency(last.tickToIntent()));
            out.put("tickToDecisionMicros", latency(last.tickToDecision()));
            out.put("ladderCancelMicros", latency(last.ladderCancel()));
            out.put("killSwitchHaltedAtEnd", last.killSwitch().halted());
            out.put("feedStates", last.feedStates().values().stream()
                    .collect(java.util.stream.Collectors.toMap(fs -> fs.feed(), fs -> fs.state().name(), (a, b) -> a, java.util.TreeMap::new)));
        }
        out.put("killSwitchEvents", List.copyOf(killSwitchEvents));
        return out;
    }

    private static Map<String, Object> latency(LatencyStats l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", l.count());
        m.put("p50", l.p50Micros());
        m.put("p99", l.p99Micros());
        m.put("p999", l.p999Micros());
        return m;
    }
}
