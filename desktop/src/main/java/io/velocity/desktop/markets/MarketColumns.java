package io.velocity.desktop.markets;

import io.velocity.desktop.fx.Formats;
import io.velocity.desktop.table.ColumnSpec;
import io.velocity.engine.MarketRow;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The columns of the markets table, in their default order. */
final class MarketColumns {
    private MarketColumns() {
    }

    private static ColumnSpec<MarketItem, MarketRow> row(String id, String title) {
        return ColumnSpec.of(id, title, MarketItem::rowProperty);
    }

    private static Comparator<MarketRow> by(java.util.function.ToDoubleFunction<MarketRow> f) {
        // NaN (unknown) sorts last in either direction of a numeric column.
        return (a, b) -> {
            double x = f.applyAsDouble(a);
            double y = f.applyAsDouble(b);
            if (Double.isNaN(x) || Double.isNaN(y)) {
                return Boolean.compare(Double.isNaN(x), Double.isNaN(y));
            }
            return Double.compare(x, y);
        };
    }

    static String signClass(double v, double strong) {
        if (Double.isNaN(v) || v == 0) {
            return null;
        }
        if (v > 0) {
            return v >= strong ? "pos-strong" : "pos";
        }
        return v <= -strong ? "neg-strong" : "neg";
    }

    static List<ColumnSpec<MarketItem, ?>> all() {
        return List.of(
                row("market", "Market").width(88)
                        .text(r -> r.asset().toUpperCase(Locale.ROOT) + " " + r.duration())
                        .style(r -> "asset-" + r.asset().toLowerCase(Locale.ROOT))
                        .sortBy(Comparator.comparing(MarketRow::asset).thenComparing(MarketRow::duration)),
                row("window", "Window").width(96)
                        .text(r -> Formats.hourMinute(r.windowStartMillis()) + "–" + Formats.hourMinute(r.windowEndMillis()))
                        .csv(r -> Formats.iso(r.windowStartMillis()) + "/" + Formats.iso(r.windowEndMillis()))
                        .sortBy(Comparator.comparingLong(MarketRow::windowEndMillis)),
                ColumnSpec.<MarketItem, Number>of("left", "Left", MarketItem::secondsLeftProperty).width(62).numeric()
                        .tooltip("Time until the window closes")
                        .text(n -> Formats.countdown(n.longValue()))
                        .csv(n -> Long.toString(n.longValue()))
                        .style(n -> n.longValue() <= 30 ? "urgent" : n.longValue() <= 60 ? "soon" : null)
                        .sortBy(Comparator.comparingLong(Number::longValue)),
                row("spot", "Binance").width(92).numeric()
                        .tooltip("Binance mid price")
                        .text(r -> Formats.price(r.spot()))
                        .csv(r -> Double.toString(r.spot()))
                        .sortBy(by(MarketRow::spot)),
                row("open", "Open").width(92).numeric()
                        .tooltip("Binance price at the window open")
                        .text(r -> Formats.price(r.open()))
                        .csv(r -> Double.toString(r.open()))
                        .sortBy(by(MarketRow::open)),
                row("dfo", "DFO").width(76).numeric()
                        .tooltip("Distance from open: (price − open) / open")
                        .text(r -> Formats.dfo(r.dfoPercent()))
                        .csv(r -> Double.toString(r.dfoPercent()))
                        .style(r -> signClass(r.dfoPercent(), 0.001))
                        .sortBy(by(MarketRow::dfoPercent)),
                row("fair", "Fair P(up)").width(76).numeric()
                        .tooltip("Fair probability of Up from Binance (and Allora when fresh)")
                        .text(r -> Formats.percent(r.fairUp()))
                        .csv(r -> Double.toString(r.fairUp()))
                        .sortBy(by(MarketRow::fairUp)),
                row("up", "Up bid / ask").width(118).numeric()
                        .tooltip("Best bid and ask of the Up share, in cents")
                        .text(r -> Formats.bidAsk(r.bidUp(), r.askUp()))
                        .csv(r -> r.bidUp() + "/" + r.askUp())
                        .sortBy(by(MarketRow::askUp)),
                row("down", "Down bid / ask").width(118).numeric()
                        .tooltip("Best bid and ask of the Down share, in cents")
                        .text(r -> Formats.bidAsk(r.bidDown(), r.askDown()))
                        .csv(r -> r.bidDown() + "/" + r.askDown())
                        .sortBy(by(MarketRow::askDown)),
                row("side", "Side").width(62)
                        .tooltip("The outcome the analysis favours")
                        .text(MarketRow::outcome)
                        .style(r -> "UP".equals(r.outcome()) ? "side-up" : "side-down")
                        .sortBy(Comparator.comparing(MarketRow::outcome)),
                row("implied", "Implied").width(70).numeric()
                        .tooltip("Depth-aware implied probability of that outcome (the price we would pay)")
                        .text(r -> Formats.percent(r.implied()))
                        .csv(r -> Double.toString(r.implied()))
                        .sortBy(by(MarketRow::implied)),
                row("edge", "Edge").width(70).numeric()
                        .tooltip("Fair − implied for that outcome, in cents per share")
                        .text(r -> Formats.signedCents(r.edge()))
                        .csv(r -> Double.toString(r.edge()))
                        .style(r -> signClass(r.edge(), 0.03))
                        .sortBy(by(MarketRow::edge)),
                row("fee", "Taker fee").width(70).numeric()
                        .tooltip("Taker fee per share at that price (makers pay none)")
                        .text(r -> Formats.feeCents(r.takerFee()))
                        .csv(r -> Double.toString(r.takerFee()))
                        .sortBy(by(MarketRow::takerFee)),
                row("ev", "EV / $").width(66).numeric()
                        .tooltip("Expected value per dollar staked, after fee and gas")
                        .text(r -> Formats.evPerDollar(r.evPerDollar()))
                        .csv(r -> Double.toString(r.evPerDollar()))
                        .style(r -> signClass(r.evPerDollar(), 0.05))
                        .sortBy(by(MarketRow::evPerDollar)),
                row("decision", "Decision").width(168)
                        .tooltip("Snipe (take now), Ladder (rest maker orders) or why not")
                        .text(MarketColumns::decision)
                        .style(r -> switch (r.decision()) {
                            case "SNIPE" -> "decision-snipe";
                            case "LADDER" -> "decision-ladder";
                            default -> "decision-none";
                        })
                        .sortBy(Comparator.comparing(MarketRow::decision).thenComparing(MarketRow::reason)),
                row("position", "Position").width(164).numeric()
                        .tooltip("Shares held")
                        .text(MarketColumns::position)
                        .sortBy(Comparator.comparingLong(r -> r.upSharesMicros() + r.downSharesMicros())),
                row("pnl", "PnL").width(76).numeric()
                        .tooltip("Open position at fair value minus its cost")
                        .text(r -> r.costMicros() == 0 && r.unrealizedMicros() == 0 ? Formats.NONE : Formats.signedUsd(r.unrealizedMicros()))
                        .csv(r -> Double.toString(r.unrealizedMicros() / 1e6))
                        .style(r -> r.unrealizedMicros() > 0 ? "pos" : r.unrealizedMicros() < 0 ? "neg" : null)
                        .sortBy(Comparator.comparingLong(MarketRow::unrealizedMicros)),
                row("vol", "σ/√s").width(70).numeric().hidden()
                        .tooltip("Realized volatility per √second")
                        .text(r -> Double.isNaN(r.volPerSqrtSecond()) ? Formats.NONE : String.format(Locale.ROOT, "%.2e", r.volPerSqrtSecond()))
                        .sortBy(by(MarketRow::volPerSqrtSecond)),
                row("allora", "Allora wt").width(70).numeric().hidden()
                        .tooltip("Weight of the Allora forecast in the fair value (0 when stale)")
                        .text(r -> String.format(Locale.ROOT, "%.2f", r.signalWeight()))
                        .sortBy(by(MarketRow::signalWeight)),
                row("slug", "Slug").width(200).hidden()
                        .text(MarketRow::slug)
                        .sortBy(Comparator.comparing(MarketRow::slug)));
    }

    static String decision(MarketRow r) {
        return switch (r.decision()) {
            case "SNIPE" -> "SNIPE";
            case "LADDER" -> "LADDER";
            default -> "– " + r.reason().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    static String position(MarketRow r) {
        if (r.upSharesMicros() != 0 && r.downSharesMicros() != 0) {
            return "U " + Formats.shares(r.upSharesMicros()) + " · D " + Formats.shares(r.downSharesMicros());
        }
        if (r.upSharesMicros() != 0) {
            return "UP " + Formats.shares(r.upSharesMicros());
        }
        if (r.downSharesMicros() != 0) {
            return "DOWN " + Formats.shares(r.downSharesMicros());
        }
        return Formats.NONE;
    }
}
