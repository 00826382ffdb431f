package io.velocity.engine;

import io.velocity.marketdata.FeedStatus;
import io.velocity.risk.KillSwitchState;
import io.velocity.telemetry.HealthStatus;

import java.util.List;
import java.util.Map;

/**
 * Everything the workstation and the headless summary show, as one immutable value published by
 * the engine thread at most every snapshot interval. Readers never lock and never wait.
 *
 * @param sequence         increases with every snapshot
 * @param timeMillis       engine time of the snapshot
 * @param mode             paper, live or replay
 * @param feeds            data source (sim, live)
 * @param killSwitch       halt state with reasons
 * @param health           health model (stores, rails, python, config, ...)
 * @param feedStates       latest state per feed
 * @param markets          tradeable markets with their analysis
 * @param orders           working orders and the most recent finished ones
 * @param fills            recent fills and redemptions, newest first
 * @param financials       bankroll and PnL
 * @param pnlHistory       equity curve points, oldest first
 * @param windowResults    resolved markets, newest first
 * @param decisionCounts   evaluations per decision (SNIPE/LADDER/NONE)
 * @param reasonCounts     evaluations per reason
 * @param riskRejections   orders refused per risk rule
 * @param tickToIntent     tick-to-intent latency (ticks that produced an order)
 * @param tickToDecision   tick-to-decision latency (every evaluated tick)
 * @param ladderCancel     degradation-to-cancel-sent latency of ladder orders
 * @param ordersPerMinute  orders sent in the last minute
 * @param configGeneration active configuration generation
 */
public record EngineSnapshot(long sequence, long timeMillis, String mode, String feeds, KillSwitchState killSwitch,
                             Map<String, HealthStatus> health, Map<String, FeedStatus> feedStates,
                             List<MarketRow> markets, List<OrderRow> orders, List<FillRow> fills,
                             Financials financials, List<PnlPoint> pnlHistory, List<WindowResult> windowResults,
                             Map<String, Long> decisionCounts, Map<String, Long> reasonCounts,
                             Map<String, Long> riskRejections, LatencyStats tickToIntent, LatencyStats tickToDecision,
                             LatencyStats ladderCancel,
                             int ordersPerMinute, long configGeneration) {
}
