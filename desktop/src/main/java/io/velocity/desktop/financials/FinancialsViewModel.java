package io.velocity.desktop.financials;

import io.velocity.desktop.fx.Formats;
import io.velocity.engine.EngineSnapshot;
import io.velocity.engine.Financials;
import io.velocity.engine.PnlPoint;
import io.velocity.engine.WindowResult;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bankroll and PnL: key figures, the equity/PnL points not yet drawn, the per-window results
 * (newest first) and the PnL summed per window close for the bar chart.
 */
public final class FinancialsViewModel {
    /** Bars in the per-window chart. */
    public static final int WINDOW_BARS = 36;

    private final ReadOnlyObjectWrapper<List<Kpi>> kpis = new ReadOnlyObjectWrapper<>(List.of());
    private final ObservableList<WindowResultItem> results = FXCollections.observableArrayList();
    private WindowResult newestResult;
    private long lastPointMillis = Long.MIN_VALUE;
    private final List<PnlPoint> pending = new ArrayList<>();
    private boolean resultsChanged;

    public void apply(EngineSnapshot s) {
        kpis.set(kpis(s.financials()));
        for (PnlPoint p : s.pnlHistory()) {
            if (p.timeMillis() > lastPointMillis) {
                pending.add(p);
                lastPointMillis = p.timeMillis();
            }
        }
        List<WindowResult> newestFirst = s.windowResults();
        if (!newestFirst.isEmpty()) {
            int fresh = newestResult == null ? newestFirst.size() : newestFirst.indexOf(newestResult);
            if (fresh < 0) {
                fresh = newestFirst.size();
            }
            if (fresh > 0) {
                List<WindowResultItem> add = new ArrayList<>(fresh);
                for (int i = 0; i < fresh; i++) {
                    add.add(new WindowResultItem(newestFirst.get(i)));
                }
                results.addAll(0, add);
                newestResult = newestFirst.get(0);
                resultsChanged = true;
            }
        }
    }

    static List<Kpi> kpis(Financials f) {
        long total = f.realizedMicros() + f.unrealizedMicros();
        return List.of(
                new Kpi("bankroll", "Bankroll", Formats.usd(f.bankrollMicros()), null,
                        "Cash available (sys:bankroll:usdc)"),
                new Kpi("equity", "Equity", Formats.usd(f.equityMicros()), null,
                        "Bankroll plus open positions at fair value"),
                new Kpi("pnl", "Total PnL", Formats.signedUsd(total), sign(total), "Realized plus unrealized since start"),
                new Kpi("realized", "Realized", Formats.signedUsd(f.realizedMicros()), sign(f.realizedMicros()),
                        "PnL of resolved and closed positions since start"),
                new Kpi("unrealized", "Unrealized", Formats.signedUsd(f.unrealizedMicros()), sign(f.unrealizedMicros()),
                        "Open positions at fair value minus their cost"),
                new Kpi("daily", "Today", Formats.signedUsd(f.dailyPnlMicros()), sign(f.dailyPnlMicros()),
                        "Realized PnL today (UTC), checked against the daily loss limit"),
                new Kpi("fees", "Fees", Formats.usd(f.feesMicros()), null, "Taker fees paid since start"),
                new Kpi("redeemed", "Redemptions", Formats.usd(f.redeemedMicros()), null, "Payouts received since start"),
                new Kpi("open", "In positions", Formats.usd(f.openCostMicros()), null, "Money in open positions (cost)"));
    }

    private static String sign(long v) {
        return v > 0 ? "pos" : v < 0 ? "neg" : null;
    }

    /** Equity/PnL points that arrived since the last call, oldest first. */
    public List<PnlPoint> drainNewPoints() {
        List<PnlPoint> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    /** True once after the results list changed. */
    public boolean takeResultsChanged() {
        boolean c = resultsChanged;
        resultsChanged = false;
        return c;
    }

    /**
     * PnL summed per window close and length (all assets of that window together), oldest first,
     * at most {@link #WINDOW_BARS}.
     */
    public List<WindowBar> windowBars() {
        Map<String, long[]> sums = new TreeMap<>();
        Map<String, String> labels = new java.util.HashMap<>();
        for (WindowResultItem item : results) {
            WindowResult r = item.row();
            String len = duration(r.slug());
            String key = String.format("%015d|%s", r.windowEndMillis(), len);
            sums.computeIfAbsent(key, k -> new long[2])[0] += r.pnlMicros();
            sums.get(key)[1]++;
            labels.put(key, Formats.hourMinute(r.windowEndMillis()) + (len.isEmpty() ? "" : " " + len));
        }
        List<WindowBar> bars = new ArrayList<>();
        for (Map.Entry<String, long[]> e : sums.entrySet()) {
            bars.add(new WindowBar(labels.get(e.getKey()), Long.parseLong(e.getKey().substring(0, 15)), e.getValue()[0],
                    (int) e.getValue()[1]));
        }
        return bars.size() > WINDOW_BARS ? List.copyOf(bars.subList(bars.size() - WINDOW_BARS, bars.size())) : bars;
    }

    /** The window length in a slug such as {@code btc-updown-5m-1780000000}, or "". */
    static String duration(String slug) {
        for (String part : slug.split("-")) {
            if (part.matches("\\d+[mhd]")) {
                return part;
            }
        }
        return "";
    }

    /** One bar: a window close with the summed PnL of its markets. */
    public record WindowBar(String label, long windowEndMillis, long pnlMicros, int markets) {
    }

    public ReadOnlyObjectProperty<List<Kpi>> kpisProperty() {
        return kpis.getReadOnlyProperty();
    }

    public ObservableList<WindowResultItem> results() {
        return results;
    }
}
